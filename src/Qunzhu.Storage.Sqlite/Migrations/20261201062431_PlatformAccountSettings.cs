using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunzhu.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PlatformAccountSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastEventAt",
                table: "PlatformAccounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedSecrets",
                table: "PlatformAccounts",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Settings",
                table: "PlatformAccounts",
                type: "TEXT",
                maxLength: 8000,
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "PlatformAccounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropColumn(
                name: "LastEventAt",
                table: "PlatformAccounts");

            migrationBuilder.DropColumn(
                name: "ProtectedSecrets",
                table: "PlatformAccounts");

            migrationBuilder.DropColumn(
                name: "Settings",
                table: "PlatformAccounts");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "PlatformAccounts");
        }
    }
}
