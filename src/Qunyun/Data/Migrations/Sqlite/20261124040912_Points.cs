using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Points : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MyPointsWords",
                table: "BotWorkspaceSettings",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "我的积分,积分,points,mypoints");

            migrationBuilder.CreateTable(
                name: "PointsEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Delta = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EventId = table.Column<long>(type: "INTEGER", nullable: true),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsEntries_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PointsSettings",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    PerCheckIn = table.Column<int>(type: "INTEGER", nullable: false),
                    StreakBonus = table.Column<int>(type: "INTEGER", nullable: false),
                    BonusEvery = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsSettings", x => x.WorkspaceId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_MemberId",
                table: "PointsEntries",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_WorkspaceId_MemberId",
                table: "PointsEntries",
                columns: new[] { "WorkspaceId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_WorkspaceId_SourceKey",
                table: "PointsEntries",
                columns: new[] { "WorkspaceId", "SourceKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PointsEntries");

            migrationBuilder.DropTable(
                name: "PointsSettings");

            migrationBuilder.DropColumn(
                name: "MyPointsWords",
                table: "BotWorkspaceSettings");
        }
    }
}
