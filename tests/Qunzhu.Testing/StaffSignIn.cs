using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Qunzhu.Testing;

/// <summary>A client signed in to the console as a staff member (the cookie, as a browser has it): what an Operator or a
/// Viewer can reach through the API, since operators have no API keys.</summary>
public static partial class StaffSignIn
{
    public static async Task<Guid> CreateStaffAsync(HttpClient admin, string email, string role, string password)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/staff", new { email, role, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdOnly>())!.Id;
    }

    /// <summary>Posts the login form with its antiforgery token; the returned client carries the console cookie.</summary>
    public static async Task<HttpClient> SignInAsync(QunzhuServer server, string email, string password)
    {
        var client = server.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/login");
        var input = Token().Match(login).Value;
        var token = Value().Match(input).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode} → {response.Headers.Location}");
        return client;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex Token();

    [GeneratedRegex("value=\"([^\"]+)\"")]
    private static partial Regex Value();

    private sealed record IdOnly(Guid Id);
}
