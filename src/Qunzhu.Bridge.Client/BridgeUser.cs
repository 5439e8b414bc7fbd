namespace Qunzhu.Bridge.Client;

/// <summary>A person as the bridge's platform knows them.</summary>
/// <param name="Id">Stable id on the platform (1–128 characters); the same person keeps it across chats.</param>
/// <param name="Name">Display name (≤ 100 characters).</param>
/// <param name="IsAdmin">The person is an admin of the chat (moderation leaves admins alone).</param>
public sealed record BridgeUser(string Id, string? Name = null, bool? IsAdmin = null);
