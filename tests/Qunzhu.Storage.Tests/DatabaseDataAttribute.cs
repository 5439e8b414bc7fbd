using System.Reflection;
using Qunzhu.Testing;
using Xunit.Sdk;
using Xunit.v3;

namespace Qunzhu.Storage.Tests;

/// <summary>Runs a theory once per storage provider, after bitwarden's DatabaseDataAttribute: the test takes a
/// <see cref="StorageProvider"/> and makes its own database. SQLite always runs; PostgreSQL runs when
/// QUNZHU_TEST_POSTGRES is set, is skipped with the reason otherwise, and in CI (CI=true) always runs,
/// so a missing server fails instead of hiding as a skip.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseDataAttribute : DataAttribute
{
    /// <summary>Limits the theory to these providers (default: all).</summary>
    public StorageProvider[] Providers { get; set; } = Enum.GetValues<StorageProvider>();

    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([.. Providers.Select(p => new TheoryDataRow<StorageProvider>(p) { Skip = TestDatabases.SkipReason(p) })]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
