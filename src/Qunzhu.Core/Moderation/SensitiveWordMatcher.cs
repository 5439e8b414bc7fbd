namespace Qunzhu.Core.Moderation;

/// <summary>Finds any of a workspace's sensitive words in a message: an Aho–Corasick automaton,
/// built once and read-only afterwards, so one instance serves every thread. The text is folded
/// with <see cref="TextNormalizer"/> char by char while the automaton walks it, so a scan
/// allocates nothing and reads each char once, however many words there are.</summary>
public sealed class SensitiveWordMatcher
{
    /// A char that folds away (a separator): the walk skips it without leaving its state.
    private const ushort Skip = ushort.MaxValue;
    private const int VectorSearchLimit = 128;

    private readonly string[] _words;
    private readonly ushort[] _classOf;      // raw char → alphabet class; 0 = in no word
    private readonly int[] _root;            // class → state, dense: most steps start from the root
    private readonly int[] _childStart;      // CSR edges of the other states, sorted by class
    private readonly ushort[] _childClass;
    private readonly int[] _childState;
    private readonly int[] _fail;
    private readonly int[] _longest;         // word index of the longest word ending in a state, or -1
    private readonly int[] _terminal;        // word index that ends exactly in a state, or -1
    private readonly int[] _nextTerminal;    // the next state on the fail chain that ends a word, or -1

    public static SensitiveWordMatcher Empty { get; } = new([]);

    /// <param name="words">Words as the operator wrote them; empty ones and ones that fold to the
    /// same text as an earlier word are ignored.</param>
    public SensitiveWordMatcher(IEnumerable<string> words)
    {
        var tables = AhoCorasickBuilder.Build(words, Skip);
        _words = tables.Words;
        _classOf = tables.ClassOf;
        _root = tables.Root;
        _childStart = tables.ChildStart;
        _childClass = tables.ChildClass;
        _childState = tables.ChildState;
        _fail = tables.Fail;
        _longest = tables.Longest;
        _terminal = tables.Terminal;
        _nextTerminal = tables.NextTerminal;
    }

    /// The number of distinct words after folding.
    public int Count => _words.Length;

    /// <summary>The word (as given) of the first match to complete reading left to right; when
    /// several end at the same char, the longest. Null when the text contains none.</summary>
    public string? FindFirst(string text)
    {
        if (_words.Length == 0) return null;
        var state = 0;
        foreach (var c in text)
        {
            var cls = _classOf[c];
            if (cls == Skip) continue;
            state = Step(state, cls);
            var word = _longest[state];
            if (word >= 0) return _words[word];
        }
        return null;
    }

    /// <summary>Every distinct word (as given) found in the text, in the order they complete.</summary>
    public IReadOnlyList<string> FindAll(string text)
    {
        if (_words.Length == 0) return [];
        List<string>? found = null;
        var state = 0;
        foreach (var c in text)
        {
            var cls = _classOf[c];
            if (cls == Skip) continue;
            state = Step(state, cls);
            if (_longest[state] < 0) continue;
            for (var s = _terminal[state] >= 0 ? state : _nextTerminal[state]; s >= 0; s = _nextTerminal[s])
            {
                var word = _words[_terminal[s]];
                found ??= [];
                // Reference comparison is enough: each word is one string instance in _words.
                if (!found.Contains(word, ReferenceEqualityComparer.Instance)) found.Add(word);
            }
        }
        return found is null ? [] : found;
    }

    private int Step(int state, ushort cls)
    {
        if (cls == 0) return 0;
        while (state != 0)
        {
            var next = Child(state, cls);
            if (next > 0) return next;
            state = _fail[state];
        }
        return _root[cls];
    }

    private int Child(int state, ushort cls)
    {
        var start = _childStart[state];
        var classes = _childClass.AsSpan(start, _childStart[state + 1] - start);
        // IndexOf over ushort is vectorized: a few SIMD compares and no branch to mispredict,
        // which beats a binary search until a state has hundreds of children.
        var found = classes.Length <= VectorSearchLimit ? classes.IndexOf(cls) : classes.BinarySearch(cls);
        return found >= 0 ? _childState[start + found] : 0;
    }
}
