using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Core.Pipeline;
using Qunzhu.LoadTest;
using Qunzhu.Storage;
using Qunzhu.Testing;

// The real server on a fresh SQLite file, listening on 127.0.0.1; every loop below is bounded in count and time.
var options = LoadOptions.Parse(args);
var port = FreePort();
// --engine-only: nothing processes in the background; the engine is driven below, alone, batch after batch.
var engineOnly = args.Contains("--engine-only");
var settings = new Dictionary<string, string?>
{
    ["Logging:LogLevel:Default"] = "Error",
    ["Engine:ProcessEvents"] = engineOnly ? "false" : "true",
};
// Only when given: an empty value would not bind to the option's number.
if (options.BatchSize is { } batchSize) settings["Engine:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
using var gate = new WriteGateMeter();
using var gcPauses = new GcPauseMeter();
await using var server = new QunzhuServer(settings: settings);
server.UseKestrel(port);
server.StartServer();
var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
http.DefaultRequestHeaders.Authorization = new("Bearer", QunzhuServer.ApiKey);
var dbs = server.Services.GetRequiredService<IAppDbContextFactory>();
var clock = TimeProvider.System;

var groups = new List<Guid>();
for (var i = 0; i < options.Groups; i++)
{
    var created = await http.PostAsJsonAsync("/api/v1/sandbox/groups", new { name = $"压测群{i}", type = "learning" });
    groups.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
}
(await http.PostAsJsonAsync("/api/v1/auto-replies", new { keywords = new[] { "课表" }, reply = "{member} 课表见群公告", cooldownSeconds = 0 })).EnsureSuccessStatusCode();
Console.WriteLine($"server on 127.0.0.1:{port}, {options.Groups} groups{(options.HotGroups ? " (hot: one in five only check-ins)" : "")}, {options.Members} members, machine: {Environment.ProcessorCount} cores, load generator in the same process");

if (engineOnly)
{
    await EngineOnlyAsync();
    return;
}

// Warm-up: the same mix by other people, processed and delivered before the clock starts. The tiered JIT recompiles hot
// methods on a background thread, which starves while the load keeps both cores busy: after one warm-up thousands of
// methods were still being compiled during the measurement (a fifth of the CPU in perf). So the warm-up is repeated (up
// to 6 rounds) until a round compiles few methods, each followed by idle time for the JIT to catch up (bounded).
for (var round = 1; options.Warmup > 0 && round <= 6; round++)
{
    var warm = Stopwatch.StartNew();
    var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
    // As many posts per person as phase A will make: people posting again take paths (already checked in, the flood
    // window) that first-timers never reach, and a warm-up without them left those to be compiled during phase A.
    var (warmErrors, _) = await PostMixAsync(options.Warmup, $"w{round}-", WarmupMembers());
    await WaitUntilAsync(async db => await db.Inbox.CountAsync(e => e.Status == InboxStatus.Pending) == 0
                                     && await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending) == 0);
    var compiledUnderLoad = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore;
    var settle = Stopwatch.StartNew();
    for (var compiled = System.Runtime.JitInfo.GetCompiledMethodCount(); settle.Elapsed < TimeSpan.FromSeconds(30);)
    {
        await Task.Delay(1000);
        var now = System.Runtime.JitInfo.GetCompiledMethodCount();
        if (now - compiled < 20) break;
        compiled = now;
    }
    Console.WriteLine($"warm-up {round}: {options.Warmup} events ({warmErrors} errors) in {warm.Elapsed.TotalSeconds:F1} s, {compiledUnderLoad} methods compiled meanwhile, " +
                      $"then {settle.Elapsed.TotalSeconds:F0} s idle for the JIT; not measured");
    if (compiledUnderLoad < 300) break;
}
var linesBefore = 0;
long lastLine;
await using (var db = dbs.Create())
{
    linesBefore = await db.SandboxLines.CountAsync();
    lastLine = await db.SandboxLines.MaxAsync(l => (long?)l.Id) ?? 0;
}

