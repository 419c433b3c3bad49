using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Telegram : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_DeliveredAt_NextAttemptAt",
                table: "Outbox");

            migrationBuilder.AddColumn<DateTime>(
                name: "LastAttemptAt",
                table: "Outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LockedBy",
                table: "Outbox",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LockedUntil",
                table: "Outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlatformRef",
                table: "Outbox",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "Outbox",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Outbox",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "TelegramBots",
                columns: table => new
                {
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Offset = table.Column<long>(type: "bigint", nullable: false),
                    BotId = table.Column<long>(type: "bigint", nullable: true),
                    BotUsername = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    WebhookSecret = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Healthy = table.Column<bool>(type: "boolean", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LastErrorAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastContactAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TelegramBots", x => x.ChannelId);
                });

            migrationBuilder.CreateTable(
                name: "TelegramChats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChatId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BotIsMember = table.Column<bool>(type: "boolean", nullable: false),
                    SeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TelegramChats", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Status_ChannelId_GroupId_Sequence",
                table: "Outbox",
                columns: new[] { "Status", "ChannelId", "GroupId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_WorkspaceId_Status_Sequence",
                table: "Outbox",
                columns: new[] { "WorkspaceId", "Status", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_TelegramChats_ChannelId_ChatId",
                table: "TelegramChats",
                columns: new[] { "ChannelId", "ChatId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TelegramBots");

            migrationBuilder.DropTable(
                name: "TelegramChats");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_Status_ChannelId_GroupId_Sequence",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_WorkspaceId_Status_Sequence",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "LastAttemptAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "LockedBy",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "PlatformRef",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_DeliveredAt_NextAttemptAt",
                table: "Outbox",
                columns: new[] { "DeliveredAt", "NextAttemptAt" });
        }
    }
}
