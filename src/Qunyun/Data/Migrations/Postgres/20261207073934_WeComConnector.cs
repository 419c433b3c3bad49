using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WeComConnector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WeComJoinCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ConfigId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Targets = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    QrCode = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RoomBaseName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RoomBaseId = table.Column<int>(type: "integer", nullable: true),
                    AutoCreateRoom = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeComJoinCodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WeComNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChangeType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ChatId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Xml = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeComNotices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WeComStaffTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    OutboxId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ExternalGroupId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ExternalUserId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Minutes = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DoneBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeComStaffTasks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WeComJoinCodes_ChannelId_ConfigId",
                table: "WeComJoinCodes",
                columns: new[] { "ChannelId", "ConfigId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WeComJoinCodes_WorkspaceId_State_CreatedAt",
                table: "WeComJoinCodes",
                columns: new[] { "WorkspaceId", "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WeComNotices_ChannelId_ReceivedAt",
                table: "WeComNotices",
                columns: new[] { "ChannelId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WeComStaffTasks_OutboxId",
                table: "WeComStaffTasks",
                column: "OutboxId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WeComStaffTasks_WorkspaceId_DoneAt_CreatedAt",
                table: "WeComStaffTasks",
                columns: new[] { "WorkspaceId", "DoneAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WeComJoinCodes");

            migrationBuilder.DropTable(
                name: "WeComNotices");

            migrationBuilder.DropTable(
                name: "WeComStaffTasks");
        }
    }
}