Console.WriteLine("phase A (throughput) starts");
// Phase A: throughput. Real chat: 70% messages, 20% check-ins, 5% joins, 5% auto-reply triggers.
var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
var io0 = WrittenBytes();
var gc0 = (Allocated: GC.GetTotalAllocatedBytes(), Pause: GC.GetTotalPauseDuration(), Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2));
gate.Restart();
var (errors, started) = await PostMixAsync(options.Events, "m", options.Members);
var accepted = started.Elapsed;
await WaitUntilAsync(async db => await db.Inbox.CountAsync(e => e.Status == InboxStatus.Pending) == 0);
var processed = started.Elapsed;
await WaitUntilAsync(async db => await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending) == 0);
var delivered = started.Elapsed;
var gateA = gate.Report();
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
var written = WrittenBytes() - io0;
var gcA = $"GC: {(GC.GetTotalAllocatedBytes() - gc0.Allocated) / 1024.0 / options.Events:F0} KiB allocated per event, paused {(GC.GetTotalPauseDuration() - gc0.Pause).TotalSeconds:F1} s " +
          $"({GC.CollectionCount(0) - gc0.Gen0} collections, {GC.CollectionCount(1) - gc0.Gen1} of gen 1, {GC.CollectionCount(2) - gc0.Gen2} of gen 2)";
int replies;
string kinds;
await using (var db = dbs.Create())
{
    replies = await db.SandboxLines.CountAsync() - linesBefore;
    var byKind = await db.SandboxLines.Where(l => l.Id > lastLine).GroupBy(l => l.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
    kinds = string.Join(", ", byKind.OrderByDescending(k => k.Count).Select(k => $"{k.Key} {k.Count}"));
}
Console.WriteLine($"""

    throughput: {options.Events} events, {options.Concurrency} concurrent clients, {errors} errors
      accepted (202)  {options.Events / accepted.TotalSeconds,8:F0} events/s   in {accepted.TotalSeconds:F1} s
      processed       {options.Events / processed.TotalSeconds,8:F0} events/s   all processed after {processed.TotalSeconds:F1} s
      delivered       {replies / delivered.TotalSeconds,8:F0} bot lines/s ({replies} lines: {kinds}) after {delivered.TotalSeconds:F1} s
      CPU (server + load generator) {cpu.TotalSeconds:F1} s = {cpu.TotalMicroseconds / options.Events:F0} µs per event
      written to files {written / 1_048_576.0:F0} MiB = {written / 1024.0 / options.Events:F1} KiB per event (SQLite WAL, checkpoints)
      memory: working set {Environment.WorkingSet / 1_048_576} MiB, GC heap {GC.GetTotalMemory(false) / 1_048_576} MiB; {gcA}
      {gateA}
    """);

// Phase B: latency at a fixed (open-loop) rate: each event is a first check-in, so each gets one reply. With
// --known-people the people joined their group first (not measured), so only the check-in is new.
// It starts 10 s after phase A's last reply, so that it measures a server taking 1,000 events a second, not one still
// copying phase A's log (4 GB written in 30 s) into the database file. (Before every group got the whole mix, 40 groups'
// replies waited on their rate limit for about 8 s after the last event, which gave the server that time by chance.)
await Task.Delay(TimeSpan.FromSeconds(10));
if (options.KnownPeople)
{
    var joined = Stopwatch.StartNew();
    var joins = options.Rate * options.Seconds;
    var (joinErrors, _) = await PostAllAsync(joins, k => new { eventId = $"join-p{k}", kind = "join", memberId = $"p{k}", memberName = $"成员p{k}" });
    if (joinErrors > 0) throw new InvalidOperationException($"{joinErrors} of phase B's joins were not accepted.");
    // The welcomes go out when each group's joining window closes (a scheduled job), then are delivered.
    await WaitUntilAsync(async db => await db.Inbox.CountAsync(e => e.Status == InboxStatus.Pending) == 0
                                     && await db.ScheduledJobs.CountAsync(j => j.Kind == Qunzhu.Engine.Modules.WelcomeModule.JobKind
                                                                               && j.Status == ScheduledJobStatus.Pending) == 0
                                     && await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending) == 0);
    Console.WriteLine($"phase B's {joins} people joined their groups in {joined.Elapsed.TotalSeconds:F1} s, not measured");
}
gate.Restart();
gcPauses.Restart();
var sent = new System.Collections.Concurrent.ConcurrentDictionary<string, DateTime>();
var perTick = Math.Max(1, options.Rate / 100);
var phaseBErrors = 0;
using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10)))
{
    var total = options.Rate * options.Seconds;
    var inflight = new List<Task<bool>>();
    for (var k = 0; k < total && await timer.WaitForNextTickAsync();)
    {
        for (var j = 0; j < perTick && k < total; j++, k++)
        {
            var id = $"lat-{k}";
            var group = groups[k % groups.Count];
            sent[id] = clock.GetUtcNow().UtcDateTime;
            inflight.Add(PostOneAsync($"/api/v1/sandbox/groups/{group}/events", new { eventId = id, kind = "message", memberId = $"p{k}", text = "打卡" }));
        }
    }
    phaseBErrors = (await Task.WhenAll(inflight)).Count(accepted => !accepted);
}
await WaitUntilAsync(async db => await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending) == 0
                                 && await db.Inbox.CountAsync(e => e.Status == InboxStatus.Pending) == 0);
