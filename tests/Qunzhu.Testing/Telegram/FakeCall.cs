using System.Text.Json;

namespace Qunzhu.Testing.Telegram;

/// <summary>One Bot API call the fake received, with its parameters and what it answered.</summary>
public sealed record FakeCall(string Method, JsonElement Parameters, DateTimeOffset At, int Status)
{
    /// <summary>Files uploaded with a multipart call, by field name (e.g. "photo").</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; init; } = new Dictionary<string, byte[]>();

    /// <summary>The file sent for a parameter: its own part, or the part its "attach://&lt;name&gt;" value names.</summary>
    public byte[]? FileOf(string parameter) =>
        Files.GetValueOrDefault(parameter)
        ?? (Get(parameter) is { } value && value.StartsWith("attach://", StringComparison.Ordinal) ? Files.GetValueOrDefault(value["attach://".Length..]) : null);

    public string? Chat => Parameters.TryGetProperty("chat_id", out var c) ? c.ToString() : null;

    public string? Get(string name) => Parameters.TryGetProperty(name, out var v) ? v.ToString() : null;
}
