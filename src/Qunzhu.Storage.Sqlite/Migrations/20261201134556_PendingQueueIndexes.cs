using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunzhu.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PendingQueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_AccountId_ChatId_Status_Id",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_Status_Partition_NextAttemptAt",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Inbox_Status_Partition_Sequence",
                table: "Inbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Pending_AccountId_ChatId_Id",
                table: "Outbox",
                columns: new[] { "AccountId", "ChatId", "Id" },
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Pending_Partition_NextAttemptAt",
                table: "Outbox",
                columns: new[] { "Partition", "NextAttemptAt" },
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_Inbox_Pending_Partition_Sequence",
                table: "Inbox",
                columns: new[] { "Partition", "Sequence" },
                filter: "\"Status\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_Pending_AccountId_ChatId_Id",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_Pending_Partition_NextAttemptAt",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Inbox_Pending_Partition_Sequence",
                table: "Inbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_AccountId_ChatId_Status_Id",
                table: "Outbox",
                columns: new[] { "AccountId", "ChatId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Status_Partition_NextAttemptAt",
                table: "Outbox",
                columns: new[] { "Status", "Partition", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Inbox_Status_Partition_Sequence",
                table: "Inbox",
                columns: new[] { "Status", "Partition", "Sequence" });
        }
    }
}
