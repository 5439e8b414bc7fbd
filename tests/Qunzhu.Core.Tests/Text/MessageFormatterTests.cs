using Qunzhu.Core.Text;

namespace Qunzhu.Core.Tests.Text;

public sealed class MessageFormatterTests
{
    private static readonly Dictionary<string, string> Values = new() { ["member"] = "张三", ["group"] = "读书会" };

    [Fact]
    public void Format_KnownPlaceholders_AreFilled() =>
        MessageFormatter.Format("欢迎 {member} 加入{group}！", Values).ShouldBe("欢迎 张三 加入读书会！");

    [Fact]
    public void Format_UnknownPlaceholder_StaysAsWritten() =>
        MessageFormatter.Format("{member} 的积分：{balanse}", Values).ShouldBe("张三 的积分：{balanse}");

    [Fact]
    public void Format_UnclosedBrace_StaysAsWritten() =>
        MessageFormatter.Format("欢迎 {member", Values).ShouldBe("欢迎 {member");

    [Fact]
    public void Format_StrayOpenBraceBeforePlaceholder_StillFillsPlaceholder() =>
        MessageFormatter.Format("表情 :-{ 欢迎 {member}", Values).ShouldBe("表情 :-{ 欢迎 张三");

    [Fact]
    public void Format_NoPlaceholders_ReturnsSameInstance()
    {
        const string text = "大家好";
        MessageFormatter.Format(text, Values).ShouldBeSameAs(text);
    }
}
