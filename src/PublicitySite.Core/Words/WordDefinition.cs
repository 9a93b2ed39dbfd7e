namespace PublicitySite.Words;

public enum WordLevel
{
    /// <summary>Shown to the author, who must confirm 已核对 before the submission goes through.</summary>
    Warn,

    /// <summary>Stops the submission until the text is changed.</summary>
    Block,
}

public static class WordLevels
{
    /// <summary>The level's Chinese name, as the editor's hit list and the word list show it.</summary>
    public static string Label(WordLevel level) => level == WordLevel.Block ? "须修改" : "需核对";
}

/// <summary>A wrong or sensitive term with its suggested replacement, as the recipe's <c>words</c> section lists it.</summary>
public sealed record WordDefinition
{
    public required string Term { get; init; }

    public string? Replacement { get; init; }

    public WordLevel Level { get; init; } = WordLevel.Warn;

    public string? Note { get; init; }
}
