using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunzhu.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InboxQueueInArrivalOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inbox_AccountId_ChatId_Sequence",
                table: "Inbox");

            migrationBuilder.DropIndex(
                name: "IX_Inbox_Pending_Partition_Sequence",
                table: "Inbox");

            migrationBuilder.CreateIndex(
                name: "IX_Inbox_Pending_Sequence_Partition",
                table: "Inbox",
                columns: new[] { "Sequence", "Partition" },
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_Inbox_Settled_AccountId_ChatId_Sequence",
                table: "Inbox",
                columns: new[] { "AccountId", "ChatId", "Sequence" },
                filter: "\"Status\" <> 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inbox_Pending_Sequence_Partition",
                table: "Inbox");

            migrationBuilder.DropIndex(
                name: "IX_Inbox_Settled_AccountId_ChatId_Sequence",
                table: "Inbox");

            migrationBuilder.CreateIndex(
                name: "IX_Inbox_AccountId_ChatId_Sequence",
                table: "Inbox",
                columns: new[] { "AccountId", "ChatId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Inbox_Pending_Partition_Sequence",
                table: "Inbox",
                columns: new[] { "Partition", "Sequence" },
                filter: "\"Status\" = 'Pending'");
        }
    }
}
