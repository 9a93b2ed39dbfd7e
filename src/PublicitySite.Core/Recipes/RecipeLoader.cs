using System.Text.Json;
using System.Text.Json.Serialization;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Recipes;

/// <summary>
/// Reads a recipe file, checks all of it, and merges it over the current definitions. Nothing is returned
/// unless the whole recipe is valid, so a bad recipe never leaves the site half-configured.
/// </summary>
internal static class RecipeLoader
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new FieldTypeConverter(), new JsonStringEnumConverter(allowIntegerValues: false) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static SiteDefinition LoadFile(string file, SiteDefinition current)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (IOException ex)
        {
            throw new RecipeException(file, null, $"cannot read the file: {ex.Message}");
        }

        return Load(bytes, file, current);
    }

    public static SiteDefinition Load(byte[] utf8, string file, SiteDefinition current)
    {
        RecipeDocument document;
        try
        {
            document = JsonSerializer.Deserialize<RecipeDocument>(utf8, Json)
                ?? throw new RecipeException(file, 1, "the recipe is empty (null)");
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? (int)l + 1 : (int?)null;
            throw new RecipeException(file, line, Describe(ex));
        }

        var errors = new List<(string Path, string Problem)>();
        var merged = RecipeValidator.Merge(document, current, errors);
        if (errors.Count > 0)
        {
            var map = JsonLineMap.Build(utf8);
            var (path, problem) = errors[0];
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more problem(s))" : "";
            throw new RecipeException(file, map.LineOf(path), $"{path}: {problem}{more}");
        }

        return merged;
    }

    private static string Describe(JsonException ex)
    {
        // The serializer's own text names the CLR type; keep the part a recipe author understands.
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        return ex.Path is { Length: > 0 } path ? $"{path}: {text}" : $"malformed JSON: {text}";
    }
}
