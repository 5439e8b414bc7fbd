namespace Qunzhu.Core.Platforms;

public enum PlatformKind
{
    Sandbox,
    Telegram,
    WeCom,
    Bridge,
}
