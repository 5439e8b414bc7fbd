using System.Text.Json.Nodes;

namespace Qunzhu.Testing.WeCom;

/// <summary>One request the fake WeCom received: the method path (e.g. externalcontact/groupchat/get), the
/// query and the JSON body, and the errcode it answered.</summary>
public sealed record FakeWeComCall(string Method, IReadOnlyDictionary<string, string> Query, JsonNode? Body, int ErrCode);
