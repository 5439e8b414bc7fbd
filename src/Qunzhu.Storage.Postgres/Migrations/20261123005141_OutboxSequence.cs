using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qunzhu.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OutboxSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // uuid cannot be cast to bigint: replace the key column (outbox rows are transient, and none
            // existed before this version shipped).
            migrationBuilder.DropPrimaryKey(name: "PK_Outbox", table: "Outbox");
            migrationBuilder.DropColumn(name: "Id", table: "Outbox");
            migrationBuilder.AddColumn<long>(name: "Id", table: "Outbox", type: "bigint", nullable: false)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
            migrationBuilder.AddPrimaryKey(name: "PK_Outbox", table: "Outbox", column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_AccountId_ChatId_Status_Id",
                table: "Outbox",
                columns: new[] { "AccountId", "ChatId", "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_AccountId_ChatId_Status_Id",
                table: "Outbox");

            migrationBuilder.DropPrimaryKey(name: "PK_Outbox", table: "Outbox");
            migrationBuilder.DropColumn(name: "Id", table: "Outbox");
            migrationBuilder.AddColumn<Guid>(name: "Id", table: "Outbox", type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()");
            migrationBuilder.AddPrimaryKey(name: "PK_Outbox", table: "Outbox", column: "Id");
        }
    }
}
