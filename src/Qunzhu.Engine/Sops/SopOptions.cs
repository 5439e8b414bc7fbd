using System.ComponentModel.DataAnnotations;

namespace Qunzhu.Engine.Sops;

/// Settings of SOPs and the topic library, section "Sops".
public sealed class SopOptions
{
    public const string Section = "Sops";

    /// A topic picked automatically is not posted to the same group again within this many days.
    [Range(0, 3650)]
    public int TopicRepeatDays { get; set; } = 30;
}
