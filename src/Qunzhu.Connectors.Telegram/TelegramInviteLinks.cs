using System.Globalization;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;
using Qunzhu.Engine.Invites;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Qunzhu.Connectors.Telegram;

/// <summary>createChatInviteLink with the link's name, member limit and join-request flag. Telegram sends
/// the link (name included) back in chat_member.invite_link when someone joins through it.</summary>
public sealed class TelegramInviteLinks(IAccountSettingsProvider accounts, TelegramClients clients) : IInviteLinkIssuer
{
    public PlatformKind Platform => PlatformKind.Telegram;

    public async Task<InviteLinkIssued> CreateAsync(Community community, InviteLinkSpec spec, CancellationToken ct)
    {
        var bot = clients.For(await accounts.GetAsync(community.AccountId, ct));
        try
        {
            var link = await bot.CreateChatInviteLink(long.Parse(community.ExternalId, CultureInfo.InvariantCulture), spec.Name,
                memberLimit: spec.CreatesJoinRequest ? null : spec.MemberLimit, createsJoinRequest: spec.CreatesJoinRequest, cancellationToken: ct);
            return new InviteLinkIssued(link.InviteLink, null);
        }
        catch (ApiRequestException e)
        {
            return new InviteLinkIssued(null, $"Telegram refused ({e.ErrorCode}): {e.Message}");
        }
        catch (RequestException)
        {
            return new InviteLinkIssued(null, "Telegram could not be reached.");
        }
    }
}
