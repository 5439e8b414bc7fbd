using Microsoft.Extensions.Time.Testing;
using Qunzhu.Engine.Caching;

namespace Qunzhu.Core.Tests.Caching;

public sealed class VersionedCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task GetAsync_InvalidatedWhileLoading_NextReadLoadsAgain()
    {
        var cache = new VersionedCache<int, string>(_time, TimeSpan.FromSeconds(15));
        var stored = "old";
        var release = new TaskCompletionSource();
        // The first load reads "old", then a write commits "new" and invalidates before the load returns.
        var straddling = cache.GetAsync(1, async (_, _) =>
        {
            var read = stored;
            await release.Task;
            return read;
        }, CancellationToken.None);
        stored = "new";
        cache.Invalidate(1);
        release.SetResult();
        (await straddling).ShouldBe("old");

        // Without versioning the stale "old" would be served for the whole 15 s.
        (await cache.GetAsync(1, (_, _) => Task.FromResult(stored), CancellationToken.None)).ShouldBe("new");
    }

    [Fact]
    public async Task GetAsync_WithinTimeToLive_LoadsOnceThenAgainAfterIt()
    {
        var cache = new VersionedCache<int, int>(_time, TimeSpan.FromSeconds(15));
        var loads = 0;
        Task<int> Load(int _, CancellationToken __) => Task.FromResult(++loads);

        (await cache.GetAsync(1, Load, CancellationToken.None)).ShouldBe(1);
        _time.Advance(TimeSpan.FromSeconds(14));
        (await cache.GetAsync(1, Load, CancellationToken.None)).ShouldBe(1);
        _time.Advance(TimeSpan.FromSeconds(2));
        (await cache.GetAsync(1, Load, CancellationToken.None)).ShouldBe(2);
        cache.Invalidate(1);
        (await cache.GetAsync(1, Load, CancellationToken.None)).ShouldBe(3);
    }
}
