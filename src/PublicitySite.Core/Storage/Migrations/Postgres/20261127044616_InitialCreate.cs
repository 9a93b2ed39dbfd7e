using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PublicitySite.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Target = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: true),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContentItems",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Owner = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    LatestVersion = table.Column<int>(type: "integer", nullable: false),
                    PublishedVersion = table.Column<int>(type: "integer", nullable: true),
                    FirstPublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ImportKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Deleted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "LiteratureArticles",
                columns: table => new
                {
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    CollectionId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: true),
                    Order = table.Column<int>(type: "integer", nullable: true),
                    FirstPage = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Credits = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Pages = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Period = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiteratureArticles", x => x.ContentItemId);
                });

            migrationBuilder.CreateTable(
                name: "MediaAssets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    Format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Alt = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Caption = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Credit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Folder = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FocalX = table.Column<double>(type: "double precision", nullable: false),
                    FocalY = table.Column<double>(type: "double precision", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaAssets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MediaUsages",
                columns: table => new
                {
                    MediaId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaUsages", x => new { x.MediaId, x.ContentItemId });
                });

            migrationBuilder.CreateTable(
                name: "MemberIndex",
                columns: table => new
                {
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SortKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Initial = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Term = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Sector = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Party = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Posts = table.Column<string>(type: "text", nullable: true),
                    WorkUnit = table.Column<string>(type: "text", nullable: true),
                    JobTitle = table.Column<string>(type: "text", nullable: true),
                    Photo = table.Column<string>(type: "text", nullable: true),
                    Path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Sample = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberIndex", x => x.ContentItemId);
                });

            migrationBuilder.CreateTable(
                name: "MemberLinks",
                columns: table => new
                {
                    SourceItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    MemberKey = table.Column<string>(type: "character varying(220)", maxLength: 220, nullable: false),
                    SourceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberLinks", x => new { x.SourceItemId, x.MemberKey });
                });

            migrationBuilder.CreateTable(
                name: "PreviewLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreviewLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScheduledActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DoneUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledActions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Webhooks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Events = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Secret = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Webhooks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WordEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Term = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Replacement = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WordEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Scopes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastUsedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContentItemVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Latest = table.Column<bool>(type: "boolean", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Column = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Data = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentItemVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentItemVersions_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CoUnits = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    MergedInto = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReplyClass = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ReplyRefNo = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReplyText = table.Column<string>(type: "text", nullable: true),
                    ReplyPdf = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Verdict = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalEvents_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalProposers",
                columns: table => new
                {
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MemberId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalProposers", x => new { x.ContentItemId, x.Position });
                    table.ForeignKey(
                        name: "FK_ProposalProposers_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalRecords",
                columns: table => new
                {
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    Term = table.Column<int>(type: "integer", nullable: false),
                    Meeting = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    PublicConsent = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Sector = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ProposerType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Proposers = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LeadUnit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CoUnits = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Key = table.Column<bool>(type: "boolean", nullable: false),
                    Supervisor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AssignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FirstRepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RepliedOnTime = table.Column<bool>(type: "boolean", nullable: true),
                    ReplyClass = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Verdict = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Overdue = table.Column<bool>(type: "boolean", nullable: false),
                    LastEventOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalRecords", x => x.ContentItemId);
                    table.ForeignKey(
                        name: "FK_ProposalRecords_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RouteRedirects",
                columns: table => new
                {
                    Path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RouteRedirects", x => x.Path);
                    table.ForeignKey(
                        name: "FK_RouteRedirects_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MediaTags",
                columns: table => new
                {
                    MediaId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    Tag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaTags", x => new { x.MediaId, x.Tag });
                    table.ForeignKey(
                        name: "FK_MediaTags_MediaAssets_MediaId",
                        column: x => x.MediaId,
                        principalTable: "MediaAssets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WebhookDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WebhookId = table.Column<long>(type: "bigint", nullable: false),
                    Event = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeliveredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Abandoned = table.Column<bool>(type: "boolean", nullable: false),
                    LastStatus = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebhookDeliveries_Webhooks_WebhookId",
                        column: x => x.WebhookId,
                        principalTable: "Webhooks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContentTags",
                columns: table => new
                {
                    VersionId = table.Column<long>(type: "bigint", nullable: false),
                    Tag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentTags", x => new { x.VersionId, x.Tag });
                    table.ForeignKey(
                        name: "FK_ContentTags_ContentItemVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "ContentItemVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VersionReviews",
                columns: table => new
                {
                    VersionId = table.Column<long>(type: "bigint", nullable: false),
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SubmittedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Approvals = table.Column<List<string>>(type: "text[]", nullable: false),
                    RejectComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RejectedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RejectedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WordCheck = table.Column<string>(type: "text", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionReviews", x => x.VersionId);
                    table.ForeignKey(
                        name: "FK_VersionReviews_ContentItemVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "ContentItemVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_Hash",
                table: "ApiTokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_UserId",
                table: "ApiTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action_AtUtc",
                table: "AuditEntries",
                columns: new[] { "Action", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Actor_AtUtc",
                table: "AuditEntries",
                columns: new[] { "Actor", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AtUtc",
                table: "AuditEntries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Target",
                table: "AuditEntries",
                column: "Target");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ContentType_Deleted",
                table: "ContentItems",
                columns: new[] { "ContentType", "Deleted" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ImportKey",
                table: "ContentItems",
                column: "ImportKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_Path",
                table: "ContentItems",
                column: "Path",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentItemVersions_ContentItemId_Number",
                table: "ContentItemVersions",
                columns: new[] { "ContentItemId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentItemVersions_Latest_ContentType_Status_ModifiedUtc",
                table: "ContentItemVersions",
                columns: new[] { "Latest", "ContentType", "Status", "ModifiedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItemVersions_Published_ContentType_Column_PublishedU~",
                table: "ContentItemVersions",
                columns: new[] { "Published", "ContentType", "Column", "PublishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentTags_Tag",
                table: "ContentTags",
                column: "Tag");

            migrationBuilder.CreateIndex(
                name: "IX_LiteratureArticles_CollectionId_Order_FirstPage",
                table: "LiteratureArticles",
                columns: new[] { "CollectionId", "Order", "FirstPage" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaAssets_CreatedUtc",
                table: "MediaAssets",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_MediaAssets_Folder_CreatedUtc",
                table: "MediaAssets",
                columns: new[] { "Folder", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaAssets_Hash",
                table: "MediaAssets",
                column: "Hash");

            migrationBuilder.CreateIndex(
                name: "IX_MediaTags_Tag",
                table: "MediaTags",
                column: "Tag");

            migrationBuilder.CreateIndex(
                name: "IX_MediaUsages_ContentItemId",
                table: "MediaUsages",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberIndex_Name",
                table: "MemberIndex",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_MemberIndex_Term_Sector_Party",
                table: "MemberIndex",
                columns: new[] { "Term", "Sector", "Party" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberLinks_MemberKey_SourceType",
                table: "MemberLinks",
                columns: new[] { "MemberKey", "SourceType" });

            migrationBuilder.CreateIndex(
                name: "IX_PreviewLinks_ContentItemId",
                table: "PreviewLinks",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PreviewLinks_TokenHash",
                table: "PreviewLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalEvents_ContentItemId_Date",
                table: "ProposalEvents",
                columns: new[] { "ContentItemId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalEvents_RecordedUtc",
                table: "ProposalEvents",
                column: "RecordedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalProposers_MemberId",
                table: "ProposalProposers",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalProposers_Name",
                table: "ProposalProposers",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalRecords_Published_PublicConsent_Term_Meeting",
                table: "ProposalRecords",
                columns: new[] { "Published", "PublicConsent", "Term", "Meeting" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalRecords_Status_DueOn",
                table: "ProposalRecords",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalRecords_Term_Meeting_Seq",
                table: "ProposalRecords",
                columns: new[] { "Term", "Meeting", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RouteRedirects_ContentItemId",
                table: "RouteRedirects",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledActions_ContentItemId",
                table: "ScheduledActions",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledActions_DoneUtc_DueUtc",
                table: "ScheduledActions",
                columns: new[] { "DoneUtc", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_VersionReviews_ContentItemId_Number",
                table: "VersionReviews",
                columns: new[] { "ContentItemId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_VersionReviews_Stage",
                table: "VersionReviews",
                column: "Stage");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_DeliveredUtc_Abandoned_NextAttemptUtc",
                table: "WebhookDeliveries",
                columns: new[] { "DeliveredUtc", "Abandoned", "NextAttemptUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_WebhookId",
                table: "WebhookDeliveries",
                column: "WebhookId");

            migrationBuilder.CreateIndex(
                name: "IX_WordEntries_Term",
                table: "WordEntries",
                column: "Term",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ContentTags");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "LiteratureArticles");

            migrationBuilder.DropTable(
                name: "MediaTags");

            migrationBuilder.DropTable(
                name: "MediaUsages");

            migrationBuilder.DropTable(
                name: "MemberIndex");

            migrationBuilder.DropTable(
                name: "MemberLinks");

            migrationBuilder.DropTable(
                name: "PreviewLinks");

            migrationBuilder.DropTable(
                name: "ProposalEvents");

            migrationBuilder.DropTable(
                name: "ProposalProposers");

            migrationBuilder.DropTable(
                name: "ProposalRecords");

            migrationBuilder.DropTable(
                name: "RouteRedirects");

            migrationBuilder.DropTable(
                name: "ScheduledActions");

            migrationBuilder.DropTable(
                name: "VersionReviews");

            migrationBuilder.DropTable(
                name: "WebhookDeliveries");

            migrationBuilder.DropTable(
                name: "WordEntries");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "MediaAssets");

            migrationBuilder.DropTable(
                name: "ContentItemVersions");

            migrationBuilder.DropTable(
                name: "Webhooks");

            migrationBuilder.DropTable(
                name: "ContentItems");
        }
    }
}
