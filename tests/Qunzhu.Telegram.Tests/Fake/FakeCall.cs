using System.Text.Json;

namespace Qunzhu.Telegram.Tests.Fake;

/// <summary>One Bot API call the fake received, with its parameters and what it answered.</summary>
public sealed record FakeCall(string Method, JsonElement Parameters, DateTimeOffset At, int Status)
{
    public string? Chat => Parameters.TryGetProperty("chat_id", out var c) ? c.ToString() : null;

    public string? Get(string name) => Parameters.TryGetProperty(name, out var v) ? v.ToString() : null;
}
