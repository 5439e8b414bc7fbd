using Qunzhu.Bridge.Client;

namespace Qunzhu.Connectors.Bridge;

/// <summary>Checks a batch before anything is stored: every problem is reported under the path of the
/// field (events[2].user.id), so the bridge author knows what to fix.</summary>
public static class BridgeEventValidator
{
    public const int MaxIdLength = Core.Pipeline.InboxEvent.MaxIdLength;
    public const int MaxNameLength = 100;
    public const int MaxTextLength = 4000;

    public static Dictionary<string, string[]> Validate(BridgeEventBatch? batch)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (batch is null || batch.Events is null)
        {
            errors["events"] = ["The body needs an \"events\" array (it may be empty)."];
            return errors;
        }
        if (batch.Version != BridgeProtocol.Version)
            errors["version"] = [$"This server speaks Bridge protocol version {BridgeProtocol.Version}; the body says {batch.Version}."];
        if (batch.Events.Count > BridgeProtocol.MaxEventsPerBatch)
            errors["events"] = [$"At most {BridgeProtocol.MaxEventsPerBatch} events per request; this one has {batch.Events.Count}. Split it."];

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Events.Count; i++)
        {
            var at = $"events[{i}]";
            var e = batch.Events[i];
            if (e is null)
            {
                errors[at] = ["An event must be an object."];
                continue;
            }
            Id(errors, $"{at}.id", e.Id, "the event's id, unique for this account (a repeated id is a duplicate)");
            if (e.Id is not null && !ids.Add(e.Id)) errors[$"{at}.id"] = [$"The id '{e.Id}' appears twice in this request."];
            Id(errors, $"{at}.chatId", e.ChatId, "the platform's chat id");
            if (!BridgeEventTypes.All.Contains(e.Type))
            {
                errors[$"{at}.type"] = [$"Unknown type '{e.Type}'. Use one of: {string.Join(", ", BridgeEventTypes.All)}."];
                continue;
            }
            switch (e.Type)
            {
                case BridgeEventTypes.ChatDiscovered or BridgeEventTypes.ChatRenamed:
                    if (string.IsNullOrWhiteSpace(e.Title) || e.Title.Trim().Length > MaxNameLength)
                        errors[$"{at}.title"] = [$"A {e.Type} event needs the chat's title (1–{MaxNameLength} characters)."];
                    break;
                default:
                    User(errors, at, e);
                    break;
            }
            if (e.Type == BridgeEventTypes.MessagePosted)
            {
                if (string.IsNullOrEmpty(e.Text)) errors[$"{at}.text"] = ["A message.posted event needs the message's text."];
                Id(errors, $"{at}.messageId", e.MessageId, "the platform's id of the message (Qunzhu names it when it asks to delete the message)");
            }
            if (e.Text is { Length: > MaxTextLength })
                errors[$"{at}.text"] = [$"Text has at most {MaxTextLength} characters; this has {e.Text.Length}."];
            if (e.InviteCode is { Length: > 64 })
                errors[$"{at}.inviteCode"] = ["An invite code has at most 64 characters."];
        }
        return errors;
    }

    private static void User(Dictionary<string, string[]> errors, string at, BridgeEvent e)
    {
        if (e.User is null)
        {
            errors[$"{at}.user"] = [$"A {e.Type} event needs \"user\": {{\"id\":…,\"name\":…}}."];
            return;
        }
        Id(errors, $"{at}.user.id", e.User.Id, "the person's stable id on the platform");
        if (e.User.Name is { Length: > MaxNameLength })
            errors[$"{at}.user.name"] = [$"A name has at most {MaxNameLength} characters."];
    }

    private static void Id(Dictionary<string, string[]> errors, string field, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = [$"Give {what} (1–{MaxIdLength} characters)."];
        else if (value.Length > MaxIdLength) errors[field] = [$"At most {MaxIdLength} characters; this has {value.Length}."];
    }
}
