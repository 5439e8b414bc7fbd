using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Storage;

namespace Qunzhu.Testing;

/// <summary>The real server (all workers running) on a SQLite file created by migrations, with a known
/// API key. Dispose and create another on the same <see cref="DatabasePath"/> to test a restart.</summary>
public sealed class QunzhuServer : WebApplicationFactory<Program>
{
    public const string ApiKey = "qz_test_key_0123456789abcdefghijklmnop";
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Replaces or adds services after the server's own (a fake platform, a log capture).</param>
    public QunzhuServer(string? databasePath = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        DatabasePath = databasePath ?? Path.Combine(TestRoot, Guid.NewGuid().ToString("N"), "qunzhu.db");
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Qunzhu"] = $"Data Source={DatabasePath}",
            ["Bootstrap:AdminEmail"] = "owner@example.com",
            ["Bootstrap:AdminPassword"] = "correct horse battery staple",
            ["Bootstrap:ApiKey"] = ApiKey,
            ["Engine:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) _settings[k] = v;
    }

    public string DatabasePath { get; }

    /// <summary>Stores events on the database file through a server that processes nothing, so that the next server to
    /// open the file meets them all in one batch.</summary>
    public static async Task StoreWithoutProcessingAsync(string databasePath, Func<SandboxClient, Task> send)
    {
        await using var ingestOnly = new QunzhuServer(databasePath, new Dictionary<string, string?> { ["Engine:ProcessEvents"] = "false" });
        await send(new SandboxClient(ingestOnly.CreateApiClient()));
    }

    private static readonly string TestRoot = Path.Combine(Path.GetTempPath(), "qunzhu-tests");

    /// <summary>Databases of earlier runs: a server cannot delete its own on dispose, since a restart test
    /// opens the same file with the next server; so each run removes what runs over two hours ago left.</summary>
    static QunzhuServer()
    {
        if (!Directory.Exists(TestRoot)) return;
        var cutoff = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-2);
        foreach (var dir in new DirectoryInfo(TestRoot).EnumerateDirectories().Where(d => d.LastWriteTimeUtc < cutoff))
        {
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Still in use by a run that is going on: the next run removes it.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The server's folder (its appsettings.json), found from wherever the tests or benchmarks run.
        builder.UseContentRoot(ServerDirectory());
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    private static string ServerDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Qunzhu.Server");
            if (File.Exists(Path.Combine(candidate, "Qunzhu.Server.csproj"))) return candidate;
        }
        throw new DirectoryNotFoundException("src/Qunzhu.Server was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A client that sends the bootstrap API key.</summary>
    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    /// <summary>A database context on the server's store, for assertions on rows.</summary>
    public AppDbContext CreateDbContext() => Services.GetRequiredService<IAppDbContextFactory>().Create();
}
