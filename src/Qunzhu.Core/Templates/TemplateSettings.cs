namespace Qunzhu.Core.Templates;

/// Everything a group's bot does, in one immutable value; stored as JSON.
public sealed record TemplateSettings
{
    public WelcomeSettings Welcome { get; init; } = new();
    public CheckInSettings CheckIn { get; init; } = new();
    public AutoReplySettings AutoReply { get; init; } = new();
    public ModerationSettings Moderation { get; init; } = new();

    /// Applies a group's overrides: each section given replaces the template's section whole.
    public TemplateSettings With(TemplateSettingsOverride? overrides) => overrides is null
        ? this
        : this with
        {
            Welcome = overrides.Welcome ?? Welcome,
            CheckIn = overrides.CheckIn ?? CheckIn,
            AutoReply = overrides.AutoReply ?? AutoReply,
            Moderation = overrides.Moderation ?? Moderation,
        };
}

/// A group's deviations from its template; a null section means "as the template says".
public sealed record TemplateSettingsOverride
{
    public WelcomeSettings? Welcome { get; init; }
    public CheckInSettings? CheckIn { get; init; }
    public AutoReplySettings? AutoReply { get; init; }
    public ModerationSettings? Moderation { get; init; }

    public bool IsEmpty => Welcome is null && CheckIn is null && AutoReply is null && Moderation is null;
}

public sealed record WelcomeSettings
{
    public bool Enabled { get; init; } = true;
    /// Null uses the built-in text. Variables: {member} (all names greeted), {group}.
    public string? Text { get; init; }
    /// At most three: a new member reads three rules, not thirty.
    public IReadOnlyList<string> CoreRules { get; init; } = [];
    /// Joins within this many seconds of the first are greeted in one message. 0 greets at once.
    public int BatchWindowSeconds { get; init; } = 3;
    /// Optional: asks newcomers to introduce themselves, appended to the welcome.
    public string? SelfIntroPrompt { get; init; }
}

public sealed record CheckInSettings
{
    public bool Enabled { get; init; } = true;
    public IReadOnlyList<string> Keywords { get; init; } = ["签到", "打卡"];
    public int Points { get; init; } = 10;
    /// Extra points on the day a streak reaches a number of days.
    public IReadOnlyList<StreakBonus> StreakBonuses { get; init; } = [new(3, 5), new(7, 20), new(30, 100)];
    /// Null uses the built-in text. Variables: {member} {group} {rank} {streak} {total} {points} {balance}.
    public string? SuccessText { get; init; }
    /// Null uses the built-in text. Variables as for SuccessText.
    public string? AlreadyText { get; init; }
}

public sealed record StreakBonus(int Days, int Points);

public sealed record AutoReplySettings
{
    public bool Enabled { get; init; } = true;
    /// A rule that fired in a group stays quiet there for this long, unless the rule sets its own.
    public int DefaultCooldownSeconds { get; init; } = 30;
}

public sealed record ModerationSettings
{
    public bool Enabled { get; init; } = true;
    public bool BlockLinks { get; init; } = true;
    public bool BlockSensitiveWords { get; init; } = true;
    public bool BlockAds { get; init; } = true;
    public bool BlockFlooding { get; init; } = true;
    /// Flooding: more than this many messages from one member within FloodWindowSeconds.
    public int FloodMaxMessages { get; init; } = 6;
    public int FloodWindowSeconds { get; init; } = 10;
    /// Violations older than this no longer count toward the ladder.
    public int WindowHours { get; init; } = 24;
    /// The n-th violation inside the window takes the n-th step (the last step repeats).
    public IReadOnlyList<LadderStep> Ladder { get; init; } =
        [new(LadderAction.Warn), new(LadderAction.Mute, 60), new(LadderAction.Remove)];
    public bool DeleteViolatingMessage { get; init; } = true;
}

public sealed record LadderStep(LadderAction Action, int? MuteMinutes = null);

public enum LadderAction
{
    Warn,
    Mute,
    Remove,
}
