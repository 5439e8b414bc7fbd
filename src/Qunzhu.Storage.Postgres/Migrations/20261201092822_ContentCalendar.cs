using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunzhu.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ContentCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarMatrices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TemplateId = table.Column<Guid>(type: "uuid", nullable: true),
                    CommunityType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Slots = table.Column<string>(type: "text", nullable: false),
                    QuietHours = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarMatrices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarCells",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatrixId = table.Column<Guid>(type: "uuid", nullable: false),
                    Weekday = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Theme = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true),
                    BroadcastId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarCells", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarCells_CalendarMatrices_MatrixId",
                        column: x => x.MatrixId,
                        principalTable: "CalendarMatrices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarCells_BroadcastId",
                table: "CalendarCells",
                column: "BroadcastId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarCells_MatrixId_Weekday_Time",
                table: "CalendarCells",
                columns: new[] { "MatrixId", "Weekday", "Time" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarMatrices_WorkspaceId_CreatedAt",
                table: "CalendarMatrices",
                columns: new[] { "WorkspaceId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarCells");

            migrationBuilder.DropTable(
                name: "CalendarMatrices");
        }
    }
}
