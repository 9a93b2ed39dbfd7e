using System.Text.Json.Nodes;
using PublicitySite.Contents.Definitions;
using PublicitySite.RichText;

namespace PublicitySite.Contents;

/// <summary>
/// Turns flat input (API body, front matter: <c>{ "title": …, "body": …, "column": … }</c>) into part data,
/// validating every field. Keys match field names without regard to case; <c>body</c> names the type's
/// Markdown body, <c>bodyHtml</c> its HTML (cleaned and sanitised here; it wins over <c>body</c>) and
/// <c>name</c> its title. Any Markdown field <c>F</c> likewise takes HTML as <c>FHtml</c>.
/// </summary>
internal static class ContentMapper
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

            if (field.Type == FieldType.Markdown && RichValue(flat, part.Name, field, used, data))
            {
                continue;
            }

            var field1 = ColumnChoices(site, type, part, field);
            var value = FieldValueValidator.Normalize(field1, key is null ? null : flat[key], errors);
            if (value is not null)
            {
                Set(data, part.Name, field.Name, value);
            }

            if (part.Name == BuiltInParts.MarkdownBody && field.Name == "Markdown" && value is not null)
            {
                Set(data, part.Name, RichBody.BodyFormatField, JsonValue.Create(RichBody.Markdown));
            }
        }

        foreach (var part in type.Parts)
        {
            data[part] ??= new JsonObject();
        }

        if (type.Parts.Contains(BuiltInParts.MarkdownBody) && FindKey(flat, RichBody.BodyFormatField) is { } format)
        {
            used.Add(format); // the format follows from which body was sent; a stale one from the baseline is ignored
        }

        unknownKeys?.AddRange(flat.Select(kv => kv.Key).Where(k => !used.Contains(k) && !IsMeta(k)));
        return data;
    }

    /// <summary>
    /// Takes a rich field's HTML when the input has some: cleaned of Office markup, sanitised, stored beside
    /// the field (whose Markdown is then left out, so the item holds one format). False when there is none.
    /// </summary>
    private static bool RichValue(JsonObject flat, string part, FieldDefinition field, HashSet<string> used, JsonObject data)
    {
        var htmlField = RichBody.HtmlFieldName(part, field.Name);
        var key = FindKey(flat, htmlField) ?? (part == BuiltInParts.MarkdownBody ? FindKey(flat, "bodyHtml") : null);
        if (key is null || flat[key] is not JsonValue raw || raw.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return false;
        }

        used.Add(key);
        if (FindKey(flat, field.Name) is { } markdownKey)
        {
            used.Add(markdownKey);
        }

        if (part == BuiltInParts.MarkdownBody)
        {
            used.Add("body");
        }

        var html = RichHtml.Clean(raw.GetValue<string>());
        if (HtmlText.ToPlain(html).Length == 0 && !html.Contains("<img", StringComparison.Ordinal))
        {
            return false;
        }

        Set(data, part, htmlField, JsonValue.Create(html));
        if (part == BuiltInParts.MarkdownBody)
        {
            Set(data, part, RichBody.BodyFormatField, JsonValue.Create(RichBody.Html));
        }

        return true;
    }

    private static void Set(JsonObject data, string part, string field, JsonNode value)
    {
        var partData = data[part] as JsonObject ?? [];
        partData[field] = value;
        data[part] = partData;
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
