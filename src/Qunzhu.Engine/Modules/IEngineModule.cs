using Qunzhu.Engine.Processing;

namespace Qunzhu.Engine.Modules;

/// <summary>One feature of the bot. Modules run in a fixed order (moderation first) inside the
/// event's transaction; they read and write their own state through the context's database.</summary>
public interface IEngineModule
{
    string Name { get; }

    ValueTask HandleAsync(EventContext context, CancellationToken cancellationToken);
}
