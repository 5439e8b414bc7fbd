using Qunzhu.Core.Sops;
using Qunzhu.Core.Text;

namespace Qunzhu.Server.Sops;

/// <summary>Templates an operator starts from; each becomes an ordinary, editable SOP of the workspace.
/// Texts come from the bot's resources in the workspace's language (Chinese by default).</summary>
public static class BuiltInSops
{
    public const string NewGroup7Days = "new-group-7-days";

    public static IReadOnlyList<string> Keys { get; } = [NewGroup7Days];

    public static Sop? Create(string key, Guid workspaceId, string locale, DateTime now)
    {
        if (key != NewGroup7Days) return null;
        string T(string name) => BotText.Get($"SopBuiltIn_NewGroup7_{name}", locale);
        SopStep Post(int day, int hour, string text) =>
            new(Core.Ids.NewV7(), SopAnchor.GroupCreated, SopActionKind.PostToGroup, day, At: day == 0 ? null : new TimeOnly(hour, 0), Text: text);
        SopStep Task(int day, int hour, int minute, string text) =>
            new(Core.Ids.NewV7(), SopAnchor.GroupCreated, SopActionKind.StaffTask, day, At: new TimeOnly(hour, minute), Text: text);
        return new Sop
        {
            WorkspaceId = workspaceId,
            Name = T("Name"),
            Description = T("Description"),
            Kind = SopKind.Group,
            Steps =
            [
                Post(0, 0, T("Day0")),
                Post(1, 20, T("Day1")),
                Post(2, 9, T("Day2")),
                Task(3, 19, 0, T("Day3Task")),
                Post(3, 20, T("Day3")),
                Post(4, 20, T("Day4")),
                Post(5, 12, T("Day5")),
                Task(6, 10, 0, T("Day6Task")),
                Post(7, 20, T("Day7")),
                new(Core.Ids.NewV7(), SopAnchor.GroupCreated, SopActionKind.AddTag, 7, At: new TimeOnly(20, 0), Tag: T("Tag")),
            ],
            AutoApplyTypes = [],
            QuietHours = new Core.Broadcasts.QuietHours(new TimeOnly(22, 0), new TimeOnly(8, 0)),
            BuiltIn = key,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>What each built-in offers, for the list and the console's "add from built-in".</summary>
    public static Sop Preview(string key, string locale) => Create(key, Guid.Empty, locale, DateTime.UnixEpoch)!;
}
