using Qunzhu.Storage;

namespace Qunzhu.Engine.Ingestion;

/// Stores accepted events durably. Returns once the event is committed.
public interface IInboxWriter
{
    /// <returns>True when the event is new; false when this account already had an event with this id.</returns>
    Task<bool> AcceptAsync(InboxItem item, CancellationToken cancellationToken);

    /// <summary>Stores events inside the caller's open write transaction, so they commit (or roll back) with the rest of
    /// its write: what a platform does in reply to a delivery (a removed member leaves) is then never lost between the
    /// delivery's commit and a second write. Call <see cref="Announce"/> after the commit.</summary>
    /// <returns>For each item, whether it was new.</returns>
    Task<bool[]> StoreWithinAsync(AppDbContext db, IReadOnlyList<InboxItem> items, CancellationToken cancellationToken);

    /// <summary>After a commit that stored events with <see cref="StoreWithinAsync"/>: wakes the processing of their chats
    /// at once instead of at the next poll.</summary>
    void Announce(IEnumerable<string> chatIds);
}
