namespace Qunzhu.Core.Workspaces;

/// A tenant: every other row carries its id, and every query is scoped to it.
public sealed class Workspace
{
    public Guid Id { get; set; } = Ids.NewV7();
    public required string Name { get; set; }
    /// IANA zone that defines "today" for check-ins and when "08:00 daily" fires.
    public string TimeZoneId { get; set; } = "Asia/Shanghai";
    /// Language of bot messages in this workspace ("zh-CN" or "en-US").
    public string Locale { get; set; } = "zh-CN";
    public DateTime CreatedAt { get; set; }
}
