namespace PublicitySite.Tests.Infrastructure;

/// <summary>Folders of the repository the tests read (recipe, seed content, themes).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Recipe => Path.Combine(Root, "recipes", "publicity.recipe.json");

    public static string Seed => Path.Combine(Root, "content-seed");

    public static string Themes => Path.Combine(Root, "themes");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PublicitySite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root from " + AppContext.BaseDirectory);
    }
}
