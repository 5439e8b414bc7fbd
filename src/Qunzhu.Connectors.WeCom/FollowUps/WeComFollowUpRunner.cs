using Qunzhu.Connectors.WeCom.Accounts;
using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Connectors.WeCom.Callbacks;
using Qunzhu.Connectors.WeCom.Contacts;
using Qunzhu.Connectors.WeCom.Groups;
using Qunzhu.Core.Pipeline;

namespace Qunzhu.Connectors.WeCom.FollowUps;

/// <summary>The API work one stored callback needs: read the group (create / update) and record what
/// changed, record a dismissed group's members as gone, record a customer contact's change (and send its
/// welcome message), or drop a deleted corp tag from customers.</summary>
public sealed class WeComFollowUpRunner(WeComAccounts accounts, WeComApiClient api, WeComGroupState groups, WeComWelcome welcome, WeComContacts contacts)
{
    /// <returns>Null when done; else a note on why it was done without effect (kept for the console).</returns>
    /// <exception cref="WeComApiException">WeCom refused or is busy: transient ones are retried.</exception>
    public async Task<string?> RunAsync(InboxEvent stored, CancellationToken ct)
    {
        var account = await accounts.FindAsync(stored.AccountId, ct);
        if (account is null) return "The WeCom account no longer exists or is disabled.";
        var callback = WeComCallback.Parse(stored.Payload);
        if (callback is null) return "The stored callback is not readable XML.";
        if (callback.IsChatEvent)
        {
            if (callback.ChangeType == WeComEvents.Dismiss)
            {
                await groups.DismissAsync(account, callback.ChatId!, callback.At, ct);
                return null;
            }
            var chat = await api.GetGroupChatAsync(account.Settings.Credentials, callback.ChatId!, ct);
            await groups.ApplyAsync(account, chat, stored.PlatformEventId, callback.At, ct);
            return null;
        }
        if (callback.Event == WeComEvents.ChangeExternalTag)
        {
            await contacts.PruneDeletedTagsAsync(account, ct);
            return null;
        }
        // The contact is recorded first: a welcome that fails (or whose code expired) does not lose the attribution.
        var note = await contacts.ApplyAsync(account, callback, ct);
        if (callback.IsContactAdd && callback.WelcomeCode is not null && callback.ExternalUserId is not null)
            return await welcome.SendAsync(account, callback, ct) ?? note;
        return note;
    }
}
