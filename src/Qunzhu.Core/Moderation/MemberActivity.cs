namespace Qunzhu.Core.Moderation;

/// <summary>One member's recent messages in one group, for <see cref="FloodTracker"/>. Not
/// thread-safe by itself: callers hold <see cref="Gate"/>. Both lists are bounded, so a member
/// who floods for an hour costs no more memory than one who floods for a second.</summary>
internal sealed class MemberActivity
{
    /// Distinct recent texts kept per member; repeats are counted among these.
    public const int MaxRecentTexts = 64;

    private readonly Queue<long> _messageTicks = new();
    private readonly List<(ulong Hash, long Ticks)> _texts = [];

    public Lock Gate { get; } = new();

    /// Set by the sweep once the entry left the dictionary; a caller that raced it retries.
    public bool Evicted { get; set; }

    /// When nothing recorded so far matters any more: the latest time + window seen.
    public long ExpiresTicks { get; private set; }

    public bool RecordMessage(long atTicks, int maxMessages, long windowTicks)
    {
        ExpiresTicks = Math.Max(ExpiresTicks, atTicks + windowTicks);
        while (_messageTicks.TryPeek(out var first) && atTicks - first >= windowTicks) _messageTicks.Dequeue();
        _messageTicks.Enqueue(atTicks);
        if (_messageTicks.Count <= maxMessages) return false;
        // One burst is one violation: counting starts again, so the ladder is not climbed
        // three steps by a single burst of ten messages.
        _messageTicks.Clear();
        return true;
    }

    public bool RecordText(ulong hash, long atTicks, int maxRepeats, long windowTicks)
    {
        ExpiresTicks = Math.Max(ExpiresTicks, atTicks + windowTicks);
        var same = 0;
        var kept = 0;
        for (var i = 0; i < _texts.Count; i++)
        {
            var text = _texts[i];
            if (atTicks - text.Ticks >= windowTicks) continue;
            if (text.Hash == hash) same++;
            _texts[kept++] = text;
        }
        _texts.RemoveRange(kept, _texts.Count - kept);
        if (same + 1 > maxRepeats)
        {
            _texts.RemoveAll(t => t.Hash == hash);
            return true;
        }
        if (_texts.Count >= MaxRecentTexts) _texts.RemoveAt(0);
        _texts.Add((hash, atTicks));
        return false;
    }
}
