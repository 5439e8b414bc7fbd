namespace Qunzhu.LoadTest;

/// Command line: --events 50000 --concurrency 64 --groups 200 --rate 1000 --seconds 30
public sealed record LoadOptions(int Events, int Concurrency, int Groups, int Rate, int Seconds)
{
    public static LoadOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        }
        return new LoadOptions(Get("events", 50_000), Get("concurrency", 64), Get("groups", 200), Get("rate", 1_000), Get("seconds", 30));
    }
}
