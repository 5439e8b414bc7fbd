using System.Collections.Concurrent;

namespace Qunzhu.Core.Moderation;

/// <summary>Counts each member's recent messages per group to spot flooding. One instance per
/// process (a singleton), safe to call from any thread. Time comes in with every call (the
/// message's own timestamp), so the tracker has no clock of its own. Memory stays bounded:
/// every <see cref="SweepEvery"/> calls, members with nothing inside their window are dropped.
/// The engine calls <see cref="Record"/> for every message, and <see cref="RecordText"/> for
/// messages with text; both share one entry per member.</summary>
public sealed class FloodTracker
{
    public const int SweepEvery = 1024;

    private readonly ConcurrentDictionary<(Guid Community, Guid Member), MemberActivity> _members = new();
    private long _calls;
    private int _sweeping;

    /// Members currently tracked, across groups.
    public int TrackedMembers => _members.Count;

    /// <summary>Records a message; true when it is more than <paramref name="maxMessages"/> inside
    /// <paramref name="window"/> (a message counts while less than a window old), i.e. for the
    /// (maxMessages+1)-th. Counting then starts again, so one burst is one violation.</summary>
    public bool Record(Guid communityId, Guid memberId, DateTime atUtc, int maxMessages, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        bool flooded;
        while (true)
        {
            var activity = _members.GetOrAdd((communityId, memberId), static _ => new MemberActivity());
            lock (activity.Gate)
            {
                if (activity.Evicted) continue;
                flooded = activity.RecordMessage(atUtc.Ticks, maxMessages, window.Ticks);
                break;
            }
        }
        MaybeSweep(atUtc);
        return flooded;
    }

    /// <summary>Records a message's text; true when the same text, compared after
    /// <see cref="TextNormalizer"/> (so "签到!!" repeats "签到"), is posted more than
    /// <paramref name="maxRepeats"/> times inside <paramref name="window"/>. Counting of that text
    /// then starts again. Text that folds to nothing (only emoji or punctuation) is not tracked,
    /// since every such message would look the same.</summary>
    public bool RecordText(Guid communityId, Guid memberId, string text, DateTime atUtc, int maxRepeats, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRepeats, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(maxRepeats, MemberActivity.MaxRecentTexts);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        if (FoldedHash(text) is not { } hash) return false;
        bool repeated;
        while (true)
        {
            var activity = _members.GetOrAdd((communityId, memberId), static _ => new MemberActivity());
            lock (activity.Gate)
            {
                if (activity.Evicted) continue;
                repeated = activity.RecordText(hash, atUtc.Ticks, maxRepeats, window.Ticks);
                break;
            }
        }
        MaybeSweep(atUtc);
        return repeated;
    }

    /// <summary>Drops members with nothing left inside their window; returns how many. Runs by
    /// itself from the record methods; a host may also call it from a timer when traffic is low.</summary>
    public int Sweep(DateTime nowUtc)
    {
        var removed = 0;
        foreach (var (key, activity) in _members)
        {
            lock (activity.Gate)
            {
                if (activity.ExpiresTicks > nowUtc.Ticks) continue;
                activity.Evicted = true;
            }
            if (_members.TryRemove(new KeyValuePair<(Guid, Guid), MemberActivity>(key, activity))) removed++;
        }
        return removed;
    }

    private void MaybeSweep(DateTime atUtc)
    {
        if (Interlocked.Increment(ref _calls) % SweepEvery != 0) return;
        if (Interlocked.Exchange(ref _sweeping, 1) == 1) return;
        try
        {
            Sweep(atUtc);
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    /// FNV-1a over the folded chars: the text itself is never stored, only 8 bytes per message.
    private static ulong? FoldedHash(string text)
    {
        var hash = 14695981039346656037UL;
        var any = false;
        foreach (var c in text)
        {
            var folded = TextNormalizer.Fold(c);
            if (folded == '\0') continue;
            any = true;
            hash = (hash ^ folded) * 1099511628211UL;
        }
        return any ? hash : null;
    }
}
