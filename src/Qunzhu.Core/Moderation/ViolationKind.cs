namespace Qunzhu.Core.Moderation;

public enum ViolationKind
{
    ExternalLink,
    SensitiveWord,
    Advertising,
    Flooding,
    Blacklisted,
}
