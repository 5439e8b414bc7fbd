using Qunzhu.Core.Templates;
using Qunzhu.Core.Text;

namespace Qunzhu.Core.Tests;

public sealed class TextTests
{
    [Fact]
    public void Format_KnownAndUnknownPlaceholders_UnknownStayVisible() =>
        MessageFormatter.Format("{member} 欢迎来到 {group}，{typo}", new Dictionary<string, string> { ["member"] = "小王", ["group"] = "读书会" })
            .ShouldBe("小王 欢迎来到 读书会，{typo}");

    [Fact]
    public void BotText_BothLanguages_HaveTheSameKeys()
    {
        foreach (var key in new[] { "CheckIn_Success", "Moderation_Warn", "Welcome_Default", "StaffTask_Remove" })
        {
            BotText.Get(key, "zh-CN").ShouldNotBe(BotText.Get(key, "en-US"));
        }
    }

    [Fact]
    public void Validate_FourCoreRules_Rejected()
    {
        var settings = new TemplateSettings { Welcome = new WelcomeSettings { CoreRules = ["1", "2", "3", "4"] } };
        TemplateValidator.Validate(settings).ShouldContainKey("settings.welcome.coreRules");
    }

    [Fact]
    public void Validate_MuteWithoutMinutes_Rejected()
    {
        var settings = new TemplateSettings { Moderation = new ModerationSettings { Ladder = [new(LadderAction.Mute)] } };
        TemplateValidator.Validate(settings).ShouldContainKey("settings.moderation.ladder");
    }

    [Fact]
    public void Validate_Defaults_AreValid() => TemplateValidator.Validate(new TemplateSettings()).ShouldBeEmpty();

    [Fact]
    public void With_Overrides_ReplaceWholeSectionsOnly()
    {
        var merged = new TemplateSettings().With(new TemplateSettingsOverride { CheckIn = new CheckInSettings { Points = 3 } });
        merged.CheckIn.Points.ShouldBe(3);
        merged.Welcome.ShouldBe(new TemplateSettings().Welcome);
    }
}
