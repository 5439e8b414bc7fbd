using Qunzhu.Core.Templates;

namespace Qunzhu.Core.Moderation;

/// <summary>What the ladder says for a new violation: the 1-based strike inside the window, the
/// ladder's length (for "1/3" in the warning), and the step to take.</summary>
public sealed record LadderDecision(int Strike, int MaxStrikes, LadderStep Step);
