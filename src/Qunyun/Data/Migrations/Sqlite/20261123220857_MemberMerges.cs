using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MemberMerges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MemberMatchKeys",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberMatchKeys", x => new { x.MemberId, x.Key });
                    table.ForeignKey(
                        name: "FK_MemberMatchKeys_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberMerges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AbsorbedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurvivorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AbsorbedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MergedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Identities = table.Column<int>(type: "INTEGER", nullable: false),
                    Memberships = table.Column<int>(type: "INTEGER", nullable: false),
                    Tags = table.Column<int>(type: "INTEGER", nullable: false),
                    Events = table.Column<int>(type: "INTEGER", nullable: false),
                    UndoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberMerges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MergeSettings",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VerifiedKeys = table.Column<string>(type: "TEXT", nullable: false),
                    PhoneRegion = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MergeSettings", x => x.WorkspaceId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MemberMatchKeys_WorkspaceId_Key_Value",
                table: "MemberMatchKeys",
                columns: new[] { "WorkspaceId", "Key", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberMerges_AbsorbedId",
                table: "MemberMerges",
                column: "AbsorbedId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberMerges_SurvivorId",
                table: "MemberMerges",
                column: "SurvivorId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberMerges_WorkspaceId_Sequence",
                table: "MemberMerges",
                columns: new[] { "WorkspaceId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MemberMatchKeys");

            migrationBuilder.DropTable(
                name: "MemberMerges");

            migrationBuilder.DropTable(
                name: "MergeSettings");
        }
    }
}
