using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GroupHealth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GroupAnswerDays",
                columns: table => new
                {
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Questions = table.Column<int>(type: "INTEGER", nullable: false),
                    Within5Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Within30Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Within2Hours = table.Column<int>(type: "INTEGER", nullable: false),
                    Within24Hours = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupAnswerDays", x => new { x.GroupId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "QuestionWaits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionWaits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GroupAnswerDays_WorkspaceId_Day",
                table: "GroupAnswerDays",
                columns: new[] { "WorkspaceId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionWaits_GroupId",
                table: "QuestionWaits",
                column: "GroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GroupAnswerDays");

            migrationBuilder.DropTable(
                name: "QuestionWaits");
        }
    }
}
