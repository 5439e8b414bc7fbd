using System.Collections.Concurrent;
using Qunzhu.Core.Communities;

namespace Qunzhu.Engine.Caching;

/// <summary>Platform identities the engine has seen stored, by (account, platform user id). An identity row is never
/// changed or deleted once committed, so a copy kept here is never stale, on any node; only committed rows are
/// added. The engine then reads from the database just the people it has not met since start-up. Bounded: past
/// <see cref="Capacity"/> entries it starts empty again (the next batches read their people once more).</summary>
public sealed class IdentityCache
{
    /// <summary>About 200 bytes an entry: some 40 MB when full.</summary>
    public const int Capacity = 200_000;

    private readonly ConcurrentDictionary<(Guid AccountId, string UserId), MemberIdentity> _identities = new();
    // ConcurrentDictionary.Count takes every lock of the dictionary: the size is counted here instead.
    private int _count;

    public bool TryGet(Guid accountId, string userId, out MemberIdentity identity) =>
        _identities.TryGetValue((accountId, userId), out identity!);

    /// <summary>Keeps identities read from the database, or written by a transaction that has committed.</summary>
    public void AddCommitted(IEnumerable<MemberIdentity> identities)
    {
        foreach (var identity in identities)
        {
            if (Volatile.Read(ref _count) >= Capacity)
            {
                _identities.Clear();
                Volatile.Write(ref _count, 0);
            }
            if (_identities.TryAdd((identity.AccountId, identity.ExternalUserId), identity)) Interlocked.Increment(ref _count);
        }
    }
}
