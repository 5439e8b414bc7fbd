using Qunzhu.Connectors.WeCom.Groups;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;

namespace Qunzhu.Connectors.WeCom.Accounts;

/// <summary>WeCom accounts by id, from the (cached, decrypted) account settings.</summary>
public sealed class WeComAccounts(IAccountSettingsProvider settings)
{
    /// <returns>Null when there is no such account, it is not a WeCom account or it is disabled.</returns>
    public async Task<WeComAccountContext?> FindAsync(Guid accountId, CancellationToken ct)
    {
        var s = await settings.FindAsync(accountId, ct);
        if (s is null || s.Platform != PlatformKind.WeCom || !s.Enabled) return null;
        return new WeComAccountContext(s.WorkspaceId, s.AccountId, WeComSettings.From(s.Get));
    }
}
