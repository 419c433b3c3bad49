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
                name: "AutoReplyRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Pattern = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Threshold = table.Column<double>(type: "double precision", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    GroupCooldownSeconds = table.Column<int>(type: "integer", nullable: false),
                    MemberCooldownSeconds = table.Column<int>(type: "integer", nullable: false),
                    AnswerZh = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnswerEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Hits = table.Column<int>(type: "integer", nullable: false),
                    LastHitAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutoReplyRules", x => x.Id);
                });

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
                name: "BotWorkspaceSettings",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckInWords = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RulesWords = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HelpWords = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BotWorkspaceSettings", x => x.WorkspaceId);
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
                name: "IntroductionWatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WindowEndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RemindAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IntroducedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RemindedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntroductionWatches", x => x.Id);
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

            migrationBuilder.CreateTable(
                name: "OpenQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    ExternalEventId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AskedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenQuestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PendingWelcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingWelcomes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AutoReplyHits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    RuleId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutoReplyHits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AutoReplyHits_AutoReplyRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "AutoReplyRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AutoReplyHits_RuleId_GroupId_At",
                table: "AutoReplyHits",
                columns: new[] { "RuleId", "GroupId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AutoReplyHits_RuleId_MemberId_At",
                table: "AutoReplyHits",
                columns: new[] { "RuleId", "MemberId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AutoReplyRules_WorkspaceId_Priority",
                table: "AutoReplyRules",
                columns: new[] { "WorkspaceId", "Priority" });

            migrationBuilder.CreateIndex(
                name: "IX_BotAlerts_WorkspaceId_AcknowledgedAt_At",
                table: "BotAlerts",
                columns: new[] { "WorkspaceId", "AcknowledgedAt", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_IntroductionWatches_GroupId_MemberId",
                table: "IntroductionWatches",
                columns: new[] { "GroupId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntroductionWatches_RemindAt",
                table: "IntroductionWatches",
                column: "RemindAt");

            migrationBuilder.CreateIndex(
                name: "IX_MessageTemplates_WorkspaceId_Key",
                table: "MessageTemplates",
                columns: new[] { "WorkspaceId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpenQuestions_GroupId_AnsweredAt_AskedAt",
                table: "OpenQuestions",
                columns: new[] { "GroupId", "AnsweredAt", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenQuestions_WorkspaceId_AnsweredAt_AskedAt",
                table: "OpenQuestions",
                columns: new[] { "WorkspaceId", "AnsweredAt", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PendingWelcomes_DueAt",
                table: "PendingWelcomes",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_PendingWelcomes_GroupId_DueAt",
                table: "PendingWelcomes",
                columns: new[] { "GroupId", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AutoReplyHits");

            migrationBuilder.DropTable(
                name: "BotAlerts");

            migrationBuilder.DropTable(
                name: "BotWorkspaceSettings");

            migrationBuilder.DropTable(
                name: "GroupBotSettings");

            migrationBuilder.DropTable(
                name: "IntroductionWatches");

            migrationBuilder.DropTable(
                name: "MessageTemplates");

            migrationBuilder.DropTable(
                name: "OpenQuestions");

            migrationBuilder.DropTable(
                name: "PendingWelcomes");

            migrationBuilder.DropTable(
                name: "AutoReplyRules");

            migrationBuilder.DropIndex(
                name: "IX_MemberTags_TagId_MemberId",
                table: "MemberTags");
        }
    }
}
