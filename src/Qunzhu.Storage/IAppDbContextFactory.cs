using Microsoft.EntityFrameworkCore;

namespace Qunzhu.Storage;

/// Creates contexts of whichever provider is configured, for background workers and endpoints alike.
public interface IAppDbContextFactory
{
    AppDbContext Create();
}

public sealed class AppDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IAppDbContextFactory
    where TContext : AppDbContext
{
    public AppDbContext Create() => inner.CreateDbContext();
}
