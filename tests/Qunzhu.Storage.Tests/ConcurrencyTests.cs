using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Pipeline;
using Qunzhu.Testing;

namespace Qunzhu.Storage.Tests;

/// Two nodes (two contexts) change the same row: the second loses cleanly instead of overwriting.
public sealed class ConcurrencyTests
{
    [Theory, DatabaseData]
    public async Task InboxStatus_SecondNodeMarksAnAlreadyProcessedEvent_ThrowsConcurrencyAndFirstWins(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var stored = Rows.Inbox(Guid.CreateVersion7(), "e1");
        await using (var db = database.CreateContext())
        {
            db.Inbox.Add(stored);
            await db.SaveChangesAsync();
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.Inbox.SingleAsync(e => e.Sequence == stored.Sequence && e.Status == InboxStatus.Pending);
        var theirs = await second.Inbox.SingleAsync(e => e.Sequence == stored.Sequence && e.Status == InboxStatus.Pending);
        mine.Status = InboxStatus.Processed;
        mine.ProcessedAt = Rows.Instant;
        await first.SaveChangesAsync();

        theirs.Status = InboxStatus.Processed;
        theirs.Error = "processed twice";
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.CreateContext();
        var row = await check.Inbox.SingleAsync(e => e.Sequence == stored.Sequence);
        row.Status.ShouldBe(InboxStatus.Processed);
        row.Error.ShouldBeNull();
        row.ProcessedAt.ShouldBe(Rows.Instant);
    }

    [Theory, DatabaseData]
    public async Task ScheduledJobVersion_JobChangedMeanwhile_SecondWriterThrowsConcurrencyAndFirstWins(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var job = Rows.Job("welcome:c1:e1");
        await using (var db = database.CreateContext())
        {
            db.ScheduledJobs.Add(job);
            await db.SaveChangesAsync();
        }

        await using var module = database.CreateContext();
        await using var scheduler = database.CreateContext();
        var appending = await module.ScheduledJobs.SingleAsync(j => j.Id == job.Id);
        var running = await scheduler.ScheduledJobs.SingleAsync(j => j.Id == job.Id);
        // A join appends itself to the open welcome batch…
        appending.Payload = """[{"UserId":"u2","Name":"小李"}]""";
        appending.Version++;
        await module.SaveChangesAsync();
        // …while the scheduler, holding the old version, completes the job: it must read it again instead.
        running.Status = ScheduledJobStatus.Completed;
        running.Version++;
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => scheduler.SaveChangesAsync());

        await using var check = database.CreateContext();
        var row = await check.ScheduledJobs.SingleAsync(j => j.Id == job.Id);
        row.Status.ShouldBe(ScheduledJobStatus.Pending);
        row.Version.ShouldBe(1);
        row.Payload.ShouldNotBeNull().ShouldContain("小李");
    }
}
