using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;
using Qunzhu.Server.Auth;

namespace Qunzhu.Server.Apis;

/// Connections to Telegram, WeCom and bridges: settings with encrypted secrets, webhook URL, test, enable/disable.
public static partial class PlatformAccountsApi
{
    public static RouteGroupBuilder MapPlatformAccountsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/platform-accounts").WithTags("Platform accounts");
        group.MapGet("/", List).WithName("ListPlatformAccounts").WithSummary("All accounts of the workspace, the sandbox included (an Operator: those of their groups)");
        group.MapGet("/types", Types).WithName("ListPlatformAccountTypes")
            .WithSummary("The platforms this server can connect, each with the settings its accounts take (help in zh-CN and en-US)");
        group.MapPost("/", Create).WithName("CreatePlatformAccount").WithSummary("Connect a Telegram bot, WeCom app or bridge");
        group.MapGet("/{id:guid}", Get).WithName("GetPlatformAccount").WithSummary("An account: settings (secrets only as set/unset), webhook URL, recent errors");
        group.MapPatch("/{id:guid}", Update).WithName("UpdatePlatformAccount").WithSummary("Rename or change settings; omitted secrets keep their value");
        group.MapPost("/{id:guid}/disable", Disable).WithName("DisablePlatformAccount").WithSummary("Stop receiving and delivering for this account");
        group.MapPost("/{id:guid}/enable", Enable).WithName("EnablePlatformAccount").WithSummary("Resume a disabled account");
        group.MapPost("/{id:guid}/test", Test).WithName("TestPlatformAccount").WithSummary("Call the platform with the saved settings");
        return api;
    }

    public static async Task<Ok<List<PlatformAccountResponse>>> List(ClaimsPrincipal user, [AsParameters] PlatformAccountDeps deps,
        PublicAddress site, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var visible = deps.Db.VisibleAccountIds(user);
        var accounts = await deps.Db.PlatformAccounts.AsNoTracking().Where(a => a.WorkspaceId == workspaceId && visible.Contains(a.Id)).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var views = new List<PlatformAccountResponse>(accounts.Count);
        foreach (var account in accounts) views.Add(await PlatformAccountViews.ViewAsync(account, deps, site, ct));
        return TypedResults.Ok(views);
    }

    public static Ok<List<PlatformAccountTypeResponse>> Types(PlatformAccountTypes types) =>
        TypedResults.Ok(types.All.OrderBy(t => t.Platform)
            .Select(t => new PlatformAccountTypeResponse(t.Platform, [.. t.Fields.Select(PlatformAccountViews.Field)])).ToList());

    public static async Task<Results<Ok<PlatformAccountResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user,
        [AsParameters] PlatformAccountDeps deps, PublicAddress site, CancellationToken ct)
    {
        var account = await FindAsync(deps, user, id, ct);
        if (account is null) return Problems.NotFound("Platform account", id);
        return TypedResults.Ok(await PlatformAccountViews.ViewAsync(account, deps, site, ct));
    }

    public static async Task<Results<Created<PlatformAccountCreated>, ValidationProblem>> Create(CreatePlatformAccountRequest body, ClaimsPrincipal user,
        [AsParameters] PlatformAccountDeps deps, PublicAddress site, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        IPlatformAccountType? type = null;
        if (!Enum.TryParse<PlatformKind>(body.Platform, ignoreCase: true, out var platform) || int.TryParse(body.Platform, out _))
            errors["platform"] = [$"Unknown platform '{body.Platform}'. Use telegram, wecom or bridge."];
        else if (platform == PlatformKind.Sandbox)
            errors["platform"] = ["Every workspace has its sandbox account already; sandbox accounts cannot be created."];
        else if ((type = deps.Types.Find(platform)) is null)
            errors["platform"] = [$"The {platform} connector is not installed on this server."];
        if (PlatformAccountInput.ValidateName(body.Name) is { } nameProblem) errors["name"] = [nameProblem];
        if (type is null) return TypedResults.ValidationProblem(errors);
        var values = PlatformAccountInput.Merge(type, new Dictionary<string, string>(), body.Settings, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var now = deps.Time.GetUtcNow().UtcDateTime;
        var account = new PlatformAccount { WorkspaceId = user.WorkspaceIdOf(), Platform = platform, Name = body.Name!.Trim(), CreatedAt = now, UpdatedAt = now };
        Store(account, type, values, deps);
        deps.Db.PlatformAccounts.Add(account);
        await deps.Db.SaveChangesAsync(ct);
        deps.Settings.Invalidate(account.Id);
        deps.Signals.AccountsChanged();
        var setup = await SetUpAsync(account, type, deps, site, ct);
        return TypedResults.Created($"/api/v1/platform-accounts/{account.Id}", new PlatformAccountCreated(account.Id, setup));
    }

    public static async Task<Results<Ok<PlatformAccountResponse>, ValidationProblem, ProblemHttpResult>> Update(Guid id, UpdatePlatformAccountRequest body,
        ClaimsPrincipal user, [AsParameters] PlatformAccountDeps deps, PublicAddress site, CancellationToken ct)
    {
        var account = await FindAsync(deps, user, id, ct);
        if (account is null) return Problems.NotFound("Platform account", id);
        var errors = new Dictionary<string, string[]>();
        if (body.Name is not null && PlatformAccountInput.ValidateName(body.Name) is { } nameProblem) errors["name"] = [nameProblem];
        var type = deps.Types.Find(account.Platform);
        Dictionary<string, string>? values = null;
        if (body.Settings is { Count: > 0 })
        {
            if (type is null) errors["settings"] = [$"{account.Platform} accounts have no settings."];
            else values = PlatformAccountInput.Merge(type, CurrentValues(account, deps), body.Settings, errors);
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        if (body.Name is not null) account.Name = body.Name.Trim();
        if (values is not null) Store(account, type!, values, deps);
        account.UpdatedAt = deps.Time.GetUtcNow().UtcDateTime;
        await deps.Db.SaveChangesAsync(ct);
        deps.Settings.Invalidate(account.Id);
        var setup = values is null ? null : await SetUpAsync(account, type!, deps, site, ct);
        return TypedResults.Ok(await PlatformAccountViews.ViewAsync(account, deps, site, ct, setup));
    }

    public static Task<Results<Ok<PlatformAccountResponse>, ProblemHttpResult>> Disable(Guid id, ClaimsPrincipal user,
        [AsParameters] PlatformAccountDeps deps, PublicAddress site, CancellationToken ct) => SetEnabledAsync(id, false, user, deps, site, ct);

    public static Task<Results<Ok<PlatformAccountResponse>, ProblemHttpResult>> Enable(Guid id, ClaimsPrincipal user,
        [AsParameters] PlatformAccountDeps deps, PublicAddress site, CancellationToken ct) => SetEnabledAsync(id, true, user, deps, site, ct);

    public static async Task<Results<Ok<ConnectionTestResult>, ProblemHttpResult>> Test(Guid id, ClaimsPrincipal user,
        [AsParameters] PlatformAccountDeps deps, CancellationToken ct)
    {
        var account = await FindAsync(deps, user, id, ct);
        if (account is null) return Problems.NotFound("Platform account", id);
        var type = deps.Types.Find(account.Platform);
        if (type is null) return TypedResults.Ok(ConnectionTestResult.Success("The sandbox is built in; there is nothing to connect to."));
        var result = await SafeAsync(async () => await type.TestConnectionAsync(account, AccountSettingsProvider.For(account, deps.Secrets), ct), "Testing the connection");
        return TypedResults.Ok(result!);
    }
}
