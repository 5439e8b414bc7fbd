using Qunzhu.Core.Pipeline;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Delivery;

/// <summary>A connector whose delivery is rows in Qunzhu's own database (the sandbox). The dispatcher hands it the
/// delivery round's context: the rows it adds commit in one transaction with the round's delivered marks, so a round
/// is one write instead of one per chat and action, and no crash can fall between a delivery and its mark.</summary>
public interface IInDatabaseConnector
{
    /// <summary>Performs the actions by adding rows to <paramref name="db"/> without saving; the dispatcher saves them
    /// with the actions' new status. Actions of one chat come in order.</summary>
    /// <returns>Per action, null when it was performed, else why it never can be (the action is dead-lettered).</returns>
    Task<IReadOnlyList<string?>> StageAsync(AppDbContext db, IReadOnlyList<OutboundAction> actions, CancellationToken ct);
}
