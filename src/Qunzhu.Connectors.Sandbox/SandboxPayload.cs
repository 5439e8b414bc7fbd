namespace Qunzhu.Connectors.Sandbox;

/// <summary>A sandbox event as stored in the inbox (the API request, validated and completed).</summary>
public sealed record SandboxPayload(string Kind, string MemberId, string? MemberName, string? Text, string? InviteCode, DateTime At);
