using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunzhu.Storage.Postgres.Migrations
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
                    InboxSequence = table.Column<long>(type: "bigint", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeComFollowUps", x => x.InboxSequence);
                });

            migrationBuilder.CreateTable(
                name: "WeComGroupMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChatId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    UserId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    JoinTime = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeComGroupMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WeComGroupMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sender = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MsgId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CommunityIds = table.Column<string>(type: "text", nullable: false),
                    ChatIds = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Results = table.Column<string>(type: "text", nullable: false),
                    Refused = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RefreshedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeComGroupMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WeComJoinWays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Remark = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ConfigId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    QrCode = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CommunityIds = table.Column<string>(type: "text", nullable: false),
                    ChatIds = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
