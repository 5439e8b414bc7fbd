using Qunzhu.Connectors.Bridge;
using Qunzhu.Engine.Accounts;

namespace Qunzhu.Bridge.Tests;

/// What an operator is told when a bridge account's settings are wrong.
public sealed class BridgeSettingsTests
{
    private static (BridgeSettings? Settings, string? Error) Parse(params (string Key, string Value)[] values) =>
        BridgeSettings.Parse(new AccountSettings(values.ToDictionary(v => v.Key, v => v.Value)));

    [Fact]
    public void Parse_ShortSecret_NamesSharedSecret()
    {
        var (settings, error) = Parse(("sharedSecret", "too-short"), ("capabilities", "none"));
        settings.ShouldBeNull();
        error!.ShouldStartWith("sharedSecret");
        error.ShouldContain("32");
    }

    [Fact]
    public void Parse_NoCallback_PullsWithTheDeclaredCapabilities()
    {
        var (settings, error) = Parse(("sharedSecret", BridgeHost.Secret), ("capabilities", "readsMessages, postsFreely"));
        error.ShouldBeNull();
        settings!.Mode.ShouldBe(BridgeDeliveryMode.Pull);
        settings.Capabilities.ReadsMessages.ShouldBeTrue();
        settings.Capabilities.PostsFreely.ShouldBeTrue();
        settings.Capabilities.RemovesMembers.ShouldBeFalse();
        settings.Capabilities.HandlesJoinRequests.ShouldBeFalse();
    }

    [Fact]
    public void Parse_PushWithoutCallback_NamesCallbackUrl()
    {
        var (_, error) = Parse(("sharedSecret", BridgeHost.Secret), ("capabilities", "none"), ("deliveryMode", "push"));
        error!.ShouldStartWith("callbackUrl");
    }

    [Theory]
    [InlineData("callbackUrl", "ftp://rpa.example.com/")]
    [InlineData("callbackUrl", "/relative")]
    [InlineData("deliveryMode", "carrier-pigeon")]
    [InlineData("capabilities", "readsMessages,flies")]
    [InlineData("capabilities", "")]
    public void Parse_BadValue_NamesTheField(string field, string value)
    {
        var values = new Dictionary<string, string> { ["sharedSecret"] = BridgeHost.Secret, ["capabilities"] = "none", [field] = value };
        var (settings, error) = BridgeSettings.Parse(new AccountSettings(values));
        settings.ShouldBeNull();
        error!.ShouldStartWith(field);
    }
}
