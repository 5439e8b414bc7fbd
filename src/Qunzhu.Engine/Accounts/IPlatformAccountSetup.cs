using Qunzhu.Core.Platforms;

namespace Qunzhu.Engine.Accounts;

/// <summary>Optional, on an <see cref="IPlatformAccountType"/>: registers the account with its platform after
/// it was saved or enabled (e.g. Telegram setWebhook). Only the API knows the public URL of the webhook,
/// so it passes it in. A failure does not undo the save: the result is shown to the operator.</summary>
public interface IPlatformAccountSetup
{
    Task<ConnectionTestResult?> ApplyAsync(PlatformAccount account, AccountSettings settings, Uri webhookUrl, CancellationToken ct);
}
