using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicitySite.Storage.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PausedReason",
                table: "Webhooks",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PausedUtc",
                table: "Webhooks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetryAfterUtc",
                table: "Webhooks",
                type: "TEXT",
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
