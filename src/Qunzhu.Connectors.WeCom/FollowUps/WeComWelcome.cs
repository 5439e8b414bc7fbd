using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Connectors.WeCom.Callbacks;
using Qunzhu.Connectors.WeCom.Groups;
using Qunzhu.Engine.Caching;
using Qunzhu.Engine.Modules;

namespace Qunzhu.Connectors.WeCom.FollowUps;

/// <summary>A new customer contact with a WelcomeCode: send the workspace's welcome text through
/// send_welcome_msg. WeCom accepts the code once and only within 20 seconds of the callback; after that
/// the code is useless and nothing is sent (the result says so).</summary>
public sealed class WeComWelcome(WeComApiClient api, ConfigCache config, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(20);

    /// <returns>Null when sent (or when the welcome is switched off); else why nothing was sent.</returns>
    public async Task<string?> SendAsync(WeComAccountContext account, WeComCallback callback, CancellationToken ct)
    {
        if (time.GetUtcNow().UtcDateTime - callback.At > Window)
            return $"The welcome code arrived at {callback.At:O} and expired {Window.TotalSeconds:0} s later, before it could be used.";
        var cfg = await config.GetAsync(account.WorkspaceId, ct);
        var welcome = cfg.SettingsFor(null, null).Welcome;
        if (!welcome.Enabled) return null;
        var credentials = account.Settings.Credentials;
        string name;
        try
        {
            name = (await api.GetExternalContactAsync(credentials, callback.ExternalUserId!, ct))?.Name ?? "";
        }
        catch (WeComApiException)
        {
            // The greeting matters more than the name in it: the code expires while we retry.
            name = "";
        }
        var text = WelcomeText.Build(welcome, name.Length > 0 ? [name] : [], cfg.Workspace.Name, cfg.Workspace.Locale);
        await api.SendWelcomeMessageAsync(credentials, callback.WelcomeCode!, text, ct);
        return null;
    }
}
