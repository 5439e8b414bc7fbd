using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Moderation;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Templates;
using Qunzhu.Core.Workspaces;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Startup;

/// <summary>Seed phase: the first workspace, owner and API key when the database has no users; and for
/// every workspace the rows it cannot work without (sandbox account, default template, policy).</summary>
public sealed partial class Bootstrapper(AppDbContext db, IOptions<BootstrapOptions> options, TimeProvider time, ILogger<Bootstrapper> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await db.StaffUsers.AnyAsync(ct)) await CreateFirstOwnerAsync(ct);
        foreach (var workspace in await db.Workspaces.ToListAsync(ct)) await EnsureWorkspaceRowsAsync(workspace, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task CreateFirstOwnerAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var workspace = new Workspace { Name = "我的社群", CreatedAt = now };
        var email = string.IsNullOrWhiteSpace(o.AdminEmail) ? "admin@qunzhu.local" : o.AdminEmail.Trim().ToLowerInvariant();
        var password = string.IsNullOrWhiteSpace(o.AdminPassword) ? ApiKeys.GeneratePassword() : o.AdminPassword;
        var key = string.IsNullOrWhiteSpace(o.ApiKey) ? ApiKeys.Generate() : o.ApiKey.Trim();
        if (key.Length < ApiKeys.MinimumLength)
            throw new InvalidOperationException($"Bootstrap:ApiKey must be at least {ApiKeys.MinimumLength} characters.");

        var owner = new StaffUser { WorkspaceId = workspace.Id, Email = email, PasswordHash = "", Role = StaffRole.Owner, CreatedAt = now };
        owner.PasswordHash = new PasswordHasher<StaffUser>().HashPassword(owner, password);
        db.Workspaces.Add(workspace);
        db.StaffUsers.Add(owner);
        db.ApiKeys.Add(new ApiKey
        {
            WorkspaceId = workspace.Id,
            CreatedBy = owner.Id,
            Name = "bootstrap",
            Prefix = ApiKeys.Prefix(key),
            Hash = ApiKeys.Hash(key),
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        LogCreated(logger, email);

        // Generated secrets are shown once, on the console only (never through the logger, whose
        // output may be shipped elsewhere). Configured ones are not echoed at all.
        if (string.IsNullOrWhiteSpace(o.AdminPassword) || string.IsNullOrWhiteSpace(o.ApiKey))
        {
            Console.WriteLine();
            Console.WriteLine("==================== Qunzhu first start / 首次启动 ====================");
            Console.WriteLine($"  Owner / 管理员:   {email}");
            if (string.IsNullOrWhiteSpace(o.AdminPassword)) Console.WriteLine($"  Password / 密码:  {password}");
            if (string.IsNullOrWhiteSpace(o.ApiKey)) Console.WriteLine($"  API key / 密钥:   {key}");
            Console.WriteLine("  Shown once: store them now. / 仅显示一次，请立即保存。");
            Console.WriteLine("======================================================================");
            Console.WriteLine();
        }
    }

    private async Task EnsureWorkspaceRowsAsync(Workspace workspace, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!await db.PlatformAccounts.AnyAsync(a => a.WorkspaceId == workspace.Id && a.Platform == PlatformKind.Sandbox, ct))
            db.PlatformAccounts.Add(new PlatformAccount { WorkspaceId = workspace.Id, Platform = PlatformKind.Sandbox, Name = "Sandbox", CreatedAt = now });
        if (!await db.Templates.AnyAsync(t => t.WorkspaceId == workspace.Id && t.IsDefault, ct))
            db.Templates.Add(new Template { WorkspaceId = workspace.Id, Name = "默认模板", IsDefault = true, Settings = new TemplateSettings(), CreatedAt = now, UpdatedAt = now });
        if (!await db.ModerationPolicies.AnyAsync(p => p.WorkspaceId == workspace.Id, ct))
            db.ModerationPolicies.Add(new ModerationPolicy { WorkspaceId = workspace.Id, UpdatedAt = now });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first workspace and owner {Email}")]
    private static partial void LogCreated(ILogger logger, string email);
}
