namespace Qunzhu.Engine.Sops;

/// <summary>What doing a step came to: done (with a note, e.g. handed to staff) or failed with the reason.</summary>
public sealed record SopStepOutcome(bool Failed, string? Note)
{
    public static readonly SopStepOutcome Done = new(false, null);

    public static SopStepOutcome Fail(string reason) => new(true, reason);
}
