using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qunyun.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HistoricalEventsAndActionCauses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "JoinEventId",
                table: "PendingWelcomes",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EventId",
                table: "Outbox",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Historical",
                table: "Events",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_GroupId_DeliveredAt",
                table: "Outbox",
                columns: new[] { "GroupId", "DeliveredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_GroupId_DeliveredAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "JoinEventId",
                table: "PendingWelcomes");

            migrationBuilder.DropColumn(
                name: "EventId",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Historical",
                table: "Events");
        }
    }
}
