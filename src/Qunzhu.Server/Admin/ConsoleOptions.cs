using System.ComponentModel.DataAnnotations;

namespace Qunzhu.Server.Admin;

/// Settings of the admin console (section "Console").
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// How often a live console session re-checks that its staff member is still enabled and in the same role.
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);
}
