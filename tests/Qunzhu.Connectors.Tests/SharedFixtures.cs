using System.Text.Json;

namespace Qunzhu.Connectors.Tests;

/// <summary>Reads ../shared/fixtures (beside the repository): real data from the platforms, not invented here.</summary>
public static class SharedFixtures
{
    public static JsonDocument Load(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "shared", "fixtures", name);
            if (File.Exists(path)) return JsonDocument.Parse(File.ReadAllText(path));
        }
        throw new FileNotFoundException($"shared/fixtures/{name} was not found beside the repository (CI clones it there).");
    }
}
