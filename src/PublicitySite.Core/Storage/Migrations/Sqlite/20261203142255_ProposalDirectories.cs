using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicitySite.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProposalDirectories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProposalDirectory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalDirectory", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalDirectory_Kind_Name",
                table: "ProposalDirectory",
                columns: new[] { "Kind", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProposalDirectory");
        }
    }
}
