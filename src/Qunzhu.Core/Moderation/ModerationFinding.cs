namespace Qunzhu.Core.Moderation;

/// <summary>What a scan found: the kind, and for the operator the word, the lure or the host.</summary>
public sealed record ModerationFinding(ViolationKind Kind, string Detail);
