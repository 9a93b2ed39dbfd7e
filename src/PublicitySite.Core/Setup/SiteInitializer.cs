using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PublicitySite.Contents.Definitions;
using PublicitySite.Recipes;
using PublicitySite.Seeding;
using PublicitySite.Storage;
using PublicitySite.Users;

namespace PublicitySite.Setup;

/// <summary>What start-up did, for the console.</summary>
public sealed record InitializationResult(bool RecipeApplied, ImportReport? SeedReport, string? GeneratedAdminPassword);

/// <summary>
/// Brings a data directory to a usable state: schema migrated, recipe applied once, seed content imported
/// once, an administrator present. Safe to run on every start: a second run changes nothing.
/// </summary>
public sealed partial class SiteInitializer(
    AppDbContext db,
    SiteDefinitionStore definitions,
    RecipeService recipes,
    ContentImporter importer,
    UserService users,
    SitePaths paths,
    TimeProvider clock,
    ILogger<SiteInitializer> logger)
{
    public const string AdminName = "admin";
    private const string SeedMarker = "seed-imported";

    public async Task<InitializationResult> InitializeAsync(string? adminPassword, bool importSeed = true, CancellationToken cancellationToken = default)
    {
        await StorageServiceCollectionExtensions.MigrateAsync(db, cancellationToken);
        var applied = false;
        if (await recipes.IsAppliedAsync(cancellationToken))
        {
            await definitions.LoadAsync(db, cancellationToken);
        }
        else
        {
            await recipes.ApplyFileAsync(paths.RecipeFile, cancellationToken);
            applied = true;
            LogRecipe(paths.RecipeFile);
        }

        ImportReport? report = null;
        if (importSeed && Directory.Exists(paths.SeedDir) && !await db.Documents.AnyAsync(d => d.Key == SeedMarker, cancellationToken))
        {
            var started = Stopwatch.GetTimestamp();
            report = await importer.ImportFolderAsync(paths.SeedDir, AdminName, cancellationToken: cancellationToken);
            db.Documents.Add(new StoredDocument { Key = SeedMarker, Json = "{}", UpdatedUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            var milliseconds = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogSeed(report.Imported.Count, report.Published, report.Skipped.Count, milliseconds);
        }

        string? generated = null;
        if (await users.FindAsync(AdminName) is null)
        {
            var password = string.IsNullOrEmpty(adminPassword) ? generated = UserService.GeneratePassword() : adminPassword;
            var (_, errors) = await users.AddAsync(AdminName, "Administrator", password, "管理员", generated: generated is not null);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("Cannot create the administrator: " + string.Join("; ", errors));
            }
        }

        return new InitializationResult(applied, report, generated);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied recipe {File}")]
    private partial void LogRecipe(string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported seed content: {Imported} items, {Published} published, {Skipped} skipped in {Milliseconds} ms")]
    private partial void LogSeed(int imported, int published, int skipped, long milliseconds);
}
