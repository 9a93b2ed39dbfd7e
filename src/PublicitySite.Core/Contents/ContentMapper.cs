using System.Text.Json.Nodes;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Contents;

/// <summary>
/// Turns flat input (API body, front matter: <c>{ "title": …, "body": …, "column": … }</c>) into part data,
/// validating every field. Keys match field names without regard to case; <c>body</c> names the type's
/// Markdown body and <c>name</c> its title.
/// </summary>
public static class ContentMapper
{
    public static JsonObject ToParts(SiteDefinition site, ContentTypeDefinition type, JsonObject flat, List<string> errors, List<string>? unknownKeys = null)
    {
        var fields = site.FieldsOf(type).ToList();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var data = new JsonObject();
        foreach (var (part, field) in fields)
        {
            var key = FindKey(flat, field.Name) ?? Alias(flat, part.Name, field.Name);
            if (key is not null)
            {
                used.Add(key);
            }

            var field1 = ColumnChoices(site, type, part, field);
            var value = FieldValueValidator.Normalize(field1, key is null ? null : flat[key], errors);
            if (value is not null)
            {
                var partData = data[part.Name] as JsonObject ?? [];
                partData[field.Name] = value;
                data[part.Name] = partData;
            }
        }

        foreach (var part in type.Parts)
        {
            data[part] ??= new JsonObject();
        }

        unknownKeys?.AddRange(flat.Select(kv => kv.Key).Where(k => !used.Contains(k) && !IsMeta(k)));
        return data;
    }

    /// <summary>Keys that describe the item rather than a field (the importer and API read them themselves).</summary>
    public static bool IsMeta(string key) =>
        key.Equals("type", StringComparison.OrdinalIgnoreCase) || key.Equals("published", StringComparison.OrdinalIgnoreCase);

    private static FieldDefinition ColumnChoices(SiteDefinition site, ContentTypeDefinition type, ContentPartDefinition part, FieldDefinition field)
    {
        if (part.Name != BuiltInParts.Column)
        {
            return field;
        }

        var columns = site.ColumnsOf(type.Name).Select(c => c.Name).ToList();
        return field with { Options = columns, Required = columns.Count > 0 };
    }

    private static string? FindKey(JsonObject flat, string name) =>
        flat.Select(kv => kv.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    private static string? Alias(JsonObject flat, string part, string field) => (part, field) switch
    {
        (BuiltInParts.MarkdownBody, "Markdown") => FindKey(flat, "body"),
        (BuiltInParts.Title, "Title") => FindKey(flat, "name"),
        _ => null,
    };
}
