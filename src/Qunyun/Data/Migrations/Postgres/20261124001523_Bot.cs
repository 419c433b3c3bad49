using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Bot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BotAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    TemplateId = table.Column<Guid>(type: "uuid", nullable: true),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BotAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GroupBotSettings",
                columns: table => new
                {
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Voice = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RulesText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RulesLink = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    WelcomeEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    WelcomeTemplateId = table.Column<Guid>(type: "uuid", nullable: true),
                    WelcomeBatchSeconds = table.Column<int>(type: "integer", nullable: false),
                    WelcomeMaxNames = table.Column<int>(type: "integer", nullable: false),
                    PrivateWelcomeEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    PrivateWelcomeTemplateId = table.Column<Guid>(type: "uuid", nullable: true),
                    IntroductionEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    IntroductionPromptTemplateId = table.Column<Guid>(type: "uuid", nullable: true),
                    IntroductionWindowHours = table.Column<int>(type: "integer", nullable: false),
                    IntroductionMinLength = table.Column<int>(type: "integer", nullable: false),
                    IntroductionFields = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IntroductionReminderHours = table.Column<int>(type: "integer", nullable: true),
                    IntroductionReminderTemplateId = table.Column<Guid>(type: "uuid", nullable: true),
                    WatchWords = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupBotSettings", x => x.GroupId);
                    table.ForeignKey(
                        name: "FK_GroupBotSettings_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MessageTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BodyZh = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    BodyEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageTemplates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BotAlerts_WorkspaceId_AcknowledgedAt_At",
                table: "BotAlerts",
                columns: new[] { "WorkspaceId", "AcknowledgedAt", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MessageTemplates_WorkspaceId_Key",
                table: "MessageTemplates",
                columns: new[] { "WorkspaceId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BotAlerts");

            migrationBuilder.DropTable(
                name: "GroupBotSettings");

            migrationBuilder.DropTable(
                name: "MessageTemplates");
        }
    }
}
