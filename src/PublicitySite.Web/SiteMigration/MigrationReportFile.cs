using PublicitySite.SiteMigration;
using PublicitySite.Storage;

namespace PublicitySite.Web.SiteMigration;

/// <summary>Every real run's report is kept as a file under the data directory, whichever way it was started.</summary>
internal static class MigrationReportFile
{
    public static async Task<string> SaveAsync(SitePaths paths, MigrationReport report, string text, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(paths.DataDir, "migration");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"report-{report.RunId}-{DateTime.UtcNow:yyyyMMddHHmmss}.txt");
        await File.WriteAllTextAsync(path, text, cancellationToken);
        return path;
    }
}
