using Microsoft.EntityFrameworkCore;

namespace Qunzhu.Engine.Processing;

/// <summary>What a batch's context tracks, by type: the answer of <c>DbSet.Local</c> (the database's view plus what
/// earlier events of the batch added) without its cost. EF's local view walks every tracked entity of every type and
/// keeps those of the asked type, so a module looking once per event made a batch quadratic: with a thousand events,
/// the check-in module's two looks were a fifth of the engine's time.</summary>
public sealed class LocalEntities : IDisposable
{
    private readonly DbContext _db;
    private readonly Dictionary<Type, List<object>> _byType = [];

    /// <summary>Starts following <paramref name="db"/>: create it before the context tracks anything.</summary>
    public LocalEntities(DbContext db)
    {
        _db = db;
        _db.ChangeTracker.Tracked += OnTracked;
        _db.ChangeTracker.StateChanged += OnStateChanged;
    }

    /// <summary>The tracked entities of type <typeparamref name="T"/> that are not deleted, in the order they were tracked.</summary>
    public IReadOnlyList<T> Of<T>() where T : class =>
        _byType.TryGetValue(typeof(T), out var list) ? list.ConvertAll(e => (T)e) : [];

    /// <summary>Stops following the context (before the batch's write, which detaches rows it appends itself).</summary>
    public void Dispose()
    {
        _db.ChangeTracker.Tracked -= OnTracked;
        _db.ChangeTracker.StateChanged -= OnStateChanged;
    }

    private void OnTracked(object? sender, Microsoft.EntityFrameworkCore.ChangeTracking.EntityTrackedEventArgs e)
    {
        if (e.Entry.State == EntityState.Deleted) return;
        ListOf(e.Entry.Entity.GetType()).Add(e.Entry.Entity);
    }

    private void OnStateChanged(object? sender, Microsoft.EntityFrameworkCore.ChangeTracking.EntityStateChangedEventArgs e)
    {
        if (e.NewState is EntityState.Deleted or EntityState.Detached && e.OldState is not (EntityState.Deleted or EntityState.Detached))
            ListOf(e.Entry.Entity.GetType()).Remove(e.Entry.Entity);
        else if (e.OldState == EntityState.Deleted && e.NewState is not EntityState.Detached)
            ListOf(e.Entry.Entity.GetType()).Add(e.Entry.Entity);
    }

    private List<object> ListOf(Type type)
    {
        if (!_byType.TryGetValue(type, out var list)) _byType[type] = list = [];
        return list;
    }
}
