namespace PublicitySite.Web.Hosting;

/// <summary>Bound from the <c>Publicity</c> section (env <c>Publicity__DataDir</c>, flag <c>--data-dir</c>).</summary>
public sealed class PublicityOptions
{
    public const string Section = "Publicity";

    /// <summary>Database, index and media live here; relative paths are under the content root.</summary>
    public string DataDir { get; set; } = "App_Data";

    /// <summary>The recipe applied on first start; found in the repository when not set.</summary>
    public string? RecipeFile { get; set; }

    public string? SeedDir { get; set; }

    public string? ThemesDir { get; set; }

    /// <summary>The theme under <see cref="ThemesDir"/> the public site uses.</summary>
    public string Theme { get; set; } = "publicity";

    /// <summary>Import <c>content-seed/</c> into an empty site on first start.</summary>
    public bool ImportSeed { get; set; } = true;

    /// <summary>Password of the first administrator; the environment variable PUBLICITY_ADMIN_PASSWORD also sets it.</summary>
    public string? AdminPassword { get; set; }
}
