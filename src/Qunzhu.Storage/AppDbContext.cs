using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.AutoReplies;
using Qunzhu.Core.Bridge;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Calendar;
using Qunzhu.Core.CheckIns;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Content;
using Qunzhu.Core.Moderation;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Points;
using Qunzhu.Core.Sandbox;
using Qunzhu.Core.Sops;
using Qunzhu.Core.Templates;
using Qunzhu.Core.Topics;
using Qunzhu.Core.WeCom;
using Qunzhu.Core.Workspaces;

namespace Qunzhu.Storage;

/// <summary>The one model. Provider contexts (SQLite, PostgreSQL) only add their migrations.</summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<StaffUser> StaffUsers => Set<StaffUser>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<StaffCommunity> StaffCommunities => Set<StaffCommunity>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<PlatformAccount> PlatformAccounts => Set<PlatformAccount>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<MemberIdentity> MemberIdentities => Set<MemberIdentity>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<MessageRecord> Messages => Set<MessageRecord>();
    public DbSet<Template> Templates => Set<Template>();
    public DbSet<AutoReplyRule> AutoReplyRules => Set<AutoReplyRule>();
    public DbSet<AutoReplyCooldown> AutoReplyCooldowns => Set<AutoReplyCooldown>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<PointsEntry> PointsLedger => Set<PointsEntry>();
    public DbSet<Violation> Violations => Set<Violation>();
    public DbSet<SensitiveWord> SensitiveWords => Set<SensitiveWord>();
    public DbSet<BlacklistEntry> Blacklist => Set<BlacklistEntry>();
    public DbSet<ModerationPolicy> ModerationPolicies => Set<ModerationPolicy>();
    public DbSet<InboxEvent> Inbox => Set<InboxEvent>();
    public DbSet<OutboundAction> Outbox => Set<OutboundAction>();
    public DbSet<StaffTask> StaffTasks => Set<StaffTask>();
    public DbSet<ScheduledJob> ScheduledJobs => Set<ScheduledJob>();
    public DbSet<PartitionLease> PartitionLeases => Set<PartitionLease>();
    public DbSet<EngineNode> EngineNodes => Set<EngineNode>();
    public DbSet<SandboxLine> SandboxLines => Set<SandboxLine>();
    public DbSet<InviteLink> InviteLinks => Set<InviteLink>();
    public DbSet<BridgeQueuedAction> BridgeQueue => Set<BridgeQueuedAction>();
    public DbSet<WeComJoinWay> WeComJoinWays => Set<WeComJoinWay>();
    public DbSet<WeComGroupMessage> WeComGroupMessages => Set<WeComGroupMessage>();
    public DbSet<WeComGroupMember> WeComGroupMembers => Set<WeComGroupMember>();
    public DbSet<WeComFollowUp> WeComFollowUps => Set<WeComFollowUp>();
    public DbSet<CommunityTag> CommunityTags => Set<CommunityTag>();
    public DbSet<ContentItem> ContentItems => Set<ContentItem>();
    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();
    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();
    public DbSet<BroadcastRun> BroadcastRuns => Set<BroadcastRun>();
    public DbSet<BroadcastDelivery> BroadcastDeliveries => Set<BroadcastDelivery>();
    public DbSet<CalendarMatrix> CalendarMatrices => Set<CalendarMatrix>();
    public DbSet<CalendarCell> CalendarCells => Set<CalendarCell>();
    public DbSet<Sop> Sops => Set<Sop>();
    public DbSet<SopEnrollment> SopEnrollments => Set<SopEnrollment>();
    public DbSet<SopExecution> SopExecutions => Set<SopExecution>();
    public DbSet<MemberTag> MemberTags => Set<MemberTag>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<TopicUse> TopicUses => Set<TopicUse>();
    public DbSet<Qunzhu.Core.Polls.PollAnswer> PollAnswers => Set<Qunzhu.Core.Polls.PollAnswer>();
    public DbSet<WeComContact> WeComContacts => Set<WeComContact>();
    public DbSet<WeComContactWay> WeComContactWays => Set<WeComContactWay>();
    /// <summary>ASP.NET Core Data Protection keys (they encrypt account secrets): in the database, so every
    /// node on one PostgreSQL shares them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as strings: readable in the database and stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}
