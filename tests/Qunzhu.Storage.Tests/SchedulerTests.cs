using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Qunzhu.Core.Pipeline;
using Qunzhu.Engine;
using Qunzhu.Engine.Scheduling;
using Qunzhu.Storage;
using Qunzhu.Testing;

namespace Qunzhu.Storage.Tests;

/// Two nodes' schedulers find the same due job. PostgreSQL only: SQLite lets one writer in at a time,
/// so there the second scheduler cannot even start its transaction before the first commits.
public sealed class SchedulerTests
{
    [Theory, DatabaseData(Providers = new[] { StorageProvider.Postgres })]
    public async Task RunDue_OtherNodeRanTheJobMeanwhile_LosesWithoutRecordingAFailure(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var job = Rows.Job("welcome:c1:e1");
        await using (var db = database.CreateContext())
        {
            db.ScheduledJobs.Add(job);
            await db.SaveChangesAsync();
        }
        var time = new FakeTimeProvider(new DateTimeOffset(job.DueAt).AddMinutes(1));
        var b = Scheduler(database, new SendsGreeting(), time);
        // a's handler runs while b, on the other node, runs and commits the same job; a then commits too.
        var a = Scheduler(database, new SendsGreeting(() => b.RunDueAsync(default)), time);

        (await a.RunDueAsync(default)).ShouldBe(0);

        await using var check = database.CreateContext();
        var row = await check.ScheduledJobs.SingleAsync(j => j.Id == job.Id);
        row.Status.ShouldBe(ScheduledJobStatus.Completed);
        row.Attempts.ShouldBe(0);
        row.LastError.ShouldBeNull();
        (await check.Outbox.CountAsync()).ShouldBe(1);
    }

    private static Scheduler Scheduler(TestDatabase database, IJobHandler handler, TimeProvider time) => new(
        database.Factory, [handler], new EngineSignals(Options.Create(new EngineOptions())), time, NullLogger<Scheduler>.Instance);

    /// Writes the job's greeting to the outbox, under the job's key, like the welcome handler.
    private sealed class SendsGreeting(Func<Task>? meanwhile = null) : IJobHandler
    {
        public string Kind => "welcome";

        public async Task RunAsync(AppDbContext db, ScheduledJob job, CancellationToken cancellationToken)
        {
            if (meanwhile is not null) await meanwhile();
            var greeting = Rows.Outbox($"job:{job.Id:N}");
            greeting.WorkspaceId = job.WorkspaceId;
            db.Outbox.Add(greeting);
        }
    }
}
