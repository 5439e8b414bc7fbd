using Qunzhu.Core.Pipeline;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Delivery;

/// <summary>A connector whose delivery is rows in Qunzhu's own database (the sandbox). The dispatcher runs a delivery
/// round in one transaction: the connector's rows and the actions' new status commit together, so a round is one
/// write instead of one per chat and action, and no crash can fall between a delivery and its mark. The engine also
/// delivers a batch's own actions this way, inside the batch's transaction (<see cref="InDatabaseDelivery"/>), without
/// asking whether the account is enabled: an in-database platform's accounts cannot be disabled.</summary>
public interface IInDatabaseConnector
{
    /// <summary>Performs the actions by writing through <paramref name="db"/>, inside the round's open transaction.
    /// It must not wait for any other writer (the round holds the database's write lock). Actions of one chat come in order.</summary>
    /// <param name="fresh">The actions are being written in this same transaction (the engine's batch): their keys are new by
    /// the outbox's unique index, so nothing of theirs can have been performed before, and the connector need not look.</param>
    /// <returns>Per action, null when it was performed, else why it never can be (the action is dead-lettered).</returns>
    Task<IReadOnlyList<string?>> WriteAsync(AppDbContext db, IReadOnlyList<OutboundAction> actions, bool fresh, CancellationToken ct);

    /// <summary>After the round committed. A crash before it ran means the round's actions are not delivered again, so
    /// it runs at most once: anything that must happen (a removed member's leave) belongs in <see cref="WriteAsync"/>'s
    /// transaction, and this only hastens what was committed (wakes the processing of events the write stored).</summary>
    Task AfterCommitAsync(IReadOnlyList<OutboundAction> delivered, CancellationToken ct);
}
