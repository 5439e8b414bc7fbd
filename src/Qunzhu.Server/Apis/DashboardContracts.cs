namespace Qunzhu.Server.Apis;

public sealed record DashboardResponse(int Communities, int Members, int MessagesToday, int CheckInsToday, int ViolationsToday,
    int JoinsToday, int LeavesToday, int OpenStaffTasks, IReadOnlyList<DashboardDay> Days);

/// One local day of the trend (the workspace's time zone).
public sealed record DashboardDay(DateOnly Date, int Messages, int CheckIns, int Violations, int Joins, int Leaves);
