namespace PublicitySite.Storage;

/// <summary>
/// Where things live on disk. Everything the site writes is under <see cref="DataDir"/>; the rest is read-only
/// input from the repository (recipe, seed content, themes).
/// </summary>
public sealed record SitePaths(string DataDir, string RecipeFile, string SeedDir, string ThemesDir)
{
    public string DatabaseFile => Path.Combine(DataDir, "publicity.db");

    public string IndexDir => Path.Combine(DataDir, "index");

    /// <summary>Media outside the data directory (<c>Media__Directory</c>), shared by every node of a cluster.</summary>
    public string? MediaOverride { get; init; }

    public string MediaDir => MediaOverride ?? Path.Combine(DataDir, "media");
}
