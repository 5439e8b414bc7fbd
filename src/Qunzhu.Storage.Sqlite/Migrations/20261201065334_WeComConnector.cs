using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunzhu.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WeComConnector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WeComFollowUps",
                columns: table => new
                {
                    InboxSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeComFollowUps", x => x.InboxSequence);
                });

            migrationBuilder.CreateTable(
                name: "WeComGroupMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    JoinTime = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeComGroupMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WeComGroupMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MsgId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CommunityIds = table.Column<string>(type: "TEXT", nullable: false),
                    ChatIds = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Results = table.Column<string>(type: "TEXT", nullable: false),
                    Refused = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RefreshedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeComGroupMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WeComJoinWays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConfigId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    QrCode = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CommunityIds = table.Column<string>(type: "TEXT", nullable: false),
                    ChatIds = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeComJoinWays", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WeComFollowUps_DoneAt_NextAttemptAt",
                table: "WeComFollowUps",
                columns: new[] { "DoneAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WeComGroupMembers_AccountId_ChatId_UserId",
                table: "WeComGroupMembers",
                columns: new[] { "AccountId", "ChatId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WeComGroupMessages_AccountId_MsgId_Sender",
                table: "WeComGroupMessages",
                columns: new[] { "AccountId", "MsgId", "Sender" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WeComGroupMessages_WorkspaceId_CreatedAt",
                table: "WeComGroupMessages",
                columns: new[] { "WorkspaceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WeComJoinWays_AccountId_State",
                table: "WeComJoinWays",
                columns: new[] { "AccountId", "State" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WeComJoinWays_WorkspaceId_CreatedAt",
                table: "WeComJoinWays",
                columns: new[] { "WorkspaceId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WeComFollowUps");

            migrationBuilder.DropTable(
                name: "WeComGroupMembers");

            migrationBuilder.DropTable(
                name: "WeComGroupMessages");

            migrationBuilder.DropTable(
                name: "WeComJoinWays");
        }
    }
}
