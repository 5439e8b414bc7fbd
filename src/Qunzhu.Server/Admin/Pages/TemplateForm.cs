using System.Globalization;
using Qunzhu.Core.Templates;

namespace Qunzhu.Server.Admin.Pages;

/// <summary>A template's settings as the editor's text fields hold them (rules and ladder one per line, keywords
/// comma-separated), and back. Parse problems are reported per field, before anything is sent.</summary>
public sealed class TemplateForm
{
    public string Name { get; set; } = "";
    public bool WelcomeEnabled { get; set; }
    public string? WelcomeText { get; set; }
    public string CoreRules { get; set; } = "";
    public int BatchWindowSeconds { get; set; }
    public string? SelfIntroPrompt { get; set; }
    public bool CheckInEnabled { get; set; }
    public string Keywords { get; set; } = "";
    public int Points { get; set; }
    public string StreakBonuses { get; set; } = "";
    public string? SuccessText { get; set; }
    public string? AlreadyText { get; set; }
    public bool ModerationEnabled { get; set; }
    public bool BlockLinks { get; set; }
    public bool BlockSensitiveWords { get; set; }
    public bool BlockAds { get; set; }
    public bool BlockFlooding { get; set; }
    public int FloodMaxMessages { get; set; }
    public int FloodWindowSeconds { get; set; }
    public int WindowHours { get; set; }
    public string Ladder { get; set; } = "";
    public bool DeleteViolatingMessage { get; set; }
    public bool AutoReplyEnabled { get; set; }
    public int DefaultCooldownSeconds { get; set; }

    public static TemplateForm From(string name, TemplateSettings s) => new()
    {
        Name = name,
        WelcomeEnabled = s.Welcome.Enabled,
        WelcomeText = s.Welcome.Text,
        CoreRules = string.Join('\n', s.Welcome.CoreRules),
        BatchWindowSeconds = s.Welcome.BatchWindowSeconds,
        SelfIntroPrompt = s.Welcome.SelfIntroPrompt,
        CheckInEnabled = s.CheckIn.Enabled,
        Keywords = string.Join(", ", s.CheckIn.Keywords),
        Points = s.CheckIn.Points,
        StreakBonuses = string.Join('\n', s.CheckIn.StreakBonuses.Select(b => $"{b.Days}={b.Points}")),
        SuccessText = s.CheckIn.SuccessText,
        AlreadyText = s.CheckIn.AlreadyText,
        ModerationEnabled = s.Moderation.Enabled,
        BlockLinks = s.Moderation.BlockLinks,
        BlockSensitiveWords = s.Moderation.BlockSensitiveWords,
        BlockAds = s.Moderation.BlockAds,
        BlockFlooding = s.Moderation.BlockFlooding,
        FloodMaxMessages = s.Moderation.FloodMaxMessages,
        FloodWindowSeconds = s.Moderation.FloodWindowSeconds,
        WindowHours = s.Moderation.WindowHours,
        Ladder = string.Join('\n', s.Moderation.Ladder.Select(l => l.Action == LadderAction.Mute ? $"mute:{l.MuteMinutes}" : l.Action.ToString().ToLowerInvariant())),
        DeleteViolatingMessage = s.Moderation.DeleteViolatingMessage,
        AutoReplyEnabled = s.AutoReply.Enabled,
        DefaultCooldownSeconds = s.AutoReply.DefaultCooldownSeconds,
    };

    /// The settings, or the first line of a field that could not be read (field name, offending text).
    public (TemplateSettings? Settings, string? Field, string? Bad) ToSettings()
    {
        var bonuses = new List<StreakBonus>();
        foreach (var line in Lines(StreakBonuses))
        {
            var parts = line.Split('=', 2);
            if (parts.Length != 2 || !int.TryParse(parts[0].Trim(), CultureInfo.InvariantCulture, out var d) || !int.TryParse(parts[1].Trim(), CultureInfo.InvariantCulture, out var p))
                return (null, "checkIn.streakBonuses", line);
            bonuses.Add(new StreakBonus(d, p));
        }
        var ladder = new List<LadderStep>();
        foreach (var line in Lines(Ladder))
        {
            var l = line.ToLowerInvariant();
            if (l == "warn") ladder.Add(new LadderStep(LadderAction.Warn));
            else if (l == "remove") ladder.Add(new LadderStep(LadderAction.Remove));
            else if (l.StartsWith("mute:", StringComparison.Ordinal) && int.TryParse(l[5..], CultureInfo.InvariantCulture, out var minutes)) ladder.Add(new LadderStep(LadderAction.Mute, minutes));
            else return (null, "moderation.ladder", line);
        }
        return (new TemplateSettings
        {
            Welcome = new WelcomeSettings
            {
                Enabled = WelcomeEnabled,
                Text = Blank(WelcomeText),
                CoreRules = [.. Lines(CoreRules)],
                BatchWindowSeconds = BatchWindowSeconds,
                SelfIntroPrompt = Blank(SelfIntroPrompt),
            },
            CheckIn = new CheckInSettings
            {
                Enabled = CheckInEnabled,
                Points = Points,
                StreakBonuses = bonuses,
                SuccessText = Blank(SuccessText),
                AlreadyText = Blank(AlreadyText),
                Keywords = [.. Keywords.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            },
            AutoReply = new AutoReplySettings { Enabled = AutoReplyEnabled, DefaultCooldownSeconds = DefaultCooldownSeconds },
            Moderation = new ModerationSettings
            {
                Enabled = ModerationEnabled,
                BlockLinks = BlockLinks,
                BlockSensitiveWords = BlockSensitiveWords,
                BlockAds = BlockAds,
                BlockFlooding = BlockFlooding,
                FloodMaxMessages = FloodMaxMessages,
                FloodWindowSeconds = FloodWindowSeconds,
                WindowHours = WindowHours,
                Ladder = ladder,
                DeleteViolatingMessage = DeleteViolatingMessage,
            },
        }, null, null);
    }

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