var gateB = gate.Report(out var holdsB);
// The runtime hands its events over in batches (about every second): wait for the last pauses.
await Task.Delay(TimeSpan.FromSeconds(1.5));
var gcB = gcPauses.Report(out var pausesB);
holdsB.AddRange(pausesB);
List<(string Key, DateTime At)> lines;
await using (var db = dbs.Create())
    lines = [.. (await db.SandboxLines.AsNoTracking().Where(l => l.IdempotencyKey.Contains("/lat-")).Select(l => new { l.IdempotencyKey, l.At }).ToListAsync())
        .Select(l => (l.IdempotencyKey, l.At))];
// A reply is visible once the write that holds its line commits, and that write lets go of the write gate just after
// its commit. The line's own stamp is taken inside the write, before the rest of it (the batch's other rows, marking its
// events processed) and the commit, so each reply counts until the end of the gate's hold around its stamp.
var writes = holdsB.Where(h => h.Scope is "writer" or "transaction")
    .Select(h => (From: h.EndedAt.AddMilliseconds(-h.Milliseconds), To: h.EndedAt)).OrderBy(h => h.From).ToList();
var unmatched = 0;
// Each measured event's reply, by the event's id ("{account}:{group}/lat-k:0" → "lat-k").
var replyAt = lines.Select(l => (Id: l.Key.Split(':')[1].Split('/')[1], l.At)).Where(l => sent.ContainsKey(l.Id))
    .ToDictionary(l => l.Id, l => VisibleAt(l.At));
var latencies = replyAt.Select(r => (r.Value - sent[r.Key]).TotalMilliseconds).Order().ToList();
// Where the time went, stage by stage: the inbox row's stamps split the path at "stored" and "processed".
Dictionary<string, (DateTime Received, DateTime? Processed)> stamps;
await using (var db = dbs.Create())
    stamps = (await db.Inbox.AsNoTracking().Where(e => e.PlatformEventId.Contains("/lat-"))
            .Select(e => new { e.PlatformEventId, e.ReceivedAt, e.ProcessedAt }).ToListAsync())
        .ToDictionary(e => e.PlatformEventId.Split('/')[1], e => (e.ReceivedAt, e.ProcessedAt));
var stages = replyAt.Select(r => (Id: r.Key, At: r.Value))
    .Where(l => stamps.TryGetValue(l.Id, out var s) && s.Processed is not null)
    .Select(l => (Stored: (stamps[l.Id].Received - sent[l.Id]).TotalMilliseconds,
        Processed: (stamps[l.Id].Processed!.Value - stamps[l.Id].Received).TotalMilliseconds,
        Delivered: (l.At - stamps[l.Id].Processed!.Value).TotalMilliseconds))
    .ToList();
Console.WriteLine($"""
    latency at {options.Rate} events/s for {options.Seconds} s, {(options.KnownPeople ? "members who joined before" : "every event a first-time member")} (POST sent → bot's reply committed and visible):
      replies {latencies.Count} of {sent.Count} ({phaseBErrors} errors; {unmatched} not matched to the write that committed them, counted to their own stamp)
      p50 {Percentiles.Of(latencies, 50),7:F1} ms   p90 {Percentiles.Of(latencies, 90),7:F1} ms   p99 {Percentiles.Of(latencies, 99),7:F1} ms   max {latencies.LastOrDefault(),7:F1} ms
      by stage (p50 / p99 ms): sent → stored {Stage(s => s.Stored)}, stored → processed {Stage(s => s.Processed)}, processed → reply visible {Stage(s => s.Delivered)}
      {gateB} (until every reply was delivered)
      {gcB}
    """);

