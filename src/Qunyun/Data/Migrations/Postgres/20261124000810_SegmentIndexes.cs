using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SegmentIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MemberTags_TagId_MemberId",
                table: "MemberTags");

            migrationBuilder.CreateIndex(
                name: "IX_MemberTags_TagId_WorkspaceId_MemberId",
                table: "MemberTags",
                columns: new[] { "TagId", "WorkspaceId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_GroupId_WorkspaceId_LeftAt_MemberId",
                table: "Memberships",
                columns: new[] { "GroupId", "WorkspaceId", "LeftAt", "MemberId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MemberTags_TagId_WorkspaceId_MemberId",
                table: "MemberTags");

            migrationBuilder.DropIndex(
                name: "IX_Memberships_GroupId_WorkspaceId_LeftAt_MemberId",
                table: "Memberships");

            migrationBuilder.CreateIndex(
                name: "IX_MemberTags_TagId_MemberId",
                table: "MemberTags",
                columns: new[] { "TagId", "MemberId" });
        }
    }
}
