namespace Qunzhu.Core.Communities;

public enum MemberRole
{
    Member,
    Core,
    Admin,
    Owner,
}
