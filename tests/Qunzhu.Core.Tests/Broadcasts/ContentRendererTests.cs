using Qunzhu.Core.Content;

namespace Qunzhu.Core.Tests.Broadcasts;

public sealed class ContentRendererTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);

    [Fact]
    public void Text_WithBuiltInAndGroupVariables_FillsThemAndGroupValuesCannotReplaceBuiltIns()
    {
        var values = ContentRenderer.Values("读书会", Day, "zh-CN", new Dictionary<string, string> { ["teacher"] = "李老师", ["group"] = "冒名" });
        var item = new ContentItem { Kind = ContentKind.Text, Title = "早报", Text = "{member}好！{date}（{weekday}）「{group}」今天由{teacher}领读" };
        ContentRenderer.Text(item, values).ShouldBe("大家好！2026年12月1日（星期二）「读书会」今天由李老师领读");
    }

    [Fact]
    public void Text_Link_AddsTitleDescriptionAndAddress()
    {
        var values = ContentRenderer.Values("Book club", Day, "en-US", null);
        var item = new ContentItem { Kind = ContentKind.Link, Title = "Week 1 for {group}", Description = "Read chapter 1", Url = "https://example.com/w1", Text = "Hi {member}" };
        ContentRenderer.Text(item, values).ShouldBe("Hi everyone\nWeek 1 for Book club\nRead chapter 1\nhttps://example.com/w1");
    }

    [Fact]
    public void UnknownVariables_ListsPlaceholdersNoValueFills()
    {
        var values = ContentRenderer.Values("读书会", Day, "zh-CN", null);
        ContentRenderer.UnknownVariables("{group} {teacher} {teacher} {date} {", values).ShouldBe(["teacher"]);
    }
}
