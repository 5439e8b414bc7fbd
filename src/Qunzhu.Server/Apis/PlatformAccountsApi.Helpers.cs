using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;
using Qunzhu.Server.Auth;

namespace Qunzhu.Server.Apis;

public static partial class PlatformAccountsApi
{
    private static Task<PlatformAccount?> FindAsync(PlatformAccountDeps deps, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var visible = deps.Db.VisibleAccountIds(user);
        return deps.Db.PlatformAccounts.FirstOrDefaultAsync(a => a.Id == id && a.WorkspaceId == workspaceId && visible.Contains(a.Id), ct);
    }

    private static Dictionary<string, string> CurrentValues(PlatformAccount account, PlatformAccountDeps deps)
    {
        var values = new Dictionary<string, string>(account.Settings, StringComparer.Ordinal);
        foreach (var (key, value) in deps.Secrets.Unprotect(account.Id, account.ProtectedSecrets)) values[key] = value;
        return values;
    }

    private static void Store(PlatformAccount account, IPlatformAccountType type, Dictionary<string, string> values, PlatformAccountDeps deps)
    {
        var (plain, secret) = PlatformAccountInput.Split(type, values);
        account.Settings = plain;
        account.ProtectedSecrets = deps.Secrets.Protect(account.Id, secret);
    }

    private static async Task<Results<Ok<PlatformAccountResponse>, ProblemHttpResult>> SetEnabledAsync(Guid id, bool enabled, ClaimsPrincipal user,
        PlatformAccountDeps deps, PublicAddress site, CancellationToken ct)
    {
        var account = await FindAsync(deps, user, id, ct);
        if (account is null) return Problems.NotFound("Platform account", id);
        if (account.Platform == PlatformKind.Sandbox && !enabled)
            return Problems.Conflict("The sandbox account cannot be disabled", "The sandbox is built into every workspace; delete its groups instead.");
        ConnectionTestResult? setup = null;
        if (account.Enabled != enabled)
        {
            account.Enabled = enabled;
            account.UpdatedAt = deps.Time.GetUtcNow().UtcDateTime;
            await deps.Db.SaveChangesAsync(ct);
            deps.Settings.Invalidate(account.Id);
            deps.Signals.AccountsChanged();
            if (enabled && deps.Types.Find(account.Platform) is { } type) setup = await SetUpAsync(account, type, deps, site, ct);
        }
        return TypedResults.Ok(await PlatformAccountViews.ViewAsync(account, deps, site, ct, setup));
    }

    /// <summary>Registers a saved, enabled account with its platform when its type does that (e.g. Telegram setWebhook).</summary>
    private static async Task<ConnectionTestResult?> SetUpAsync(PlatformAccount account, IPlatformAccountType type, PlatformAccountDeps deps,
        PublicAddress site, CancellationToken ct)
    {
        if (type is not IPlatformAccountSetup setup || !account.Enabled || PlatformAccountViews.WebhookUrl(account, site) is not { } url) return null;
        return await SafeAsync(() => setup.ApplyAsync(account, AccountSettingsProvider.For(account, deps.Secrets), url, ct), "Setting the account up");
    }

    /// <summary>A connector that throws instead of answering still gives the operator a result; the exception's
    /// message is not shown, since a client library may put a URL with a token in it.</summary>
    private static async Task<ConnectionTestResult?> SafeAsync(Func<Task<ConnectionTestResult?>> call, string what)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ConnectionTestResult.Failure($"{what} failed ({ex.GetType().Name}). Check the settings and that the platform is reachable.");
        }
    }
}
