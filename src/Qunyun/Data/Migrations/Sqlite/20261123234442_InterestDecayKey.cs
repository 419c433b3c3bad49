using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InterestDecayKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TagChanges_Members_MemberId",
                table: "TagChanges");

            migrationBuilder.AddColumn<DateTime>(
                name: "DecayKey",
                table: "MemberTags",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberTags_TagId_DecayKey",
                table: "MemberTags",
                columns: new[] { "TagId", "DecayKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MemberTags_TagId_DecayKey",
                table: "MemberTags");

            migrationBuilder.DropColumn(
                name: "DecayKey",
                table: "MemberTags");

            migrationBuilder.AddForeignKey(
                name: "FK_TagChanges_Members_MemberId",
                table: "TagChanges",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
