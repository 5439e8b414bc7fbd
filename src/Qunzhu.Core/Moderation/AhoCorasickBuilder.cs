namespace Qunzhu.Core.Moderation;

/// <summary>Builds the automaton behind <see cref="SensitiveWordMatcher"/>. Work that can be done
/// once is done here: the fold of every UTF-16 unit is baked into the char → class table, and
/// the edges are laid out flat (CSR) so a scan touches arrays only, never a dictionary.</summary>
internal static class AhoCorasickBuilder
{
    public static AhoCorasickTables Build(IEnumerable<string> words, ushort skip)
    {
        var (originals, patterns) = Distinct(words);
        if (patterns.Count == 0) return new([], [], [], [], [], [], [], [], [], []);

        // Classes number only the chars that occur in some word, so the root's dense row stays
        // small even for 10,000 CJK words; every other char is class 0 and sends the walk home.
        var classes = new Dictionary<char, ushort>();
        foreach (var c in patterns.SelectMany(p => p))
            classes.TryAdd(c, (ushort)(classes.Count + 1));
        var classOf = new ushort[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var folded = TextNormalizer.Fold((char)i);
            classOf[i] = folded == '\0' ? skip : classes.GetValueOrDefault(folded);
        }

        // The trie is grown one depth at a time across all words, so states are numbered breadth
        // first: the shallow states, where a walk spends nearly all its time, sit together at the
        // front of every array and stay in cache. It also makes numeric order a BFS order.
        var edges = new Dictionary<long, int>();
        var terminal = new List<int> { -1 };
        var current = new int[patterns.Count];
        var maxLength = patterns.Max(p => p.Length);
        for (var depth = 0; depth < maxLength; depth++)
        {
            for (var w = 0; w < patterns.Count; w++)
            {
                var pattern = patterns[w];
                if (depth >= pattern.Length) continue;
                var key = Key(current[w], classes[pattern[depth]]);
                if (!edges.TryGetValue(key, out var next))
                {
                    next = terminal.Count;
                    terminal.Add(-1);
                    edges.Add(key, next);
                }
                current[w] = next;
                if (depth == pattern.Length - 1) terminal[next] = w;
            }
        }

        var n = terminal.Count;
        var keys = edges.Keys.ToArray();
        var targets = edges.Values.ToArray();
        Array.Sort(keys, targets); // by state, then class: the CSR layout
        var childStart = new int[n + 1];
        var childClass = new ushort[keys.Length];
        var root = new int[classes.Count + 1];
        for (var e = 0; e < keys.Length; e++)
        {
            var from = (int)(keys[e] >> 16);
            childClass[e] = (ushort)keys[e];
            childStart[from + 1]++;
            if (from == 0) root[childClass[e]] = targets[e];
        }
        for (var s = 0; s < n; s++) childStart[s + 1] += childStart[s];

        // In numeric (breadth-first) order every state's fail target, always shallower, is done
        // before the state itself.
        var fail = new int[n];
        var longest = new int[n];
        var nextTerminal = new int[n];
        longest[0] = nextTerminal[0] = -1;
        for (var u = 0; u < n; u++)
        {
            for (var e = childStart[u]; e < childStart[u + 1]; e++)
            {
                var v = targets[e];
                fail[v] = u == 0 ? 0 : FailTarget(edges, fail, fail[u], childClass[e]);
                longest[v] = terminal[v] >= 0 ? terminal[v] : longest[fail[v]];
                nextTerminal[v] = terminal[fail[v]] >= 0 ? fail[v] : nextTerminal[fail[v]];
            }
        }
        return new([.. originals], classOf, root, childStart, childClass, targets, fail, longest, [.. terminal], nextTerminal);
    }

    private static (List<string> Originals, List<string> Patterns) Distinct(IEnumerable<string> words)
    {
        var originals = new List<string>();
        var patterns = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (string.IsNullOrEmpty(word)) continue;
            var folded = TextNormalizer.Normalize(word);
            if (folded.Length == 0 || !seen.Add(folded)) continue;
            originals.Add(word);
            patterns.Add(folded);
        }
        return (originals, patterns);
    }

    /// Where a state's child on a class fails to: the longest proper suffix that the class extends.
    private static int FailTarget(Dictionary<long, int> edges, int[] fail, int state, ushort cls)
    {
        while (true)
        {
            if (edges.TryGetValue(Key(state, cls), out var next)) return next;
            if (state == 0) return 0;
            state = fail[state];
        }
    }

    private static long Key(int state, ushort cls) => ((long)state << 16) | cls;
}
