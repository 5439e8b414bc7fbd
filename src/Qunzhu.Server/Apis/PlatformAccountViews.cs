using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// <summary>What the API shows of an account: never a secret's value, only whether it is set.</summary>
internal static class PlatformAccountViews
{
    private const int RecentErrors = 10;

    public static async Task<PlatformAccountResponse> ViewAsync(PlatformAccount account, PlatformAccountDeps deps, PublicAddress site,
        CancellationToken ct, ConnectionTestResult? setup = null)
    {
        var type = deps.Types.Find(account.Platform);
        var settings = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in account.Settings) settings[key] = value;
        if (type is not null)
        {
            var secrets = deps.Secrets.Unprotect(account.Id, account.ProtectedSecrets);
            foreach (var field in type.Fields.Where(f => f.Secret))
            {
                settings.Remove(field.Name);
                settings[field.Name] = new SecretState(secrets.ContainsKey(field.Name));
            }
        }
        var errors = await deps.Db.Outbox.AsNoTracking()
            .Where(o => o.AccountId == account.Id && o.WorkspaceId == account.WorkspaceId && o.LastError != null)
            .OrderByDescending(o => o.Id).Take(RecentErrors)
            .Select(o => new DeliveryErrorResponse(o.Id, o.CommunityId, o.ChatId, o.Kind, o.Status, o.Attempts, o.LastError!, o.CreatedAt))
            .ToListAsync(ct);
        var fields = type?.Fields.Select(Field).ToList() ?? [];
        return new PlatformAccountResponse(account.Id, account.Platform, account.Name, account.Enabled, settings, fields,
            WebhookUrl(account, site)?.ToString(), account.LastEventAt, errors, account.CreatedAt, account.UpdatedAt, setup);
    }

    public static AccountFieldResponse Field(AccountSettingField f) => new(f.Name, f.Secret, f.Required, f.HelpZh, f.HelpEn);

    /// <summary>/webhooks/{platform}/{id}, absolute from the address the caller used (the sandbox has none).</summary>
    public static Uri? WebhookUrl(PlatformAccount account, PublicAddress site) =>
        account.Platform == PlatformKind.Sandbox
            ? null
            : site.Combine($"webhooks/{account.Platform.ToString().ToLowerInvariant()}/{account.Id}");
}

/// <summary>What the platform-account handlers need, bound with [AsParameters].</summary>
public sealed record PlatformAccountDeps(AppDbContext Db, PlatformAccountTypes Types, AccountSecrets Secrets, IAccountSettingsProvider Settings,
    Qunzhu.Engine.EngineSignals Signals, TimeProvider Time)
{
    /// <summary>The same dependencies from a service scope, for the console.</summary>
    public static PlatformAccountDeps From(IServiceProvider services) => new(services.GetRequiredService<AppDbContext>(),
        services.GetRequiredService<PlatformAccountTypes>(), services.GetRequiredService<AccountSecrets>(),
        services.GetRequiredService<IAccountSettingsProvider>(), services.GetRequiredService<Qunzhu.Engine.EngineSignals>(),
        services.GetRequiredService<TimeProvider>());
}