// --timeline: the slow moments of phase B, 100 ms at a time (by when the event was sent), with the long holds of the write
// gate and the GC's pauses around them, to tell a stall (a checkpoint, a long batch, a collection) from a queue that builds up.
if (args.Contains("--timeline") && !sent.IsEmpty)
{
    var start = sent.Values.Min();
    var windows = sent.Where(e => replyAt.ContainsKey(e.Key))
        .Select(e => (Window: (int)((e.Value - start).TotalMilliseconds / 100), Latency: (replyAt[e.Key] - e.Value).TotalMilliseconds,
            Stored: stamps.TryGetValue(e.Key, out var st) ? (st.Received - e.Value).TotalMilliseconds : double.NaN))
        .GroupBy(e => e.Window).OrderBy(g => g.Key).ToList();
    var slow = windows.Where(g => g.Max(e => e.Latency) > 50).ToList();
    Console.WriteLine($"  timeline: {slow.Count} of {windows.Count} windows of 100 ms had a reply slower than 50 ms; " +
                      $"{slow.Sum(g => g.Count(e => e.Latency > 50))} replies over 50 ms");
    foreach (var g in slow)
    {
        var from = start.AddMilliseconds(g.Key * 100);
        var near = holdsB.Where(h => h.Milliseconds >= 5 && h.EndedAt >= from.AddMilliseconds(-100) && h.EndedAt <= from.AddMilliseconds(250)).OrderBy(h => h.EndedAt)
            .Select(h => $"{h.Scope} {h.Milliseconds:F0} ms ending at +{(h.EndedAt - start).TotalMilliseconds:F0}");
        var sorted = g.Select(e => e.Latency).Order().ToList();
        Console.WriteLine($"    +{g.Key * 100,5} ms: {sorted.Count,3} sent, {sorted.Count(l => l > 50),3} over 50 ms, p50 {Percentiles.Of(sorted, 50),5:F0}, " +
                          $"max {sorted[^1],5:F0} ms (sent → stored max {g.Max(e => e.Stored):F0}); holds and GC pauses ≥ 5 ms: {string.Join(", ", near)}");
    }
}

// The end of the write (gate hold) the stamp was taken in; holds never overlap. Times of a hold come from two clocks
// (its end from the wall clock, its length from the stopwatch), so a stamp may fall a little outside it.
DateTime VisibleAt(DateTime stamped)
{
    var tolerance = TimeSpan.FromMilliseconds(0.5);
    var (lo, hi) = (0, writes.Count - 1);
    while (lo <= hi)
    {
        var mid = (lo + hi) / 2;
        if (writes[mid].From - tolerance <= stamped) lo = mid + 1;
        else hi = mid - 1;
    }
    if (hi >= 0 && writes[hi].To + tolerance >= stamped) return writes[hi].To > stamped ? writes[hi].To : stamped;
    unmatched++;
    return stamped;
}

string Stage(Func<(double Stored, double Processed, double Delivered), double> of)
{
    var sorted = stages.Select(of).Order().ToList();
    return $"{Percentiles.Of(sorted, 50):F1} / {Percentiles.Of(sorted, 99):F1}";
}

