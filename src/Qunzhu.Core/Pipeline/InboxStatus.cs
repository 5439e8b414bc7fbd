namespace Qunzhu.Core.Pipeline;

public enum InboxStatus
{
    Pending,
    Processed,
    Failed,
}
