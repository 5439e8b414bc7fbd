namespace Qunzhu.Core.Moderation;

/// The flat arrays of a built automaton; see <see cref="SensitiveWordMatcher"/> for their meaning.
internal sealed record AhoCorasickTables(
    string[] Words,
    ushort[] ClassOf,
    int[] Root,
    int[] ChildStart,
    ushort[] ChildClass,
    int[] ChildState,
    int[] Fail,
    int[] Longest,
    int[] Terminal,
    int[] NextTerminal);
