using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests.Sops;

/// Request bodies and calls shared by the SOP tests.
public static class SopRequests
{
    public static object Step(string anchor, string action, string? text = null, int offsetDays = 0, int offsetMinutes = 0, string? at = null,
        string? tag = null, string? topicKind = null) =>
        new { anchor, action, text, offsetDays, offsetMinutes, at, tag, topicKind };

    public static async Task<JsonElement> CreateAsync(HttpClient http, object body) =>
        await (await http.PostAsJsonAsync("/api/v1/sops", body)).JsonAsync(HttpStatusCode.Created);

    public static async Task<JsonElement> ApplyAsync(HttpClient http, Guid sop, params Guid[] groups) =>
        await (await http.PostAsJsonAsync($"/api/v1/sops/{sop}/apply", new { communityIds = groups })).JsonAsync(HttpStatusCode.OK);

    public static async Task<JsonElement> ExecutionsAsync(HttpClient http, Guid sop) =>
        await (await http.GetAsync($"/api/v1/sops/{sop}/executions")).JsonAsync(HttpStatusCode.OK);
}
