using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Testing;

// dotnet run -c Release --project benchmarks/Qunzhu.BroadcastBench -- --groups 10000 --rate 200
var groups = Arg("--groups", 10_000);
var rate = Arg("--rate", 200);
var settings = new Dictionary<string, string?>
{
    ["Delivery:RateLimits:Sandbox:PerAccountPerSecond"] = rate.ToString(CultureInfo.InvariantCulture),
    ["Delivery:RateLimits:Sandbox:PerAccountBurst"] = rate.ToString(CultureInfo.InvariantCulture),
    ["Delivery:RateLimits:Sandbox:PerChatPerSecond"] = "20",
    ["Delivery:RateLimits:Sandbox:PerChatBurst"] = "20",
};
await using var server = new QunzhuServer(settings: settings);
await SandboxGroups.CreateManyAsync(server, groups);
var http = server.CreateApiClient();
var clock = Stopwatch.StartNew();
var created = await http.PostAsJsonAsync("/api/v1/broadcasts", new { content = new { text = "基准测试" }, targets = new { communityTypes = new[] { "learning" } } });
var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
// Bounded: at most twice the time the rate allows, plus a minute.
var deadline = TimeSpan.FromSeconds(groups / (double)rate * 2 + 60);
BroadcastRun? run = null;
while (clock.Elapsed < deadline)
{
    await using var db = server.CreateDbContext();
    run = await db.BroadcastRuns.AsNoTracking().FirstOrDefaultAsync(r => r.BroadcastId == id);
    var sent = await db.SandboxLines.CountAsync(l => l.Text == "基准测试");
    if (sent >= groups) break;
    await Task.Delay(500);
}
await using (var db = server.CreateDbContext())
{
    var at = await db.SandboxLines.Where(l => l.Text == "基准测试").Select(l => l.At).OrderBy(a => a).ToListAsync();
    var planning = run?.PlannedAt is { } p ? (p - run.CreatedAt).TotalSeconds : double.NaN;
    var span = at.Count > 1 ? (at[^1] - at[0]).TotalSeconds : double.NaN;
    var measured = (at.Count - rate) / span;   // the first second is the burst
    var violations = 0;
    for (int i = 0, j = 0; j < at.Count; j++)
    {
        while ((at[j] - at[i]).TotalSeconds > 1) i++;
        if (j - i + 1 > rate * 2) violations++;   // more than burst + one second of rate within one second
    }
    Console.WriteLine($"groups {groups}, delivered {at.Count}, duplicates {at.Count - await db.SandboxLines.Where(l => l.Text == "基准测试").Select(l => l.CommunityId).Distinct().CountAsync()}");
    Console.WriteLine($"planning {planning:0.00} s; delivery {measured:0.0}/s after the burst = {measured / rate:P1} of {rate}/s; windows over the limit: {violations}");
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
