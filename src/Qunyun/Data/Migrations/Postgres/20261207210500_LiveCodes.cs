using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LiveCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LiveCodePool",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Rules = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Slug = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    AlertLeadDays = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveCodePool", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LiveCodeScan",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    PoolGroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    VisitorId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NewSeat = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Referral = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveCodeScan", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LiveCodePoolGroup",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Threshold = table.Column<int>(type: "integer", nullable: true),
                    JoinUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    InviteCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ImageKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    QrImage = table.Column<byte[]>(type: "bytea", nullable: true),
                    QrContentType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    QrUploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    QrExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    QrRemindedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BaselineMembers = table.Column<int>(type: "integer", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveCodePoolGroup", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveCodePoolGroup_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LiveCodePoolGroup_LiveCodePool_PoolId",
                        column: x => x.PoolId,
                        principalTable: "LiveCodePool",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveCodeJoin",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    PoolGroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Exact = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveCodeJoin", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveCodeJoin_LiveCodePoolGroup_PoolGroupId",
                        column: x => x.PoolGroupId,
                        principalTable: "LiveCodePoolGroup",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LiveCodeJoin_PoolGroupId_MemberId",
                table: "LiveCodeJoin",
                columns: new[] { "PoolGroupId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveCodeJoin_PoolId_JoinedAt",
                table: "LiveCodeJoin",
                columns: new[] { "PoolId", "JoinedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveCodePool_Slug",
                table: "LiveCodePool",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveCodePool_WorkspaceId_Name",
                table: "LiveCodePool",
                columns: new[] { "WorkspaceId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveCodePoolGroup_GroupId",
                table: "LiveCodePoolGroup",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_LiveCodePoolGroup_PoolId_GroupId",
                table: "LiveCodePoolGroup",
                columns: new[] { "PoolId", "GroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveCodePoolGroup_WorkspaceId_InviteCode",
                table: "LiveCodePoolGroup",
                columns: new[] { "WorkspaceId", "InviteCode" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveCodeScan_PoolId_At",
                table: "LiveCodeScan",
                columns: new[] { "PoolId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveCodeScan_WorkspaceId_Referral",
                table: "LiveCodeScan",
                columns: new[] { "WorkspaceId", "Referral" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiveCodeJoin");

            migrationBuilder.DropTable(
                name: "LiveCodeScan");

            migrationBuilder.DropTable(
                name: "LiveCodePoolGroup");

            migrationBuilder.DropTable(
                name: "LiveCodePool");
        }
    }
}
