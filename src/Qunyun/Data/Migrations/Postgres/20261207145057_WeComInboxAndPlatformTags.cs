using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WeComInboxAndPlatformTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PlatformKey",
                table: "Tags",
                type: "character varying(160)",
                maxLength: 160,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WeComInbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Xml = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RetryAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeComInbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tags_WorkspaceId_PlatformKey",
                table: "Tags",
                columns: new[] { "WorkspaceId", "PlatformKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WeComInbox_ChannelId_Key",
                table: "WeComInbox",
                columns: new[] { "ChannelId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WeComInbox");

            migrationBuilder.DropIndex(
                name: "IX_Tags_WorkspaceId_PlatformKey",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "PlatformKey",
                table: "Tags");
        }
    }
}
