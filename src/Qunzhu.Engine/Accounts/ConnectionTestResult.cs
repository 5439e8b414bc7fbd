namespace Qunzhu.Engine.Accounts;

/// <summary>What "test connection" (or setting an account up on its platform) found.</summary>
/// <param name="Ok">The platform accepted the credentials.</param>
/// <param name="Message">What the operator should read: the bot's name, or what to fix. Never contains a secret.</param>
public sealed record ConnectionTestResult(bool Ok, string Message)
{
    public static ConnectionTestResult Success(string message) => new(true, message);

    public static ConnectionTestResult Failure(string message) => new(false, message);
}
