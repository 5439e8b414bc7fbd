using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Server.Storage;
using Qunzhu.Storage;

namespace Qunzhu.Testing;

/// <summary>One test's own database. Contexts come from the server's own storage wiring
/// (<see cref="StorageServiceCollectionExtensions.AddQunzhuStorage"/>), so a test sees what the server sees.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Func<Task> _drop;

    internal TestDatabase(StorageProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(ServerSettings).Build();
        _services = new ServiceCollection().AddQunzhuStorage(configuration).BuildServiceProvider();
        Factory = _services.GetRequiredService<IAppDbContextFactory>();
    }

    public StorageProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Creates contexts of this database's provider, as background workers get them.</summary>
    public IAppDbContextFactory Factory { get; }

    /// <summary>Settings that point a <see cref="QunzhuServer"/> at this database (a new copy each time, to add to).</summary>
    public Dictionary<string, string?> ServerSettings => new()
    {
        ["Storage:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Qunzhu"] = ConnectionString,
    };

    public AppDbContext CreateContext() => Factory.Create();

    /// <summary>Applies the provider's migrations, as the server does at start (never EnsureCreated).</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _drop();
    }
}
