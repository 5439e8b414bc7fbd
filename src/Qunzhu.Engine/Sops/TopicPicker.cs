using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Topics;
using Qunzhu.Engine.Topics;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Sops;

/// <summary>The topic a step posts: the one it names, or one of its kind that the group has not had within
/// <see cref="SopOptions.TopicRepeatDays"/>, the least recently used (then the oldest) first.</summary>
public sealed class TopicPicker(IOptions<SopOptions> options)
{
    public int RepeatDays => options.Value.TopicRepeatDays;

    public async Task<Topic?> PickAsync(AppDbContext db, Guid workspaceId, Guid communityId, Guid? topicId, TopicKind? kind, DateTime now, CancellationToken ct)
    {
        if (topicId is { } id) return await db.Topics.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.WorkspaceId == workspaceId, ct);
        var candidates = await db.Topics.AsNoTracking().Where(t => t.WorkspaceId == workspaceId && (kind == null || t.Kind == kind))
            .OrderBy(t => t.CreatedAt).ToListAsync(ct);
        if (candidates.Count == 0) return null;
        var history = await TopicHistory.ReadAsync(db, workspaceId, null, communityId, null, 1000, ct);
        var lastUse = history.GroupBy(h => h.TopicId).ToDictionary(g => g.Key, g => g.Max(h => h.At));
        var cutoff = now.AddDays(-RepeatDays);
        return candidates.Where(t => !lastUse.TryGetValue(t.Id, out var at) || at < cutoff)
            .OrderBy(t => lastUse.TryGetValue(t.Id, out var at) ? at : DateTime.MinValue).FirstOrDefault();
    }
}
