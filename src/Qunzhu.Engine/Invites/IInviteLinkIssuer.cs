using Qunzhu.Core.Communities;
using Qunzhu.Core.Platforms;

namespace Qunzhu.Engine.Invites;

/// <summary>Creates a named invite link on a platform that has them (Telegram createChatInviteLink).
/// A join through the link is attributed to its name.</summary>
public interface IInviteLinkIssuer
{
    PlatformKind Platform { get; }

    Task<InviteLinkIssued> CreateAsync(Community community, InviteLinkSpec spec, CancellationToken ct);
}

/// <param name="Name">Unique per group; what joins are attributed to.</param>
/// <param name="MemberLimit">How many may join through it (1–99999), or null for no limit.</param>
/// <param name="CreatesJoinRequest">Joining asks for approval instead of joining at once.</param>
public sealed record InviteLinkSpec(string Name, int? MemberLimit, bool CreatesJoinRequest);

/// <summary>The link, or why the platform refused (e.g. the bot is not an administrator).</summary>
public sealed record InviteLinkIssued(string? Url, string? Error);
