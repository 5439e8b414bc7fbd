using Microsoft.EntityFrameworkCore;

namespace Qunzhu.Storage.Sqlite;

/// The embedded default store; owns the SQLite migrations.
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);
