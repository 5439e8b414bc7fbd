using Qunzhu.Connectors.WeCom.Api;

namespace Qunzhu.Connectors.WeCom.Groups;

/// <summary>A community's name from a WeCom group: WeCom allows unnamed groups, Qunzhu's names are 1–100 characters.</summary>
public static class WeComGroupNames
{
    public static string Of(GroupChat chat)
    {
        var name = string.IsNullOrWhiteSpace(chat.Name) ? $"WeCom {chat.ChatId[^Math.Min(6, chat.ChatId.Length)..]}" : chat.Name.Trim();
        return name.Length <= 100 ? name : name[..100];
    }
}
