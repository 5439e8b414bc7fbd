namespace Qunzhu.Core.Moderation;

/// <summary>Aho–Corasick over folded text (see <see cref="TextNormalizer"/>): one pass over a message
/// finds any of tens of thousands of words, and folding happens while walking, so scanning allocates
/// nothing. Immutable and thread-safe once built.</summary>
public sealed class SensitiveWordMatcher
{
    private readonly List<Dictionary<char, int>> _next = [[]];
    private readonly List<int> _fail = [0];
    /// Index into _words of the longest word ending at a state (or -1), and the state's depth.
    private readonly List<int> _output = [-1];
    private readonly List<int> _depth = [0];
    /// The nearest state on the failure chain that ends a word (dictionary suffix link), or -1.
    private int[] _dictLink = [];
    private readonly List<string> _words = [];

    public static SensitiveWordMatcher Empty { get; } = new([]);

    public SensitiveWordMatcher(IEnumerable<string> words)
    {
        foreach (var word in words) Add(word);
        Build();
    }

    public int Count => _words.Count;

    /// <summary>The word (as given) of the match that ends earliest in the text, or null.</summary>
    public string? FindFirst(string text)
    {
        if (_words.Count == 0) return null;
        var state = 0;
        foreach (var raw in text)
        {
            var c = TextNormalizer.Fold(raw);
            if (c == '\0') continue;
            state = Step(state, c);
            var hit = _output[state] >= 0 ? state : _dictLink[state];
            if (hit >= 0) return _words[_output[hit]];
        }
        return null;
    }

    /// <summary>Every word found, once each, in the order their matches end.</summary>
    public IReadOnlyList<string> FindAll(string text)
    {
        var found = new List<string>();
        if (_words.Count == 0) return found;
        var seen = new HashSet<int>();
        var state = 0;
        foreach (var raw in text)
        {
            var c = TextNormalizer.Fold(raw);
            if (c == '\0') continue;
            state = Step(state, c);
            for (var s = _output[state] >= 0 ? state : _dictLink[state]; s >= 0; s = _dictLink[s])
            {
                if (seen.Add(_output[s])) found.Add(_words[_output[s]]);
            }
        }
        return found;
    }

    private int Step(int state, char c)
    {
        while (true)
        {
            if (_next[state].TryGetValue(c, out var to)) return to;
            if (state == 0) return 0;
            state = _fail[state];
        }
    }

    private void Add(string word)
    {
        var folded = TextNormalizer.Normalize(word ?? "");
        if (folded.Length == 0) return;
        var state = 0;
        foreach (var c in folded)
        {
            if (!_next[state].TryGetValue(c, out var to))
            {
                to = _next.Count;
                _next.Add([]);
                _fail.Add(0);
                _output.Add(-1);
                _depth.Add(_depth[state] + 1);
                _next[state][c] = to;
            }
            state = to;
        }
        if (_output[state] >= 0) return;
        _output[state] = _words.Count;
        _words.Add(word!.Trim());
    }

    private void Build()
    {
        _dictLink = new int[_next.Count];
        Array.Fill(_dictLink, -1);
        var queue = new Queue<int>();
        foreach (var child in _next[0].Values) queue.Enqueue(child);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var (c, child) in _next[state])
            {
                var f = _fail[state];
                while (f != 0 && !_next[f].ContainsKey(c)) f = _fail[f];
                _fail[child] = _next[f].TryGetValue(c, out var t) && t != child ? t : 0;
                var fc = _fail[child];
                _dictLink[child] = _output[fc] >= 0 ? fc : _dictLink[fc];
                queue.Enqueue(child);
            }
        }
    }
}
