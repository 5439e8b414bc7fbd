using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunzhu.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OutboxWaitingByChat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_Pending_AccountId_ChatId_Id",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Pending_AccountId_ChatId_NextAttemptAt",
                table: "Outbox",
                columns: new[] { "AccountId", "ChatId", "NextAttemptAt", "Id" },
                filter: "\"Status\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_Pending_AccountId_ChatId_NextAttemptAt",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Pending_AccountId_ChatId_Id",
                table: "Outbox",
                columns: new[] { "AccountId", "ChatId", "Id" },
                filter: "\"Status\" = 'Pending'");
        }
    }
}
