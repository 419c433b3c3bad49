using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TemplatesEverywhere : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RulesText",
                table: "GroupBotSettings");

            migrationBuilder.AddColumn<Guid>(
                name: "TemplateId",
                table: "RuleReminders",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TemplateId",
                table: "PlanEntries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TemplateId",
                table: "DigestSettings",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RuleReminders_TemplateId",
                table: "RuleReminders",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanEntries_TemplateId",
                table: "PlanEntries",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_DigestSettings_TemplateId",
                table: "DigestSettings",
                column: "TemplateId");

            migrationBuilder.AddForeignKey(
                name: "FK_DigestSettings_MessageTemplates_TemplateId",
                table: "DigestSettings",
                column: "TemplateId",
                principalTable: "MessageTemplates",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_PlanEntries_MessageTemplates_TemplateId",
                table: "PlanEntries",
                column: "TemplateId",
                principalTable: "MessageTemplates",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RuleReminders_MessageTemplates_TemplateId",
                table: "RuleReminders",
                column: "TemplateId",
                principalTable: "MessageTemplates",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DigestSettings_MessageTemplates_TemplateId",
                table: "DigestSettings");

            migrationBuilder.DropForeignKey(
                name: "FK_PlanEntries_MessageTemplates_TemplateId",
                table: "PlanEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_RuleReminders_MessageTemplates_TemplateId",
                table: "RuleReminders");

            migrationBuilder.DropIndex(
                name: "IX_RuleReminders_TemplateId",
                table: "RuleReminders");

            migrationBuilder.DropIndex(
                name: "IX_PlanEntries_TemplateId",
                table: "PlanEntries");

            migrationBuilder.DropIndex(
                name: "IX_DigestSettings_TemplateId",
                table: "DigestSettings");

            migrationBuilder.DropColumn(
                name: "TemplateId",
                table: "RuleReminders");

            migrationBuilder.DropColumn(
                name: "TemplateId",
                table: "PlanEntries");

            migrationBuilder.DropColumn(
                name: "TemplateId",
                table: "DigestSettings");

            migrationBuilder.AddColumn<string>(
                name: "RulesText",
                table: "GroupBotSettings",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);
        }
    }
}
