using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SizingSplitsAndCapacity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CapacityOverflows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Removed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CapacityOverflows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CapacityOverflows_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SizeSettings",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IntimateLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    StableLimit = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SizeSettings", x => x.WorkspaceId);
                });

            migrationBuilder.CreateTable(
                name: "SplitProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Announcement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SplitProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SplitProposals_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SplitEdge",
                columns: table => new
                {
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    A = table.Column<Guid>(type: "TEXT", nullable: false),
                    B = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SplitEdge", x => new { x.ProposalId, x.A, x.B });
                    table.ForeignKey(
                        name: "FK_SplitEdge_SplitProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "SplitProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SplitPlacement",
                columns: table => new
                {
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subgroup = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SplitPlacement", x => new { x.ProposalId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_SplitPlacement_SplitProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "SplitProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SplitSubgroup",
                columns: table => new
                {
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedGroupId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SplitSubgroup", x => new { x.ProposalId, x.Number });
                    table.ForeignKey(
                        name: "FK_SplitSubgroup_SplitProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "SplitProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CapacityOverflows_EventId",
                table: "CapacityOverflows",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CapacityOverflows_GroupId_OccurredAt",
                table: "CapacityOverflows",
                columns: new[] { "GroupId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SplitProposals_GroupId_CreatedAt",
                table: "SplitProposals",
                columns: new[] { "GroupId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CapacityOverflows");

            migrationBuilder.DropTable(
                name: "SizeSettings");

            migrationBuilder.DropTable(
                name: "SplitEdge");

            migrationBuilder.DropTable(
                name: "SplitPlacement");

            migrationBuilder.DropTable(
                name: "SplitSubgroup");

            migrationBuilder.DropTable(
                name: "SplitProposals");
        }
    }
}
