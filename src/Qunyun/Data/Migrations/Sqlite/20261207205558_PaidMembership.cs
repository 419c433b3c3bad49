using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaidMembership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MembershipPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    RegularPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    TermCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TermUnit = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    BenefitsZh = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    BenefitsEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    GraceDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ReminderDays = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaymentWebhookNonces",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SeenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentWebhookNonces", x => new { x.WorkspaceId, x.Signature });
                });

            migrationBuilder.CreateTable(
                name: "PaymentWebhookSecrets",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtectedSecret = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentWebhookSecrets", x => x.WorkspaceId);
                });

            migrationBuilder.CreateTable(
                name: "MembershipPlanGroups",
                columns: table => new
                {
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipPlanGroups", x => new { x.PlanId, x.GroupId });
                    table.ForeignKey(
                        name: "FK_MembershipPlanGroups_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MembershipPlanGroups_MembershipPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "MembershipPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaidMemberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastReminderDays = table.Column<int>(type: "INTEGER", nullable: true),
                    RefundedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaidMemberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaidMemberships_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PaidMemberships_MembershipPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "MembershipPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    EarlyBirdStep = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PaymentReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RefundedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RefundedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MembershipId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TermStart = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TermEnd = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsRenewal = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanOrders_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanOrders_MembershipPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "MembershipPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanPriceSteps",
                columns: table => new
                {
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    UntilMembers = table.Column<int>(type: "INTEGER", nullable: true),
                    UntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanPriceSteps", x => new { x.PlanId, x.Position });
                    table.ForeignKey(
                        name: "FK_PlanPriceSteps_MembershipPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "MembershipPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MembershipRemovalTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MembershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipRemovalTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MembershipRemovalTasks_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MembershipRemovalTasks_PaidMemberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "PaidMemberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipPlanGroups_GroupId",
                table: "MembershipPlanGroups",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipPlans_WorkspaceId_Name",
                table: "MembershipPlans",
                columns: new[] { "WorkspaceId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MembershipRemovalTasks_GroupId",
                table: "MembershipRemovalTasks",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipRemovalTasks_MembershipId_GroupId",
                table: "MembershipRemovalTasks",
                columns: new[] { "MembershipId", "GroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MembershipRemovalTasks_WorkspaceId_DoneAt",
                table: "MembershipRemovalTasks",
                columns: new[] { "WorkspaceId", "DoneAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaidMemberships_MemberId",
                table: "PaidMemberships",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PaidMemberships_PlanId_MemberId",
                table: "PaidMemberships",
                columns: new[] { "PlanId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_PaidMemberships_WorkspaceId_RemovedAt_EndsAt",
                table: "PaidMemberships",
                columns: new[] { "WorkspaceId", "RemovedAt", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentWebhookNonces_WorkspaceId_SeenAt",
                table: "PaymentWebhookNonces",
                columns: new[] { "WorkspaceId", "SeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanOrders_MemberId_CreatedAt",
                table: "PlanOrders",
                columns: new[] { "MemberId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanOrders_PlanId_Status_MemberId",
                table: "PlanOrders",
                columns: new[] { "PlanId", "Status", "MemberId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MembershipPlanGroups");

            migrationBuilder.DropTable(
                name: "MembershipRemovalTasks");

            migrationBuilder.DropTable(
                name: "PaymentWebhookNonces");

            migrationBuilder.DropTable(
                name: "PaymentWebhookSecrets");

            migrationBuilder.DropTable(
                name: "PlanOrders");

            migrationBuilder.DropTable(
                name: "PlanPriceSteps");

            migrationBuilder.DropTable(
                name: "PaidMemberships");

            migrationBuilder.DropTable(
                name: "MembershipPlans");
        }
    }
}
