using Microsoft.EntityFrameworkCore;
using Qunzhu.Testing;

namespace Qunzhu.Storage.Tests;

public sealed class MigrationTests
{
    [Theory, DatabaseData]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationAndCreatesEveryTable(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            (await db.Database.GetAppliedMigrationsAsync()).ShouldBeEmpty();
            await db.Database.MigrateAsync();
        }

        await using var check = database.CreateContext();
        (await check.Database.GetAppliedMigrationsAsync()).ShouldBe(check.Database.GetMigrations());
        (await check.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        foreach (var table in check.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct())
        {
            // Identifiers cannot be parameters; these come from the model.
            var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"";
            var rows = await check.Database.SqlQueryRaw<long>(sql).SingleAsync();
            rows.ShouldBe(0, $"table {table}");
        }
    }

    [Theory, DatabaseData]
    public async Task Migrate_SecondTime_ChangesNothing(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        db.Inbox.Add(Rows.Inbox(Guid.CreateVersion7(), "e1"));
        await db.SaveChangesAsync();

        await db.Database.MigrateAsync();

        (await db.Inbox.CountAsync()).ShouldBe(1);
    }

    [Theory, DatabaseData]
    public async Task Model_ComparedWithProviderMigrations_HasNoPendingChanges(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var db = database.CreateContext();

        db.Database.HasPendingModelChanges().ShouldBeFalse(
            $"the model changed without a {provider} migration: add one to BOTH providers (see the DesignTimeFactory classes)");
    }
}
