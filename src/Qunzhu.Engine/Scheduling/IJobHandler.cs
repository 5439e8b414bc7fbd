using Qunzhu.Core.Pipeline;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Scheduling;

/// <summary>Runs one kind of due job inside the scheduler's transaction; what it writes (outbox rows,
/// state) commits together with the job being marked done.</summary>
public interface IJobHandler
{
    string Kind { get; }

    Task RunAsync(AppDbContext db, ScheduledJob job, CancellationToken cancellationToken);
}
