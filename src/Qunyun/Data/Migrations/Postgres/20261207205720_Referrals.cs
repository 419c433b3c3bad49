using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Goal = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SegmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    GroupIds = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Tiers = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Redemption = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Codes = table.Column<string>(type: "character varying(400000)", maxLength: 400000, nullable: true),
                    FormUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StayDays = table.Column<int>(type: "integer", nullable: false),
                    BurstCount = table.Column<int>(type: "integer", nullable: false),
                    BurstMinutes = table.Column<int>(type: "integer", nullable: false),
                    PosterTemplateId = table.Column<Guid>(type: "uuid", nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralCampaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReferralParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExternalUserId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LinkRequestKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PendingCommand = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    PendingExternalGroupId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    PendingReplyTo = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    PendingEventId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LinkAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    HelperExternalUserId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    HelperName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LeftAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tier = table.Column<int>(type: "integer", nullable: false),
                    Helpers = table.Column<int>(type: "integer", nullable: false),
                    Prize = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Points = table.Column<int>(type: "integer", nullable: true),
                    EarnedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RedeemedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RedeemedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NeedsReview = table.Column<bool>(type: "boolean", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "IX_ReferralHelps_CampaignId_ParticipantId_ChannelId_HelperExte~",
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
