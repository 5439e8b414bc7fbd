using Qunzhu.Core.CheckIns;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Events;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Templates;
using Qunzhu.Core.Text;
using Qunzhu.Engine.Caching;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Processing;

/// <summary>Everything a module sees about one event, and where it puts what it wants done.</summary>
public sealed class EventContext
{
    private readonly List<BotAction> _actions = [];

    public required AppDbContext Db { get; init; }
    /// <summary>The batch this event belongs to, with what modules read for all of its events up front.</summary>
    public EngineBatch? Batch { get; init; }
    public required InboxEvent Inbox { get; init; }
    public required ChatEvent Event { get; init; }
    public required ChatUser User { get; init; }
    public required WorkspaceConfig Config { get; init; }
    public required Community Community { get; init; }
    public required Member Member { get; init; }
    public required Membership Membership { get; init; }
    public required TemplateSettings Settings { get; init; }
    public required PlatformCapabilities Capabilities { get; init; }
    /// <summary>The template whose auto-replies apply (the group's, else the default).</summary>
    public Guid? TemplateId { get; init; }
    /// <summary>When the event happened: what "today" means for a check-in.</summary>
    public DateTime At => Event.At;
    /// <summary>When the engine runs: the base for anything scheduled.</summary>
    public required DateTime Now { get; init; }

    public string Locale => Config.Workspace.Locale;
    public DateOnly LocalDay => CheckInCalculator.LocalDay(At, Config.Zone);
    public IReadOnlyList<BotAction> Actions => _actions;

    /// <summary>A module stopped the event (moderation removed the message): later modules do not run.</summary>
    public bool Stopped { get; private set; }

    /// <summary>A module answered the message: auto-replies stay quiet.</summary>
    public bool Answered { get; private set; }

    public string MemberName => Member.DisplayName;

    /// <summary>A module added a scheduled job: the scheduler is woken after commit.</summary>
    public bool ScheduledJob { get; set; }

    public void Stop() => Stopped = true;

    /// <summary>The tracked entities of a type: read for this batch, or added by its earlier events. What
    /// <c>DbSet.Local</c> answers, without its walk over every tracked entity of every type.</summary>
    public IReadOnlyList<T> Local<T>() where T : class => Batch is { } batch ? batch.Local.Of<T>() : [.. Db.Set<T>().Local];

    public void Reply(string text)
    {
        _actions.Add(new BotAction(BotActionKind.SendMessage, Text: text));
        Answered = true;
    }

    public void Act(BotAction action) => _actions.Add(action);

    /// <summary>Built-in text in the workspace's language with {member} and {group} filled in.</summary>
    public string Text(string key, Dictionary<string, string>? values = null)
    {
        values ??= [];
        values.TryAdd("member", MemberName);
        values.TryAdd("group", Community.Name);
        return BotText.Format(key, Locale, values);
    }

    /// <summary>An operator's text (or the built-in one when null) with variables filled in.</summary>
    public string Text(string? custom, string key, Dictionary<string, string> values)
    {
        values.TryAdd("member", MemberName);
        values.TryAdd("group", Community.Name);
        return custom is null ? BotText.Format(key, Locale, values) : MessageFormatter.Format(custom, values);
    }
}
