using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunzhu.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Sops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MemberTags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberTags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SopEnrollments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AnchorAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ExitReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SopEnrollments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SopExecutions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrollmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StepNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Occurrence = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ExecutedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SopExecutions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sops",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Steps = table.Column<string>(type: "TEXT", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", nullable: true),
                    Scope = table.Column<string>(type: "TEXT", nullable: false),
                    AutoApplyTypes = table.Column<string>(type: "TEXT", nullable: false),
                    ExitWhenLeft = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExitTags = table.Column<string>(type: "TEXT", nullable: false),
                    QuietHours = table.Column<string>(type: "TEXT", nullable: true),
                    LateToleranceMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    BuiltIn = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sops", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Topics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ContentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Topics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TopicUses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TopicId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TopicUses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MemberTags_MemberId_Tag",
                table: "MemberTags",
                columns: new[] { "MemberId", "Tag" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberTags_WorkspaceId_Tag",
                table: "MemberTags",
                columns: new[] { "WorkspaceId", "Tag" });

            migrationBuilder.CreateIndex(
                name: "IX_SopEnrollments_CommunityId_MemberId_Status",
                table: "SopEnrollments",
                columns: new[] { "CommunityId", "MemberId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SopEnrollments_SopId_Status",
                table: "SopEnrollments",
                columns: new[] { "SopId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SopEnrollments_WorkspaceId_Key",
                table: "SopEnrollments",
                columns: new[] { "WorkspaceId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SopExecutions_EnrollmentId_Status",
                table: "SopExecutions",
                columns: new[] { "EnrollmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SopExecutions_EnrollmentId_StepId_Occurrence",
                table: "SopExecutions",
                columns: new[] { "EnrollmentId", "StepId", "Occurrence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SopExecutions_Key",
                table: "SopExecutions",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SopExecutions_SopId_DueAt",
                table: "SopExecutions",
                columns: new[] { "SopId", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Sops_WorkspaceId_Kind_Enabled",
                table: "Sops",
                columns: new[] { "WorkspaceId", "Kind", "Enabled" });

            migrationBuilder.CreateIndex(
                name: "IX_Topics_WorkspaceId_Kind",
                table: "Topics",
                columns: new[] { "WorkspaceId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_TopicUses_CommunityId_At",
                table: "TopicUses",
                columns: new[] { "CommunityId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TopicUses_TopicId_At",
                table: "TopicUses",
                columns: new[] { "TopicId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TopicUses_WorkspaceId_Key",
                table: "TopicUses",
                columns: new[] { "WorkspaceId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MemberTags");

            migrationBuilder.DropTable(
                name: "SopEnrollments");

            migrationBuilder.DropTable(
                name: "SopExecutions");

            migrationBuilder.DropTable(
                name: "Sops");

            migrationBuilder.DropTable(
                name: "Topics");

            migrationBuilder.DropTable(
                name: "TopicUses");
        }
    }
}
