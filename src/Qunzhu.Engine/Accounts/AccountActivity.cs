using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Accounts;

/// <summary>Keeps <c>PlatformAccount.LastEventAt</c> ("last event received" in the console) current without
/// an extra write per event: an account's row is touched at most once per <see cref="Resolution"/> per node.</summary>
public sealed class AccountActivity
{
    public static readonly TimeSpan Resolution = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<Guid, DateTime> _written = new();

    public async Task RecordAsync(AppDbContext db, IEnumerable<Guid> accountIds, DateTime now, CancellationToken ct)
    {
        var due = accountIds.Distinct().Where(id => !_written.TryGetValue(id, out var at) || now - at >= Resolution).ToList();
        if (due.Count == 0) return;
        foreach (var id in due) _written[id] = now;
        await db.PlatformAccounts.Where(a => due.Contains(a.Id) && (a.LastEventAt == null || a.LastEventAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastEventAt, now), ct);
    }
}
