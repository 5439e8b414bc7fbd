using Qunzhu.Engine.Processing;

namespace Qunzhu.Engine.Modules;

/// <summary>One feature of the bot. Modules run in a fixed order (moderation first) inside the
/// event's transaction; they read and write their own state through the context's database.</summary>
public interface IEngineModule
{
    string Name { get; }

    ValueTask HandleAsync(EventContext context, CancellationToken cancellationToken);

    /// <summary>Called once per batch before its first event: a chance to read the state every event of the
    /// batch needs in one query (kept in <see cref="EngineBatch.State{T}"/>). Reading nothing is fine.</summary>
    ValueTask PrepareAsync(EngineBatch batch, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
