namespace Qunzhu.Server.Storage;

/// Section "Storage": which database. The connection string is ConnectionStrings:Qunzhu.
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// "Sqlite" (default, embedded) or "Postgres".
    public string Provider { get; set; } = "Sqlite";

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);
}