// The engine alone: each round stores the mix (not measured), then processes it with the engine's own batches on this
// thread, with nothing else running: no HTTP, no delivery, so far less noisy than the whole server. Rounds 1 and 2 warm
// the JIT up with people seen nowhere else; round 3 meets its people for the first time (each needs a member, an
// identity and a membership); rounds 4 and later are those people again (their check-ins answered "already checked in").
async Task EngineOnlyAsync()
{
    var engine = server.Services.GetRequiredService<Qunzhu.Engine.Processing.EventEngine>();
    var partitions = Enumerable.Range(0, server.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Qunzhu.Engine.EngineOptions>>().Value.Partitions).ToList();
    var rounds = Math.Max(4, options.Rounds);
    List<double> perEvent = [];
    List<double> cpuPerEvent = [];
    for (var round = 1; round <= rounds; round++)
    {
        var postCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (postErrors, posted) = await PostMixAsync(options.Events, round switch { 1 => "w1-", 2 => "w2-", _ => "m" }, options.Members);
        var stored = posted.Elapsed;
        postCpu = Process.GetCurrentProcess().TotalProcessorTime - postCpu;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        int done, batches = 0, events = 0;
        while ((done = await engine.ProcessNextBatchAsync(partitions, CancellationToken.None)) > 0 && wall.Elapsed < TimeSpan.FromMinutes(5))
        {
            batches++;
            events += done;
        }
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var what = round switch { < 3 => "warm-up", 3 => "first sight of everyone", _ => "known people" };
        Console.WriteLine($"round {round} ({what}): {events} events ({postErrors} post errors) in {batches} batches, {wall.Elapsed.TotalMilliseconds:F0} ms = " +
                          $"{wall.Elapsed.TotalMicroseconds / events:F0} µs per event, CPU {cpuUsed.TotalMicroseconds / events:F0} µs per event; " +
                          $"stored before that at {options.Events / stored.TotalSeconds:F0} events/s, CPU (server + clients) {postCpu.TotalMicroseconds / options.Events:F0} µs per event");
        if (round < 4) continue;
        perEvent.Add(wall.Elapsed.TotalMicroseconds / events);
        cpuPerEvent.Add(cpuUsed.TotalMicroseconds / events);
    }
    perEvent.Sort();
    cpuPerEvent.Sort();
    Console.WriteLine($"engine alone, known people (rounds 4–{rounds}): median {Percentiles.Of(perEvent, 50):F0} µs per event (wall), " +
                      $"{Percentiles.Of(cpuPerEvent, 50):F0} µs CPU = {1_000_000 / Percentiles.Of(perEvent, 50):F0} events/s on one loop");
}

// Posts the chat mix with the configured concurrency; people are "{prefix}0", "{prefix}1" …
int WarmupMembers() => (int)Math.Clamp((long)options.Members * options.Warmup / Math.Max(1, options.Events), 1, options.Members);

async Task<(int Errors, Stopwatch Started)> PostMixAsync(int count, string prefix, int members) => await PostAllAsync(count, i =>
{
    var member = $"{prefix}{i % members}";
    var kind = options.HotGroups ? i % 20 : i / groups.Count % 20;
    return (kind switch { < 14 => "message", < 18 => "checkin", 18 => "join", _ => "reply" }) switch
    {
        "join" => new { kind = "join", memberId = member, memberName = $"成员{i % members}" },
        "checkin" => new { kind = "message", memberId = member, text = "签到" },
        "reply" => new { kind = "message", memberId = member, text = "请问课表在哪" },
        _ => (object)new { kind = "message", memberId = member, text = $"今天的分享很有收获，谢谢大家 {i}" },
    };
});

// Posts event i (0 … count-1) to group i % groups with the configured number of concurrent clients (bounded at 5 minutes).
async Task<(int Errors, Stopwatch Started)> PostAllAsync(int count, Func<int, object> body)
{
    var started = Stopwatch.StartNew();
    var next = -1;
    var errors = 0;
    await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
    {
        while (true)
        {
            var i = Interlocked.Increment(ref next);
            if (i >= count || started.Elapsed > TimeSpan.FromMinutes(5)) break;
            if (!await PostOneAsync($"/api/v1/sandbox/groups/{groups[i % groups.Count]}/events", body(i))) Interlocked.Increment(ref errors);
        }
    }));
    return (errors, started);
}

// One event; the response is let go at once (kept, 10,000 of them were promoted through every generation of the GC, work
// that the server itself never does).
async Task<bool> PostOneAsync(string path, object body)
{
    using var response = await http.PostAsJsonAsync(path, body);
    return response.StatusCode == HttpStatusCode.Accepted;
}

async Task WaitUntilAsync(Func<AppDbContext, Task<bool>> done)
{
    var waited = Stopwatch.StartNew();
    while (waited.Elapsed < TimeSpan.FromMinutes(5))
    {
        await using var db = dbs.Create();
        if (await done(db)) return;
        await Task.Delay(50);
    }
    throw new TimeoutException("The server did not finish within 5 minutes.");
}

// Bytes this process asked the kernel to write (Linux /proc/self/io "wchar"); 0 elsewhere.
static long WrittenBytes()
{
    if (!File.Exists("/proc/self/io")) return 0;
    var line = File.ReadLines("/proc/self/io").FirstOrDefault(l => l.StartsWith("wchar:", StringComparison.Ordinal));
    return line is null ? 0 : long.Parse(line["wchar:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
