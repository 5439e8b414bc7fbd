namespace Qunzhu.Storage;

/// <summary>Which database a context writes to, where the two providers need different handling.</summary>
public static class StorageProviders
{
    /// <summary>Whether the context writes to SQLite: one writer per file, so this process's transactions are the
    /// only ones and they never run at the same time (the write gate).</summary>
    public static bool IsSqlite(this AppDbContext db) =>
        string.Equals(db.Database.ProviderName, "Microsoft.EntityFrameworkCore.Sqlite", StringComparison.Ordinal);
}
