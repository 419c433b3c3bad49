using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReferralCampaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SegmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    GroupIds = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Tiers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Redemption = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Codes = table.Column<string>(type: "TEXT", maxLength: 400000, nullable: true),
                    FormUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StayDays = table.Column<int>(type: "INTEGER", nullable: false),
                    BurstCount = table.Column<int>(type: "INTEGER", nullable: false),
                    BurstMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    PosterTemplateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralCampaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReferralParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalUserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LinkRequestKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PendingCommand = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    PendingExternalGroupId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PendingReplyTo = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PendingEventId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LinkAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralParticipants_ReferralCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "ReferralCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralHelps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HelperExternalUserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    HelperName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeftAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralHelps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralHelps_ReferralCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "ReferralCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReferralHelps_ReferralParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "ReferralParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralPrizes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    Helpers = table.Column<int>(type: "INTEGER", nullable: false),
                    Prize = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Points = table.Column<int>(type: "INTEGER", nullable: true),
                    EarnedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RedeemedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RedeemedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NeedsReview = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralPrizes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralPrizes_ReferralCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "ReferralCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReferralPrizes_ReferralParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "ReferralParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralCampaigns_WorkspaceId_State",
                table: "ReferralCampaigns",
                columns: new[] { "WorkspaceId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralHelps_CampaignId_ParticipantId_ChannelId_HelperExternalUserId",
                table: "ReferralHelps",
                columns: new[] { "CampaignId", "ParticipantId", "ChannelId", "HelperExternalUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferralHelps_ChannelId_HelperExternalUserId_GroupId",
                table: "ReferralHelps",
                columns: new[] { "ChannelId", "HelperExternalUserId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralHelps_ParticipantId",
                table: "ReferralHelps",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralParticipants_CampaignId_ChannelId_ExternalUserId",
                table: "ReferralParticipants",
                columns: new[] { "CampaignId", "ChannelId", "ExternalUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferralParticipants_ChannelId_ExternalUserId",
                table: "ReferralParticipants",
                columns: new[] { "ChannelId", "ExternalUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralPrizes_CampaignId_Status",
                table: "ReferralPrizes",
                columns: new[] { "CampaignId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralPrizes_ParticipantId_Tier",
                table: "ReferralPrizes",
                columns: new[] { "ParticipantId", "Tier" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReferralHelps");

            migrationBuilder.DropTable(
                name: "ReferralPrizes");

            migrationBuilder.DropTable(
                name: "ReferralParticipants");

            migrationBuilder.DropTable(
                name: "ReferralCampaigns");
        }
    }
}
