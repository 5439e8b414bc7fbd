using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qunzhu.Testing;

/// <summary>The sandbox contract from a caller's side: create a group, act as members, read the transcript.</summary>
public sealed class SandboxClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public HttpClient Http => http;

    public async Task<Guid> CreateGroupAsync(string name = "读书会", string type = "learning", object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["name"] = name, ["type"] = type };
        if (extra is not null)
            foreach (var p in extra.GetType().GetProperties()) body[char.ToLowerInvariant(p.Name[0]) + p.Name[1..]] = p.GetValue(extra);
        var response = await http.PostAsJsonAsync("/api/v1/sandbox/groups", body, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
    }

    public Task<HttpResponseMessage> PostAsync(Guid group, string kind, string memberId, string? text = null, string? memberName = null,
        string? eventId = null, string? inviteCode = null) =>
        http.PostAsJsonAsync($"/api/v1/sandbox/groups/{group}/events",
            new { eventId, kind, memberId, memberName, text, inviteCode }, Json);

    public async Task SendAsync(Guid group, string kind, string memberId, string? text = null, string? memberName = null,
        string? eventId = null, string? inviteCode = null)
    {
        var response = await PostAsync(group, kind, memberId, text, memberName, eventId, inviteCode);
        if ((int)response.StatusCode != 202)
            throw new HttpRequestException($"Expected 202, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<IReadOnlyList<Line>> TranscriptAsync(Guid group) =>
        (await http.GetFromJsonAsync<List<Line>>($"/api/v1/sandbox/groups/{group}/transcript?limit=1000", Json))!;

    /// <summary>The bot's messages, once at least <paramref name="count"/> have appeared.</summary>
    public async Task<IReadOnlyList<string>> BotMessagesAsync(Guid group, int count, TimeSpan? timeout = null)
    {
        var lines = await Eventually.UntilAsync(() => TranscriptAsync(group),
            t => t.Count(l => l.From == "bot" && l.Kind == "message") >= count, timeout, $"{count} bot messages");
        return [.. lines.Where(l => l.From == "bot" && l.Kind == "message").Select(l => l.Text ?? "")];
    }

    public sealed record Line(DateTime At, string From, string Kind, string? Text, string? EventId, string? MemberName, bool? Deleted, string? MemberId);
}
