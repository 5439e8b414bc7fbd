using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.AutoReplies;
using Qunzhu.Core.CheckIns;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Templates;
using Qunzhu.Testing;

namespace Qunzhu.Storage.Tests;

/// JSON-mapped settings, enums as strings and UTC DateTimes read back the same on every provider.
public sealed class MappingTests
{
    private static readonly TemplateSettings Custom = new()
    {
        Welcome = new WelcomeSettings { Text = "欢迎 {member} 加入 {group}！", CoreRules = ["不发广告", "友善交流", "每天签到"], BatchWindowSeconds = 5, SelfIntroPrompt = "请做个自我介绍" },
        CheckIn = new CheckInSettings { Keywords = ["签到", "打卡", "checkin"], Points = 7, StreakBonuses = [new(2, 3), new(5, 8), new(21, 50)], SuccessText = "{member} 第 {rank} 位" },
        AutoReply = new AutoReplySettings { Enabled = false, DefaultCooldownSeconds = 90 },
        Moderation = new ModerationSettings
        {
            BlockLinks = false,
            FloodMaxMessages = 4,
            WindowHours = 48,
            Ladder = [new(LadderAction.Warn), new(LadderAction.Mute, 15), new(LadderAction.Mute, 120), new(LadderAction.Remove)],
        },
    };

