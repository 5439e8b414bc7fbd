namespace Qunzhu.Server.Startup;

/// Section "Bootstrap": the first owner and API key, used only while the database has no users.
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
    public string? ApiKey { get; set; }
}
