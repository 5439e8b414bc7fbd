using Qunzhu.Engine.Processing;

namespace Qunzhu.Engine.Modules;

/// <summary>The fixed order of modules. Moderation is first: a message it removes reaches no other module.</summary>
public sealed class ModulePipeline(ModerationModule moderation, WelcomeModule welcome, CheckInModule checkIn, AutoReplyModule autoReply, SopModule sop)
{
    private readonly IEngineModule[] _order = [moderation, welcome, checkIn, autoReply, sop];

    public IReadOnlyList<string> Order => [.. _order.Select(m => m.Name)];

    public async ValueTask PrepareAsync(EngineBatch batch, CancellationToken ct)
    {
        foreach (var module in _order) await module.PrepareAsync(batch, ct);
    }

    /// <returns>Whether a module scheduled a job.</returns>
    public async ValueTask<bool> RunAsync(EventContext context, CancellationToken ct)
    {
        foreach (var module in _order)
        {
            if (context.Stopped) break;
            await module.HandleAsync(context, ct);
        }
        return context.ScheduledJob;
    }
}