    [Theory, DatabaseData]
    public async Task TemplateSettings_WithLadderAndBonuses_RoundTripExactly(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var template = new Template { WorkspaceId = Guid.CreateVersion7(), Name = "打卡群模板", Settings = Custom, CreatedAt = Rows.Instant, UpdatedAt = Rows.Instant };
        await using (var db = database.CreateContext())
        {
            db.Templates.Add(template);
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        var loaded = (await check.Templates.SingleAsync(t => t.Id == template.Id)).Settings;
        loaded.Moderation.Ladder.ShouldBe(Custom.Moderation.Ladder);
        loaded.CheckIn.StreakBonuses.ShouldBe(Custom.CheckIn.StreakBonuses);
        loaded.CheckIn.Keywords.ShouldBe(Custom.CheckIn.Keywords);
        loaded.Welcome.CoreRules.ShouldBe(Custom.Welcome.CoreRules);
        loaded.AutoReply.ShouldBe(Custom.AutoReply);
        Json(loaded).ShouldBe(Json(Custom));
    }

    [Theory, DatabaseData]
    public async Task TemplateSettings_ChangedInPlace_IsSaved(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var template = new Template { WorkspaceId = Guid.CreateVersion7(), Name = "默认模板", CreatedAt = Rows.Instant, UpdatedAt = Rows.Instant };
        await using (var db = database.CreateContext())
        {
            db.Templates.Add(template);
            await db.SaveChangesAsync();
            // A settings record is replaced, never mutated: the value comparer must see the new value.
            template.Settings = template.Settings with { CheckIn = template.Settings.CheckIn with { Points = 25 } };
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        (await check.Templates.SingleAsync(t => t.Id == template.Id)).Settings.CheckIn.Points.ShouldBe(25);
    }

    [Theory, DatabaseData]
    public async Task CommunityOverridesAndCapabilities_RoundTripWithNullSectionsKept(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var overrides = new TemplateSettingsOverride { CheckIn = Custom.CheckIn, Moderation = Custom.Moderation };
        var capabilities = new PlatformCapabilities { RemovesMembers = false, DeletesMessages = false };
        var with = Community("有覆盖", overrides, capabilities);
        var without = Community("无覆盖", null, null);
        await using (var db = database.CreateContext())
        {
            db.Communities.AddRange(with, without);
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        var loaded = await check.Communities.SingleAsync(c => c.Id == with.Id);
        loaded.Overrides.ShouldNotBeNull();
        loaded.Overrides.Welcome.ShouldBeNull();
        loaded.Overrides.AutoReply.ShouldBeNull();
        Json(loaded.Overrides).ShouldBe(Json(overrides));
        loaded.Capabilities.ShouldBe(capabilities);
        var plain = await check.Communities.SingleAsync(c => c.Id == without.Id);
        plain.Overrides.ShouldBeNull();
        plain.Capabilities.ShouldBeNull();
    }

    [Theory, DatabaseData]
    public async Task AutoReplyKeywords_RoundTripInOrder(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var rule = new AutoReplyRule
        {
            WorkspaceId = Guid.CreateVersion7(),
            Keywords = ["几点开始", "上课时间", "what time", "\"引号\" \\ 反斜杠"],
            Match = MatchMode.Regex,
            Reply = "每晚 8 点，{member}",
            CreatedAt = Rows.Instant,
            UpdatedAt = Rows.Instant,
        };
        await using (var db = database.CreateContext())
        {
            db.AutoReplyRules.Add(rule);
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        var loaded = await check.AutoReplyRules.SingleAsync(r => r.Id == rule.Id);
        loaded.Keywords.ShouldBe(rule.Keywords);
        loaded.Match.ShouldBe(MatchMode.Regex);
    }

    [Theory, DatabaseData]
    public async Task Enums_AreStoredAsTheirNames(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var inbox = Rows.Inbox(Guid.CreateVersion7(), "e1");
        inbox.Status = InboxStatus.Processed;
        var outbox = Rows.Outbox("k1", BotActionKind.MuteMember);
        outbox.Status = OutboxStatus.DeadLetter;
        var community = Community("读书会", null, null);
        community.Type = CommunityType.GroupBuy;
        community.Platform = PlatformKind.WeCom;
        await using (var db = database.CreateContext())
        {
            db.AddRange(inbox, outbox, community);
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        (await Column(check, "Inbox", "Status")).ShouldBe("Processed");
        (await Column(check, "Inbox", "Platform")).ShouldBe("Sandbox");
        (await Column(check, "Outbox", "Kind")).ShouldBe("MuteMember");
        (await Column(check, "Outbox", "Status")).ShouldBe("DeadLetter");
        (await Column(check, "Communities", "Type")).ShouldBe("GroupBuy");
        (await Column(check, "Communities", "Platform")).ShouldBe("WeCom");
        // And the string is what queries compare with.
        (await check.Outbox.CountAsync(o => o.Status == OutboxStatus.DeadLetter && o.Kind == BotActionKind.MuteMember)).ShouldBe(1);
    }

    [Theory, DatabaseData]
    public async Task DateTimes_ReadBack_AreUtcAndTheSameInstant(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var utc = Rows.Instant;
        // What System.Text.Json makes of "…+08:00": local time of this machine, Kind=Local.
        var local = utc.AddHours(1).ToLocalTime();
        var inbox = Rows.Inbox(Guid.CreateVersion7(), "e1");
        inbox.ProcessedAt = local;
        var checkIn = new CheckIn
        {
            WorkspaceId = Guid.CreateVersion7(),
            CommunityId = Guid.CreateVersion7(),
            MemberId = Guid.CreateVersion7(),
            LocalDate = new DateOnly(2026, 11, 23),
            At = DateTime.SpecifyKind(utc, DateTimeKind.Unspecified),
        };
        await using (var db = database.CreateContext())
        {
            db.AddRange(inbox, checkIn);
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        var loaded = await check.Inbox.SingleAsync(e => e.Sequence == inbox.Sequence);
        loaded.ReceivedAt.Kind.ShouldBe(DateTimeKind.Utc);
        loaded.ReceivedAt.ShouldBe(utc);
        loaded.ProcessedAt.ShouldNotBeNull().Kind.ShouldBe(DateTimeKind.Utc);
        loaded.ProcessedAt.Value.ShouldBe(utc.AddHours(1));
        var loadedCheckIn = await check.CheckIns.SingleAsync(c => c.Id == checkIn.Id);
        loadedCheckIn.At.Kind.ShouldBe(DateTimeKind.Utc);
        loadedCheckIn.At.ShouldBe(utc, "an unspecified DateTime is taken as UTC");
        loadedCheckIn.LocalDate.ShouldBe(new DateOnly(2026, 11, 23));
        // Comparisons in queries use the same instant.
        (await check.Inbox.CountAsync(e => e.ReceivedAt == utc && e.ProcessedAt > utc)).ShouldBe(1);
    }

    private static Community Community(string name, TemplateSettingsOverride? overrides, PlatformCapabilities? capabilities)
    {
        var community = new Community
        {
            WorkspaceId = Guid.CreateVersion7(),
            AccountId = Guid.CreateVersion7(),
            ExternalId = Guid.NewGuid().ToString(),
            Name = name,
            Overrides = overrides,
            Capabilities = capabilities,
            CreatedAt = Rows.Instant,
        };
        return community;
    }

    /// The raw column value, past every converter. Identifiers cannot be parameters; these are the test's own.
    private static Task<string> Column(AppDbContext db, string table, string column)
    {
        var sql = $"SELECT \"{column}\" AS \"Value\" FROM \"{table}\"";
        return db.Database.SqlQueryRaw<string>(sql).SingleAsync();
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
