using Qunzhu.Core.Communities;
using Qunzhu.Core.Events;
using Qunzhu.Core.Templates;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Processing;

/// <summary>What one engine batch is about to process, shown to the modules before the first event runs, so
/// a module can read the state of the whole batch in a few queries instead of a few per event. Modules keep
/// what they read in <see cref="State{T}"/>; it lives as long as the batch.</summary>
public sealed class EngineBatch(AppDbContext db, IReadOnlyList<EngineBatch.Item> items, LocalEntities local)
{
    private readonly Dictionary<Type, object> _state = [];

    /// <summary>A chat event of a known member in a known community, with the settings that apply to it.</summary>
    /// <param name="NewMember">The batch met this member for the first time: no stored row refers to them yet.</param>
    public sealed record Item(Community Community, Guid MemberId, ChatEvent Event, TemplateSettings Settings, DateOnly LocalDay, bool NewMember);

    /// <summary>The database as of the batch's start (reads only: writes belong to the events).</summary>
    public AppDbContext Db { get; } = db;

    public IReadOnlyList<Item> Items { get; } = items;

    /// <summary>What the batch's context tracks, by type (use instead of <c>DbSet.Local</c>).</summary>
    public LocalEntities Local { get; } = local;

    /// <summary>A module's per-batch state, created on first use.</summary>
    public T State<T>() where T : class, new()
    {
        if (!_state.TryGetValue(typeof(T), out var state)) _state[typeof(T)] = state = new T();
        return (T)state;
    }
}
