namespace Qunzhu.Testing;

/// <summary>The databases Qunzhu runs on; storage tests run once for each.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
