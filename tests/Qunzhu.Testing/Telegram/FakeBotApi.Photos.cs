using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Qunzhu.Testing.Telegram;

public sealed partial class FakeBotApi
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47];

    /// <summary>Parameters as the Bot API takes them: a JSON body, or multipart/form-data (a new file is uploaded
    /// that way; its other fields are plain strings, objects as JSON text).</summary>
    private static async Task<(JsonElement Parameters, IReadOnlyDictionary<string, byte[]> Files)> ReadParametersAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            return (string.IsNullOrWhiteSpace(body) ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(body).RootElement.Clone(),
                new Dictionary<string, byte[]>());
        }
        var form = await request.ReadFormAsync();
        var fields = new JsonObject();
        foreach (var (key, value) in form) fields[key] = value.ToString();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in form.Files)
        {
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            files[file.Name] = copy.ToArray();
        }
        return (JsonDocument.Parse(fields.ToJsonString()).RootElement.Clone(), files);
    }

    /// <summary>sendPhoto as Telegram answers it: the photo is an uploaded file part or a URL / file_id string
    /// (a URL is not fetched here: real Telegram downloads it and may fail with "wrong file identifier/HTTP URL specified");
    /// JPEG and PNG are accepted (anything else fails processing), the caption has at most 1024 characters,
    /// and the same per-chat limits as sendMessage apply.</summary>
    private (int, JsonObject) SendPhoto(JsonElement p, IReadOnlyDictionary<string, byte[]> files)
    {
        if (!p.TryGetProperty("chat_id", out var chatElement)) return Error(400, "Bad Request: chat_id is empty");
        var caption = p.TryGetProperty("caption", out var c) ? c.GetString() : null;
        if (caption is { Length: > 1024 }) return Error(400, "Bad Request: message caption is too long");
        var reference = p.TryGetProperty("photo", out var photo) ? photo.GetString() : null;
        // A new file is either the part named "photo" or, as Telegram.Bot sends it, a part named by "attach://<name>".
        var bytes = files.GetValueOrDefault("photo")
                    ?? (reference is { } r && r.StartsWith("attach://", StringComparison.Ordinal) ? files.GetValueOrDefault(r["attach://".Length..]) : null);
        if (bytes is not null)
        {
            if (bytes.Length == 0) return Error(400, "Bad Request: file must be non-empty");
            if (!bytes.AsSpan().StartsWith(Jpeg) && !bytes.AsSpan().StartsWith(Png)) return Error(400, "Bad Request: IMAGE_PROCESS_FAILED");
        }
        else if (reference is not { Length: > 0 } || reference.StartsWith("attach://", StringComparison.Ordinal))
        {
            return Error(400, "Bad Request: there is no photo in the request");
        }
        var chat = chatElement.ToString();
        if (Limits.TryCount(chat, TimeProvider.System.GetUtcNow()) is { } wait)
        {
            Interlocked.Increment(ref _violations);
            return Error(429, $"Too Many Requests: retry after {wait}", wait);
        }
        var message = Message(chat, "");
        message.Remove("text");
        if (caption is not null) message["caption"] = caption;
        message["photo"] = new JsonArray(new JsonObject
        {
            ["file_id"] = "AgAC" + Guid.NewGuid().ToString("N"),
            ["file_unique_id"] = Guid.NewGuid().ToString("N")[..16],
            ["width"] = 90,
            ["height"] = 90,
            ["file_size"] = bytes?.Length ?? 0,
        });
        return Ok(message);
    }
}
