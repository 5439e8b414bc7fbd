namespace Qunzhu.Engine.Ingestion;

/// Stores accepted events durably. Returns once the event is committed.
public interface IInboxWriter
{
    /// <returns>True when the event is new; false when this account already had an event with this id.</returns>
    Task<bool> AcceptAsync(InboxItem item, CancellationToken cancellationToken);
}
