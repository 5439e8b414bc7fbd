namespace Qunzhu.Core.Sops;

/// <summary>What starts a member SOP for a person.</summary>
/// <param name="InviteCode">Joined: only joins through this channel / invite code count.</param>
/// <param name="Tag">Tagged: the member tag that starts it.</param>
public sealed record SopTrigger(SopTriggerKind On, string? InviteCode = null, string? Tag = null);

public enum SopTriggerKind
{
    Joined,
    Tagged,
}
