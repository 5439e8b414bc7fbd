using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Qunzhu.Storage;

/// <summary>What a database error means, on either provider.</summary>
public static class StorageErrors
{
    /// <summary>Whether a write broke a unique index or primary key (another writer stored the row first): a
    /// raw command's <see cref="DbException"/>, or one wrapped by SaveChanges in a <see cref="DbUpdateException"/>.
    /// Other constraint failures (NOT NULL, CHECK, foreign keys) are not duplicates.</summary>
    public static bool IsUniqueViolation(Exception exception) =>
        (exception is DbUpdateException { InnerException: { } inner } ? inner : exception) switch
        {
            Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // UNIQUE, PRIMARY KEY
            DbException db => db.SqlState == "23505", // PostgreSQL unique_violation
            _ => false,
        };
}
