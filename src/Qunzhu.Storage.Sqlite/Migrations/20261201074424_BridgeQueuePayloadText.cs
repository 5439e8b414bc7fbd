using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunzhu.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BridgeQueuePayloadText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
