using Qunzhu.Core.Communities;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Text;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Processing;

/// <summary>Adds an action to the outbox, or, when the chat's platform cannot perform it, opens a
/// staff task saying what a person has to do and why. Never a silent no-op.</summary>
public sealed class ActionRouter(Microsoft.Extensions.Options.IOptions<EngineOptions> options)
{
    public void Route(AppDbContext db, Community community, PlatformCapabilities capabilities, BotAction action,
        string key, string locale, DateTime now, Guid? memberId = null)
    {
        if (capabilities.Supports(action.Kind))
        {
            db.Outbox.Add(new OutboundAction
            {
                WorkspaceId = community.WorkspaceId,
                AccountId = community.AccountId,
                Platform = community.Platform,
                CommunityId = community.Id,
                ChatId = community.ExternalId,
                Partition = Partitions.Of(community.ExternalId, options.Value.Partitions),
                IdempotencyKey = key,
                Kind = action.Kind,
                Text = action.Text,
                Attachment = action.Attachment,
                TargetUserId = action.TargetUserId,
                TargetMessageId = action.TargetMessageId,
                DurationSeconds = action.DurationSeconds,
                CreatedAt = now,
                NextAttemptAt = now,
            });
            return;
        }

        var values = new Dictionary<string, string>
        {
            ["member"] = action.TargetUserName ?? action.TargetUserId ?? "",
            ["group"] = community.Name,
            ["platform"] = community.Platform.ToString(),
            ["minutes"] = ((action.DurationSeconds ?? 0) / 60).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reason"] = action.Reason ?? "",
        };
        var titleKey = action.Kind switch
        {
            BotActionKind.RemoveMember => "StaffTask_Remove",
            BotActionKind.MuteMember => "StaffTask_Mute",
            BotActionKind.DeleteMessage => "StaffTask_Delete",
            BotActionKind.ApproveJoinRequest => "StaffTask_Approve",
            BotActionKind.DeclineJoinRequest => "StaffTask_Decline",
            BotActionKind.SendPrivateMessage => "StaffTask_Private",
            _ => "StaffTask_Send",
        };
        var detail = BotText.Format("StaffTask_Because", locale, values);
        // What the platform itself offers instead (e.g. WeCom's anti-harassment rules), where there is a hint for it.
        if (BotText.Find($"StaffTask_{community.Platform}_{action.Kind}", locale) is { } hint) detail += "\n" + MessageFormatter.Format(hint, values);
        db.StaffTasks.Add(new StaffTask
        {
            WorkspaceId = community.WorkspaceId,
            CommunityId = community.Id,
            MemberId = memberId,
            Key = key,
            Kind = action.Kind.ToString(),
            Title = BotText.Format(titleKey, locale, values),
            Detail = action.Kind is BotActionKind.SendMessage or BotActionKind.SendPrivateMessage ? $"{detail}\n\n{action.Text}" : detail,
            CreatedAt = now,
        });
    }
}
