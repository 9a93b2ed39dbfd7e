using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicitySite.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WebhookBackoffAndPause : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ConsecutiveFailures",
                table: "Webhooks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PausedReason",
                table: "Webhooks",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PausedUtc",
                table: "Webhooks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetryAfterUtc",
                table: "Webhooks",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConsecutiveFailures",
                table: "Webhooks");

            migrationBuilder.DropColumn(
                name: "PausedReason",
                table: "Webhooks");

            migrationBuilder.DropColumn(
                name: "PausedUtc",
                table: "Webhooks");

            migrationBuilder.DropColumn(
                name: "RetryAfterUtc",
                table: "Webhooks");
        }
    }
}
