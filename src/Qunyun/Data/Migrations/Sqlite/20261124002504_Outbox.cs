using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Outbox : Migration
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LockedBy",
                table: "Outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LockedUntil",
                table: "Outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlatformRef",
                table: "Outbox",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "Outbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Outbox",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Pending");

            migrationBuilder.AddColumn<string>(
                name: "OutboundUrl",
                table: "Channels",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            // Rows written before the dispatcher existed: their state was only in the timestamps.
            migrationBuilder.Sql("UPDATE \"Outbox\" SET \"Status\" = 'Delivered' WHERE \"DeliveredAt\" IS NOT NULL");
            migrationBuilder.Sql("UPDATE \"Outbox\" SET \"Status\" = 'Dead' WHERE \"DeliveredAt\" IS NULL AND \"DeadAt\" IS NOT NULL");

            migrationBuilder.CreateTable(
                name: "WebhookNonces",
                columns: table => new
                {
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookNonces", x => new { x.ChannelId, x.Signature });
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
                name: "IX_WebhookNonces_SeenAt",
                table: "WebhookNonces",
                column: "SeenAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WebhookNonces");

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

            migrationBuilder.DropColumn(
                name: "OutboundUrl",
                table: "Channels");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_DeliveredAt_NextAttemptAt",
                table: "Outbox",
                columns: new[] { "DeliveredAt", "NextAttemptAt" });
        }
    }
}
