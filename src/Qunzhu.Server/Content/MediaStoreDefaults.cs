using Microsoft.Data.Sqlite;
using Qunzhu.Engine.Content;
using Qunzhu.Server.Storage;

namespace Qunzhu.Server.Content;

public static class MediaStoreDefaults
{
    /// <summary>Without Media:Path the file store is the "media" folder beside the SQLite database, so a data
    /// directory holds everything; on PostgreSQL it is data/media.</summary>
    public static IServiceCollection AddMediaStoreDefaults(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = configuration.GetConnectionString("Qunzhu");
        if (string.IsNullOrWhiteSpace(connectionString)) connectionString = StorageServiceCollectionExtensions.DefaultConnectionString;
        var fallback = Path.Combine("data", "media");
        if (!storage.IsPostgres)
        {
            var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
            if (!string.IsNullOrEmpty(database) && database != ":memory:")
                fallback = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database)) ?? ".", "media");
        }
        services.PostConfigure<MediaOptions>(o => o.Path = string.IsNullOrWhiteSpace(o.Path) ? fallback : o.Path);
        return services;
    }
}
