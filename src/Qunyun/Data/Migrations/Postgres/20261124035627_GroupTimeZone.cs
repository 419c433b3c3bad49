using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GroupTimeZone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Groups",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Groups");
        }
    }
}
