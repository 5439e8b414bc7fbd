using Qunzhu.Core.Templates;

namespace Qunzhu.Core.Tests.Templates;

public sealed class TemplateValidatorTests
{
    private static readonly TemplateSettings Defaults = new();

    [Fact]
    public void Validate_DefaultSettings_NoErrors() => TemplateValidator.Validate(Defaults).ShouldBeEmpty();

    [Fact]
    public void Validate_FourCoreRules_Rejected()
    {
        var settings = Defaults with { Welcome = Defaults.Welcome with { CoreRules = ["友善", "不发广告", "不刷屏", "不谈政治"] } };
        var errors = TemplateValidator.Validate(settings);
        errors.Keys.ShouldBe(["settings.welcome.coreRules"]);
        errors["settings.welcome.coreRules"].ShouldHaveSingleItem().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Validate_ThreeCoreRules_Accepted() =>
        TemplateValidator.Validate(Defaults with { Welcome = Defaults.Welcome with { CoreRules = ["友善", "不发广告", "不刷屏"] } })
            .ShouldBeEmpty();

    [Fact]
    public void Validate_MuteStepWithoutMinutes_Rejected()
    {
        var settings = Defaults with { Moderation = Defaults.Moderation with { Ladder = [new(LadderAction.Mute)] } };
        TemplateValidator.Validate(settings).Keys.ShouldBe(["settings.moderation.ladder"]);
    }

    [Fact]
    public void Validate_EmptyLadder_Rejected() =>
        TemplateValidator.Validate(Defaults with { Moderation = Defaults.Moderation with { Ladder = [] } })
            .Keys.ShouldBe(["settings.moderation.ladder"]);

    [Fact]
    public void Validate_BlankKeywordAndFloodOfOne_BothReported()
    {
        var settings = Defaults with
        {
            CheckIn = Defaults.CheckIn with { Keywords = ["签到", " "] },
            Moderation = Defaults.Moderation with { FloodMaxMessages = 1 },
        };
        TemplateValidator.Validate(settings, "template").Keys.Order().ShouldBe(["template.checkIn.keywords", "template.moderation.flooding"]);
    }
}
