using Qunzhu.Core.Text;

namespace Qunzhu.Core.Templates;

/// Checks settings an operator sends; returns field → message, empty when valid.
public static class TemplateValidator
{
    public static Dictionary<string, string[]> Validate(TemplateSettings settings, string prefix = "settings")
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[$"{prefix}.{field}"] = [message];

        // JSON can put null inside a list even where the type says it cannot be (annotations do not reach
        // generic arguments); say so instead of failing later.
        if (settings.Welcome.CoreRules.Any(string.IsNullOrWhiteSpace))
            Add("welcome.coreRules", BotText.Get("Validation_NullItem"));
        if (settings.CheckIn.StreakBonuses.Any(b => b is null))
        {
            Add("checkIn.streakBonuses", BotText.Get("Validation_NullItem"));
            return errors;
        }
        if (settings.Moderation.Ladder.Any(s => s is null))
        {
            Add("moderation.ladder", BotText.Get("Validation_NullItem"));
            return errors;
        }
        if (settings.Welcome.CoreRules.Count > 3)
            Add("welcome.coreRules", BotText.Get("Validation_CoreRules"));
        if (settings.Welcome.BatchWindowSeconds is < 0 or > 600)
            Add("welcome.batchWindowSeconds", BotText.Get("Validation_BatchWindow"));
        if (settings.CheckIn.Keywords.Count == 0 || settings.CheckIn.Keywords.Any(string.IsNullOrWhiteSpace))
            Add("checkIn.keywords", BotText.Get("Validation_Keywords"));
        if (settings.CheckIn.Points is < 0 or > 100_000)
            Add("checkIn.points", BotText.Get("Validation_Points"));
        if (settings.CheckIn.StreakBonuses.Any(b => b.Days < 1 || b.Points < 0))
            Add("checkIn.streakBonuses", BotText.Get("Validation_StreakBonus"));
        if (settings.AutoReply.DefaultCooldownSeconds is < 0 or > 86_400)
            Add("autoReply.defaultCooldownSeconds", BotText.Get("Validation_Cooldown"));
        var m = settings.Moderation;
        if (m.Ladder.Count == 0)
            Add("moderation.ladder", BotText.Get("Validation_Ladder"));
        if (m.Ladder.Any(s => s.Action == LadderAction.Mute && s.MuteMinutes is null or < 1 or > 43_200))
            Add("moderation.ladder", BotText.Get("Validation_MuteMinutes"));
        if (m.FloodMaxMessages < 2 || m.FloodWindowSeconds is < 1 or > 3600)
            Add("moderation.flooding", BotText.Get("Validation_Flood"));
        if (m.WindowHours is < 1 or > 24 * 30)
            Add("moderation.windowHours", BotText.Get("Validation_WindowHours"));
        return errors;
    }
}
