using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TemplateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BotAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GroupBotSettings",
                columns: table => new
                {
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Voice = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RulesText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RulesLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    WelcomeEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    WelcomeTemplateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WelcomeBatchSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    WelcomeMaxNames = table.Column<int>(type: "INTEGER", nullable: false),
                    PrivateWelcomeEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    PrivateWelcomeTemplateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IntroductionEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    IntroductionPromptTemplateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IntroductionWindowHours = table.Column<int>(type: "INTEGER", nullable: false),
                    IntroductionMinLength = table.Column<int>(type: "INTEGER", nullable: false),
                    IntroductionFields = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IntroductionReminderHours = table.Column<int>(type: "INTEGER", nullable: true),
                    IntroductionReminderTemplateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WatchWords = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BodyZh = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BodyEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
