namespace Qunzhu.Testing;

/// <summary>Waits for background work (processing, delivery) with a bounded loop that stops by itself.</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = TimeSpan.FromSeconds(20);
        var started = System.Diagnostics.Stopwatch.StartNew();
        T last;
        do
        {
            last = await probe();
            if (done(last)) return last;
            await Task.Delay(50);
        }
        while (started.Elapsed < (timeout ?? deadline));
        throw new TimeoutException($"Gave up waiting{(what is null ? "" : " for " + what)} after {(timeout ?? deadline).TotalSeconds}s. Last value: {last}");
    }
}
