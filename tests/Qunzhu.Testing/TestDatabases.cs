using Microsoft.Data.Sqlite;
using Npgsql;

namespace Qunzhu.Testing;

/// <summary>Where test databases come from. SQLite needs nothing; PostgreSQL needs a server, given as the
/// connection string in <see cref="PostgresVariable"/> for a role that may create databases (.ci/run
/// starts one and sets it). Each test database is new and empty and is dropped when disposed.</summary>
public static class TestDatabases
{
    public const string PostgresVariable = "QUNZHU_TEST_POSTGRES";

    /// <summary>Test databases on PostgreSQL are named with this prefix, so leftovers of a killed run can be found.</summary>
    public const string PostgresPrefix = "qunzhu_t_";

    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why tests on <paramref name="provider"/> cannot run here, or null when they can. Never a reason
    /// in CI: there a missing server must fail the tests, not hide as a skip.</summary>
    public static string? SkipReason(StorageProvider provider) =>
        provider == StorageProvider.Postgres && PostgresConnectionString is null && !IsCi
            ? $"{PostgresVariable} is not set. Set it to a PostgreSQL connection string whose role may create databases " +
              "(Host=127.0.0.1;Port=5432;Database=…;Username=…;Password=…), or run .ci/run, which starts one."
            : null;

    /// <summary>A new, empty database (no tables: call <see cref="TestDatabase.MigrateAsync"/>).</summary>
    public static async Task<TestDatabase> CreateAsync(StorageProvider provider, CancellationToken ct = default) => provider switch
    {
        StorageProvider.Sqlite => CreateSqlite(),
        StorageProvider.Postgres => await CreatePostgresAsync(ct),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>A new database with every migration applied.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(StorageProvider provider, CancellationToken ct = default)
    {
        var database = await CreateAsync(provider, ct);
        try
        {
            await database.MigrateAsync(ct);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private static TestDatabase CreateSqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "qunzhu-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "qunzhu.db") }.ToString();
        return new TestDatabase(StorageProvider.Sqlite, connectionString, () =>
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // A file still open elsewhere: the temp folder is cleaned some other day.
            }
            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgresAsync(CancellationToken ct)
    {
        var admin = PostgresConnectionString ?? throw new InvalidOperationException(
            $"{PostgresVariable} is not set, and CI=true: the PostgreSQL storage tests must run in CI. " +
            ".ci/run installs and starts PostgreSQL and sets it; check its output.");
        var name = PostgresPrefix + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"", ct);
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        return new TestDatabase(StorageProvider.Postgres, connectionString, async () =>
        {
            await using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
            await DropAsync(admin, name);
        });
    }

    /// <summary>FORCE ends the connections still open on it (a server's pool). It refuses while an autovacuum
    /// worker is busy there, unless the role is a member of pg_signal_backend (.ci/run grants it): the
    /// worker is soon done, so try again for a while.</summary>
    private static async Task DropAsync(string admin, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
