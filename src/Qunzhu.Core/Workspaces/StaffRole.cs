namespace Qunzhu.Core.Workspaces;

public enum StaffRole
{
    Owner,
    Admin,
    Operator,
    Viewer,
}
