using Qunzhu.Core.Pipeline;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Delivery;

/// <summary>A connector whose delivery is rows in Qunzhu's own database (the sandbox). The dispatcher runs a delivery
/// round in one transaction: the connector's rows and the actions' new status commit together, so a round is one
/// write instead of one per chat and action, and no crash can fall between a delivery and its mark.</summary>
public interface IInDatabaseConnector
{
    /// <summary>Performs the actions by writing through <paramref name="db"/>, inside the round's open transaction.
    /// It must not wait for any other writer (the round holds the database's write lock). Actions of one chat come in order.</summary>
    /// <returns>Per action, null when it was performed, else why it never can be (the action is dead-lettered).</returns>
    Task<IReadOnlyList<string?>> WriteAsync(AppDbContext db, IReadOnlyList<OutboundAction> actions, CancellationToken ct);

    /// <summary>After the round committed: what the platform does next (a removed member leaves the chat). Must be
    /// idempotent: a crash before it ran means the round's actions are not delivered again, so it runs at most once,
    /// and a redelivery after a failed commit runs it again.</summary>
    Task AfterCommitAsync(IReadOnlyList<OutboundAction> delivered, CancellationToken ct);
}
