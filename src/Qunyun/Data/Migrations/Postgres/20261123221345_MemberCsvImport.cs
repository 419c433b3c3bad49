using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MemberCsvImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MemberFacts");

            migrationBuilder.DropTable(
                name: "MemberMatchKeys");

            migrationBuilder.DropTable(
                name: "MemberMerges");

            migrationBuilder.DropTable(
                name: "MergeSettings");

            migrationBuilder.DropTable(
                name: "TagChanges");

            migrationBuilder.DropTable(
                name: "TagRecheckRuns");

            migrationBuilder.DropColumn(
                name: "Rule_ChannelId",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "Rule_Comparison",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "Rule_Currency",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "Rule_GroupId",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "Rule_Metric",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "Rule_Threshold",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "Rule_Topic",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "Rule_WindowDays",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "WeightAt",
                table: "MemberTags");

            migrationBuilder.AddColumn<string>(
                name: "EmailKey",
                table: "Members",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneKey",
                table: "Members",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ImportJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DryRun = table.Column<bool>(type: "boolean", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    FileSize = table.Column<long>(type: "bigint", nullable: false),
                    Encoding = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Options = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: true),
                    Processed = table.Column<int>(type: "integer", nullable: false),
                    Created = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    ErrorRows = table.Column<int>(type: "integer", nullable: false),
                    ErrorCount = table.Column<int>(type: "integer", nullable: false),
                    TagsCreated = table.Column<int>(type: "integer", nullable: false),
                    Failure = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StartedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportJobErrors",
                columns: table => new
                {
                    JobId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: false),
                    Column = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportJobErrors", x => new { x.JobId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_ImportJobErrors_ImportJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "ImportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Members_WorkspaceId_EmailKey",
                table: "Members",
                columns: new[] { "WorkspaceId", "EmailKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_WorkspaceId_PhoneKey",
                table: "Members",
                columns: new[] { "WorkspaceId", "PhoneKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_Status",
                table: "ImportJobs",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_WorkspaceId_CreatedAt_Id",
                table: "ImportJobs",
                columns: new[] { "WorkspaceId", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportJobErrors");

            migrationBuilder.DropTable(
                name: "ImportJobs");

            migrationBuilder.DropIndex(
                name: "IX_Members_WorkspaceId_EmailKey",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_WorkspaceId_PhoneKey",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "EmailKey",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "PhoneKey",
                table: "Members");

            migrationBuilder.AddColumn<Guid>(
                name: "Rule_ChannelId",
                table: "Tags",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rule_Comparison",
                table: "Tags",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rule_Currency",
                table: "Tags",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Rule_GroupId",
                table: "Tags",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rule_Metric",
                table: "Tags",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Rule_Threshold",
                table: "Tags",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rule_Topic",
                table: "Tags",
                type: "character varying(55)",
                maxLength: 55,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Rule_WindowDays",
                table: "Tags",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WeightAt",
                table: "MemberTags",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MemberFacts",
                columns: table => new
                {
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    Topic = table.Column<string>(type: "character varying(55)", maxLength: 55, nullable: false),
                    AmountTenThousandths = table.Column<long>(type: "bigint", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberFacts", x => new { x.EventId, x.Topic });
                    table.ForeignKey(
                        name: "FK_MemberFacts_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberMatchKeys",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberMatchKeys", x => new { x.MemberId, x.Key });
                    table.ForeignKey(
                        name: "FK_MemberMatchKeys_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberMerges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AbsorbedId = table.Column<Guid>(type: "uuid", nullable: false),
                    AbsorbedName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Events = table.Column<int>(type: "integer", nullable: false),
                    Identities = table.Column<int>(type: "integer", nullable: false),
                    Memberships = table.Column<int>(type: "integer", nullable: false),
                    MergedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "uuid", nullable: false),
                    SurvivorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Tags = table.Column<int>(type: "integer", nullable: false),
                    UndoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UndoneBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberMerges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MergeSettings",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PhoneRegion = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VerifiedKeys = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MergeSettings", x => x.WorkspaceId);
                });

            migrationBuilder.CreateTable(
                name: "TagChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Cause = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Change = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    TagId = table.Column<Guid>(type: "uuid", nullable: false),
                    TagKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TagName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TagChanges_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TagRecheckRuns",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Added = table.Column<int>(type: "integer", nullable: false),
                    RanAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Removed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagRecheckRuns", x => x.WorkspaceId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MemberFacts_MemberId_Kind_Topic_OccurredAt",
                table: "MemberFacts",
                columns: new[] { "MemberId", "Kind", "Topic", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberFacts_WorkspaceId_Kind_Topic_OccurredAt",
                table: "MemberFacts",
                columns: new[] { "WorkspaceId", "Kind", "Topic", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberMatchKeys_WorkspaceId_Key_Value",
                table: "MemberMatchKeys",
                columns: new[] { "WorkspaceId", "Key", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberMerges_AbsorbedId",
                table: "MemberMerges",
                column: "AbsorbedId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberMerges_SurvivorId",
                table: "MemberMerges",
                column: "SurvivorId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberMerges_WorkspaceId_Sequence",
                table: "MemberMerges",
                columns: new[] { "WorkspaceId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TagChanges_MemberId_At",
                table: "TagChanges",
                columns: new[] { "MemberId", "At" });
        }
    }
}
