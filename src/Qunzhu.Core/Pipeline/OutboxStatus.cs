namespace Qunzhu.Core.Pipeline;

public enum OutboxStatus
{
    Pending,
    Delivered,
    DeadLetter,
}
