using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PostersTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PosterTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    Background = table.Column<byte[]>(type: "BLOB", nullable: false),
                    BackgroundType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    BrandChinese = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    BrandEnglish = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChineseBox_Color = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    ChineseBox_Size = table.Column<int>(type: "INTEGER", nullable: false),
                    ChineseBox_Width = table.Column<int>(type: "INTEGER", nullable: false),
                    ChineseBox_X = table.Column<int>(type: "INTEGER", nullable: false),
                    ChineseBox_Y = table.Column<int>(type: "INTEGER", nullable: false),
                    EnglishBox_Color = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    EnglishBox_Size = table.Column<int>(type: "INTEGER", nullable: false),
                    EnglishBox_Width = table.Column<int>(type: "INTEGER", nullable: false),
                    EnglishBox_X = table.Column<int>(type: "INTEGER", nullable: false),
                    EnglishBox_Y = table.Column<int>(type: "INTEGER", nullable: false),
                    NameBox_Color = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    NameBox_Size = table.Column<int>(type: "INTEGER", nullable: false),
                    NameBox_Width = table.Column<int>(type: "INTEGER", nullable: false),
                    NameBox_X = table.Column<int>(type: "INTEGER", nullable: false),
                    NameBox_Y = table.Column<int>(type: "INTEGER", nullable: false),
                    Qr_Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Qr_X = table.Column<int>(type: "INTEGER", nullable: false),
                    Qr_Y = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PosterTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PosterLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MemberName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PosterLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PosterLinks_PosterTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "PosterTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PosterLinks_TemplateId",
                table: "PosterLinks",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_PosterLinks_Token",
                table: "PosterLinks",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PosterLinks_WorkspaceId_Key",
                table: "PosterLinks",
                columns: new[] { "WorkspaceId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PosterTemplates_WorkspaceId_Name",
                table: "PosterTemplates",
                columns: new[] { "WorkspaceId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PosterLinks");

            migrationBuilder.DropTable(
                name: "PosterTemplates");
        }
    }
}
