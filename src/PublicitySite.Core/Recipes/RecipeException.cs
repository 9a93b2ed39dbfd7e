namespace PublicitySite.Recipes;

/// <summary>A recipe that cannot be applied, with where and why, so the message can be fixed without a debugger.</summary>
public sealed class RecipeException(string file, int? line, string problem)
    : Exception(line is null ? $"{file}: {problem}" : $"{file}:{line}: {problem}")
{
    public string File { get; } = file;

    /// <summary>One-based line of the offending element, when it could be located.</summary>
    public int? Line { get; } = line;

    public string Problem { get; } = problem;
}
