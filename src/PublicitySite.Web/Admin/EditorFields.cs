using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Web.Admin;

/// <summary>One form field of the editor, built from the recipe's field definition.</summary>
public sealed record EditorField(string Part, FieldDefinition Field, IReadOnlyList<string> Options)
{
    public string Name => "f." + (IsRich ? HtmlField : Field.Name);

    /// <summary>Markdown fields are edited as rich text; the form posts their HTML under this name.</summary>
    public bool IsRich => Field.Type == FieldType.Markdown;

    public string HtmlField => RichText.RichBody.HtmlFieldName(Part, Field.Name);
}

/// <summary>
/// Maps a type's fields to form inputs and back. Fields the form cannot edit (objects, pickers) are carried
/// over from the version being edited, so saving from the editor never drops them.
/// </summary>
internal static class EditorFields
{
    private static readonly FieldType[] Editable =
    [
        FieldType.Text, FieldType.TextArea, FieldType.Markdown, FieldType.Media, FieldType.Number, FieldType.Boolean,
        FieldType.Date, FieldType.DateTime, FieldType.Choice, FieldType.TextList,
    ];

    public static IReadOnlyList<EditorField> For(SiteDefinition site, ContentTypeDefinition type, IEnumerable<string>? allowedColumns = null) =>
        site.FieldsOf(type)
            .Where(f => Editable.Contains(f.Field.Type))
            .Select(f => new EditorField(
                f.Part.Name,
                f.Field,
                f.Part.Name == BuiltInParts.Column ? (allowedColumns ?? site.ColumnsOf(type.Name).Select(c => c.Name)).ToList() : f.Field.Options ?? []))
            .ToList();

    /// <summary>Part data as the flat object the content mapper reads (field name → value).</summary>
    public static JsonObject Flatten(string? data)
    {
        var flat = new JsonObject();
        if (data is null)
        {
            return flat;
        }

        foreach (var (_, part) in ContentData.Parse(data))
        {
            foreach (var (field, value) in part as JsonObject ?? [])
            {
                flat[field] = value?.DeepClone();
            }
        }

        return flat;
    }

    public static string Display(JsonObject flat, FieldDefinition field)
    {
        var value = flat[field.Name];
        return value switch
        {
            null => "",
            JsonArray list => string.Join("，", list.Select(v => v?.ToString())),
            JsonValue v when field.Type == FieldType.DateTime && DateTimeOffset.TryParse(v.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                => SiteTime.ToLocal(t.UtcDateTime).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => value.ToJsonString(),
        };
    }

    /// <summary>A rich field's current content as HTML for the editor: its HTML, or its Markdown rendered.</summary>
    public static string RichHtml(JsonObject flat, EditorField field, RichText.BodyRenderer bodies)
    {
        var part = new JsonObject();
        var keys = field.Part == BuiltInParts.MarkdownBody ? new[] { field.Field.Name, field.HtmlField, RichText.RichBody.BodyFormatField } : [field.Field.Name, field.HtmlField];
        foreach (var key in keys)
        {
            if (flat[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                part[key] = v.GetValue<string>();
            }
        }

        return bodies.ToHtml(RichText.RichBody.Of(part, field.Part, field.Field.Name));
    }

    public static bool IsChecked(JsonObject flat, FieldDefinition field) => flat[field.Name] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    /// <summary>The form's values laid over <paramref name="baseline"/>.</summary>
    public static JsonObject Read(IFormCollection form, IReadOnlyList<EditorField> fields, JsonObject baseline)
    {
        var values = (JsonObject)baseline.DeepClone();
        foreach (var f in fields)
        {
            string text = form[f.Name].ToString();
            if (f.IsRich && !form.ContainsKey(f.Name) && form.ContainsKey("f." + f.Field.Name))
            {
                // A form that posts Markdown (a client of the old editor): kept as Markdown.
                values[f.Field.Name] = JsonValue.Create(form["f." + f.Field.Name].ToString());
                values.Remove(f.HtmlField);
                continue;
            }

            if (f.IsRich)
            {
                // The editor's HTML replaces the field; the Markdown it may have held is left out, so an
                // emptied body stays empty instead of falling back to the old Markdown.
                values[f.HtmlField] = JsonValue.Create(text);
                values[f.Field.Name] = JsonValue.Create("");
                continue;
            }

            values[f.Field.Name] = f.Field.Type switch
            {
                FieldType.Boolean => JsonValue.Create(form.ContainsKey(f.Name)),
                FieldType.TextList => new JsonArray(text.Split([',', '，', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                FieldType.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
                // The browser's datetime-local has no zone: it is the editor's clock, Beijing time.
                FieldType.DateTime when text.Length == 16 => JsonValue.Create(text + ":00+08:00"),
                _ => JsonValue.Create(text),
            };
        }

        return values;
    }
}
