using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TagRulesAndInterests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "Rule_ChannelId",
                table: "Tags",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rule_Comparison",
                table: "Tags",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rule_Currency",
                table: "Tags",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Rule_GroupId",
                table: "Tags",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rule_Metric",
                table: "Tags",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Rule_Threshold",
                table: "Tags",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rule_Topic",
                table: "Tags",
                type: "TEXT",
                maxLength: 55,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Rule_WindowDays",
                table: "Tags",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WeightAt",
                table: "MemberTags",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MemberFacts",
                columns: table => new
                {
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 55, nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AmountTenThousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberFacts", x => new { x.EventId, x.Topic });
                    table.ForeignKey(
                        name: "FK_MemberFacts_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TagChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TagId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TagName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TagKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TagChanges_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TagRecheckRuns",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RanAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Removed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagRecheckRuns", x => x.WorkspaceId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MemberFacts_MemberId_Kind_Topic_OccurredAt",
                table: "MemberFacts",
                columns: new[] { "MemberId", "Kind", "Topic", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberFacts_WorkspaceId_Kind_Topic_OccurredAt",
                table: "MemberFacts",
                columns: new[] { "WorkspaceId", "Kind", "Topic", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TagChanges_MemberId_At",
                table: "TagChanges",
                columns: new[] { "MemberId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MemberFacts");

            migrationBuilder.DropTable(
                name: "TagChanges");

            migrationBuilder.DropTable(
                name: "TagRecheckRuns");

            migrationBuilder.DropColumn(
                name: "Rule_ChannelId",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "Rule_Comparison",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "Rule_Currency",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "Rule_GroupId",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "Rule_Metric",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "Rule_Threshold",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "Rule_Topic",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "Rule_WindowDays",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "WeightAt",
                table: "MemberTags");
        }
    }
}
