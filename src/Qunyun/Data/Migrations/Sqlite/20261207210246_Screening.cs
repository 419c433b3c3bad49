using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Screening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScreeningRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Question = table.Column<int>(type: "INTEGER", nullable: true),
                    Value = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Days = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScreeningRules_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Screenings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalGroupId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ExternalUserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Via = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EventId = table.Column<long>(type: "INTEGER", nullable: true),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Admitted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Answers = table.Column<string>(type: "TEXT", nullable: true),
                    Questions = table.Column<string>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TaskDone = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Decider = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RemoveByHand = table.Column<bool>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Screenings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Screenings_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Screenings_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    GroupType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Questions = table.Column<string>(type: "TEXT", nullable: false),
                    DeadlineHours = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    TaskTarget = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskStayDays = table.Column<int>(type: "INTEGER", nullable: false),
                    InviteTemplateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeclinedTemplateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScreeningSettings_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningRules_GroupId",
                table: "ScreeningRules",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningRules_WorkspaceId_GroupId",
                table: "ScreeningRules",
                columns: new[] { "WorkspaceId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_GroupId",
                table: "Screenings",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_MemberId",
                table: "Screenings",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_Token",
                table: "Screenings",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_WorkspaceId_EventId",
                table: "Screenings",
                columns: new[] { "WorkspaceId", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_WorkspaceId_GroupId_MemberId",
                table: "Screenings",
                columns: new[] { "WorkspaceId", "GroupId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_WorkspaceId_MemberId",
                table: "Screenings",
                columns: new[] { "WorkspaceId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_WorkspaceId_Status_Deadline",
                table: "Screenings",
                columns: new[] { "WorkspaceId", "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningSettings_GroupId",
                table: "ScreeningSettings",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningSettings_WorkspaceId_GroupId",
                table: "ScreeningSettings",
                columns: new[] { "WorkspaceId", "GroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningSettings_WorkspaceId_GroupType",
                table: "ScreeningSettings",
                columns: new[] { "WorkspaceId", "GroupType" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScreeningRules");

            migrationBuilder.DropTable(
                name: "Screenings");

            migrationBuilder.DropTable(
                name: "ScreeningSettings");
        }
    }
}
