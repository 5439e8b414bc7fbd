using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Content;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Sops;
using Qunzhu.Core.Text;
using Qunzhu.Engine.Caching;
using Qunzhu.Engine.Processing;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Sops;

/// <summary>Does one step's one thing. Messages go through the <see cref="ActionRouter"/> keyed by the
/// execution, so a platform that cannot send turns them into a staff task, and a re-run adds nothing.</summary>
public sealed class SopStepRunner(ActionRouter router, PlatformCatalog platforms, SopEnroller enroller, TopicPicker topics)
{
    public async Task<SopStepOutcome> RunAsync(AppDbContext db, Sop sop, SopStep step, SopExecution execution, WorkspaceConfig cfg, DateTime now,
        CancellationToken ct)
    {
        var locale = cfg.Workspace.Locale;
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == execution.CommunityId, ct);
        if (community is null) return SopStepOutcome.Fail(BotText.Get("Sop_Failed_NoGroup", locale));
        Member? member = null;
        if (execution.MemberId is { } memberId)
        {
            member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
            if (member is null) return SopStepOutcome.Fail(BotText.Get("Sop_Failed_NoMember", locale));
        }
        var values = ContentRenderer.Values(community.Name, ContentRenderer.LocalDate(now, cfg.Zone), locale, community.Variables);
        if (member is not null) values["member"] = member.DisplayName;
        var sopValues = new Dictionary<string, string> { ["sop"] = sop.Name, ["group"] = community.Name };

        switch (step.Action)
        {
            case SopActionKind.PostToGroup:
                var item = step.ContentId is { } contentId
                    ? await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contentId && c.WorkspaceId == sop.WorkspaceId, ct)
                    : new ContentItem { Kind = ContentKind.Text, Title = sop.Name, Text = step.Text };
                if (item is null) return SopStepOutcome.Fail(BotText.Get("Sop_Failed_NoContent", locale));
                return await PostAsync(db, community, item, values, execution.Key, locale, now, ct);
            case SopActionKind.PostTopic:
                var topic = await topics.PickAsync(db, sop.WorkspaceId, community.Id, step.TopicId, step.TopicKind, now, ct);
                if (topic is null)
                    return SopStepOutcome.Fail(BotText.Format("Sop_Failed_NoTopic", locale, new Dictionary<string, string>
                    {
                        ["kind"] = step.TopicKind?.ToString().ToLowerInvariant() ?? "-",
                        ["days"] = topics.RepeatDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    }));
                var attached = topic.ContentId is { } tc ? await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.Id == tc, ct) : null;
                var prompt = attached is null
                    ? new ContentItem { Kind = ContentKind.Text, Title = topic.Title, Text = topic.Text }
                    : new ContentItem
                    {
                        Id = attached.Id,
                        Kind = attached.Kind,
                        Title = attached.Title,
                        Description = attached.Description,
                        Url = attached.Url,
                        MediaId = attached.MediaId,
                        CoverMediaId = attached.CoverMediaId,
                        CardAppId = attached.CardAppId,
                        CardPagePath = attached.CardPagePath,
                        Text = topic.Text,
                    };
                db.TopicUses.Add(new Core.Topics.TopicUse { WorkspaceId = sop.WorkspaceId, TopicId = topic.Id, CommunityId = community.Id, Key = execution.Key, At = now });
                return await PostAsync(db, community, prompt, values, execution.Key, locale, now, ct);
            case SopActionKind.MessageMember:
                var identity = await db.MemberIdentities.AsNoTracking()
                    .FirstOrDefaultAsync(i => i.MemberId == member!.Id && i.AccountId == community.AccountId, ct);
                if (identity is null) return SopStepOutcome.Fail(BotText.Get("Sop_Failed_NoMember", locale));
                var capabilities = await platforms.CapabilitiesAsync(community, ct);
                router.Route(db, community, capabilities, new BotAction(BotActionKind.SendPrivateMessage, Text: MessageFormatter.Format(step.Text ?? "", values),
                    TargetUserId: identity.ExternalUserId, TargetUserName: member!.DisplayName, Reason: BotText.Format("Sop_PrivateReason", locale, sopValues)),
                    execution.Key, locale, now, member.Id);
                return capabilities.Supports(BotActionKind.SendPrivateMessage) ? SopStepOutcome.Done : new SopStepOutcome(false, BotText.Get("Sop_HandedToStaff", locale));
            case SopActionKind.StaffTask:
                db.StaffTasks.Add(new StaffTask
                {
                    WorkspaceId = sop.WorkspaceId,
                    CommunityId = community.Id,
                    MemberId = member?.Id,
                    Key = execution.Key,
                    Kind = "Sop",
                    Title = BotText.Format("Sop_StaffTaskTitle", locale, sopValues),
                    Detail = MessageFormatter.Format(step.Text ?? "", values),
                    CreatedAt = now,
                });
                return SopStepOutcome.Done;
            case SopActionKind.AddTag:
                var tag = MessageFormatter.Format(step.Tag ?? "", values).Trim();
                if (member is null)
                {
                    if (!await db.CommunityTags.AnyAsync(t => t.CommunityId == community.Id && t.Tag == tag, ct))
                        db.CommunityTags.Add(new CommunityTag { WorkspaceId = sop.WorkspaceId, CommunityId = community.Id, Tag = tag, CreatedAt = now });
                    return SopStepOutcome.Done;
                }
                if (await db.MemberTags.AnyAsync(t => t.MemberId == member.Id && t.Tag == tag, ct)) return SopStepOutcome.Done;
                var added = new MemberTag { WorkspaceId = sop.WorkspaceId, MemberId = member.Id, Tag = tag, CreatedAt = now };
                db.MemberTags.Add(added);
                await enroller.OnMemberTaggedAsync(db, sop.WorkspaceId, member.Id, [added], locale, now, ct);
                return SopStepOutcome.Done;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.Action, null);
        }
    }

    private async Task<SopStepOutcome> PostAsync(AppDbContext db, Community community, ContentItem item, Dictionary<string, string> values, string key,
        string locale, DateTime now, CancellationToken ct)
    {
        var capabilities = await platforms.CapabilitiesAsync(community, ct);
        var kindValues = new Dictionary<string, string> { ["platform"] = community.Platform.ToString(), ["kind"] = item.Kind.ToString().ToLowerInvariant() };
        if (!capabilities.Sends(item.Kind)) return SopStepOutcome.Fail(BotText.Format("Broadcast_CannotSendKind", locale, kindValues));
        var text = ContentRenderer.Text(item, values);
        if (capabilities.MaxTextLength is { } max && text.Length > max)
        {
            kindValues["length"] = text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            kindValues["max"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return SopStepOutcome.Fail(BotText.Format("Broadcast_TextTooLong", locale, kindValues));
        }
        var attachment = item.Kind == ContentKind.Text ? null : new OutboundAttachment(item.Kind, item.Id == Guid.Empty ? null : item.Id,
            item.MediaId, item.Url, item.Title, item.Description, item.CoverMediaId, item.CardAppId, item.CardPagePath);
        router.Route(db, community, capabilities, new BotAction(BotActionKind.SendMessage, Text: text, Reason: BotText.Get("Broadcast_StaffReason", locale),
            Attachment: attachment), key, locale, now);
        return capabilities.PostsFreely ? SopStepOutcome.Done : new SopStepOutcome(false, BotText.Get("Sop_HandedToStaff", locale));
    }
}
