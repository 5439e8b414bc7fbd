using Microsoft.EntityFrameworkCore;

namespace Qunzhu.Storage.Postgres;

/// The production store for one or several nodes; owns the PostgreSQL migrations.
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
