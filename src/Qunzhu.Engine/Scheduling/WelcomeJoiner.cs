namespace Qunzhu.Engine.Scheduling;

/// One person waiting to be greeted in a welcome batch.
public sealed record WelcomeJoiner(string UserId, string Name);
