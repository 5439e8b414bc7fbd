using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Caching;
using Qunzhu.Engine.Modules;
using Qunzhu.Engine.Processing;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Scheduling;

/// Sends one greeting for everyone who joined during the batch window.
public sealed class WelcomeJobHandler(ConfigCache config, ActionRouter router, PlatformCatalog platforms, TimeProvider time) : IJobHandler
{
    public string Kind => WelcomeModule.JobKind;

    public async Task RunAsync(AppDbContext db, ScheduledJob job, CancellationToken cancellationToken)
    {
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == job.CommunityId, cancellationToken);
        var joiners = JsonSerializer.Deserialize<List<WelcomeJoiner>>(job.Payload ?? "[]") ?? [];
        if (community is null || joiners.Count == 0) return;
        var cfg = await config.GetAsync(community.WorkspaceId, cancellationToken);
        var settings = cfg.SettingsFor(community.TemplateId, community.Overrides).Welcome;
        if (!settings.Enabled) return;
        var text = WelcomeText.Build(settings, [.. joiners.Select(j => j.Name)], community.Name, cfg.Workspace.Locale);
        router.Route(db, community, await platforms.CapabilitiesAsync(community, cancellationToken),
            new BotAction(BotActionKind.SendMessage, Text: text), $"job:{job.Id:N}", cfg.Workspace.Locale, time.GetUtcNow().UtcDateTime);
    }
}
