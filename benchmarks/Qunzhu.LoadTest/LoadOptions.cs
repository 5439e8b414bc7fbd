namespace Qunzhu.LoadTest;

/// Command line: --events 50000 --concurrency 64 --groups 200 --members 20000 --rate 1000 --seconds 30 --warmup 5000 [--known-people] [--engine-only --rounds 7] [--batch-size N] [--timeline] [--hot-groups]
/// <param name="Members">Distinct people posting in phase A. With as many members as events every event is a
/// first-time member (the worst case: each needs a new member row); fewer make people post again, as in real groups.</param>
/// <param name="Warmup">Events posted and processed before anything is measured (by people who do not post later), so the
/// numbers are the server's steady state and not its start: tiered JIT recompiles thousands of methods in the first
/// tens of seconds, and EF builds its query and accessor caches. Repeated (up to 6 rounds, each followed by idle time
/// for the JIT) until a round compiles fewer than 300 methods.</param>
/// <param name="KnownPeople">Phase B's people joined their group beforehand (<c>--known-people</c>): each event is a
/// member's first check-in of the day, the morning rush of a real community. Without it each is also a first-time
/// member (the worst case).</param>
/// <param name="BatchSize">Engine:BatchSize, when given (<c>--batch-size 32</c>: the small batches a steady 1,000
/// events/s makes, where each batch's fixed cost counts).</param>
/// <param name="HotGroups">Every group gets the whole chat mix, in the same proportions (70 % chat, 20 % check-in, 5 % joins,
/// 5 % questions). With <c>--hot-groups</c> the kind goes by the group instead (event i goes to group i % groups and is of
/// kind i % 20): one group in five gets nothing but check-ins, and at 5,000 events/s over 200 groups those 40 groups ask
/// for 25 replies a second each, more than the sandbox lets through a chat (20 a second), so their replies queue in the
/// outbox and delivery works through a backlog, as in a real check-in rush on Telegram (20 messages a minute per group).</param>
/// <param name="Rounds">With <c>--engine-only</c>: how many times the mix is stored and then processed by the engine alone.</param>
public sealed record LoadOptions(int Events, int Concurrency, int Groups, int Members, int Rate, int Seconds, int Warmup, bool KnownPeople, int Rounds, int? BatchSize, bool HotGroups)
{
    public static LoadOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        }
        return new LoadOptions(Get("events", 50_000), Get("concurrency", 64), Get("groups", 200), Get("members", 20_000), Get("rate", 1_000), Get("seconds", 30), Get("warmup", 5_000),
            args.Contains("--known-people"), Get("rounds", 7),
            args.Contains("--batch-size") ? Get("batch-size", 0) : null, args.Contains("--hot-groups"));
    }
}
