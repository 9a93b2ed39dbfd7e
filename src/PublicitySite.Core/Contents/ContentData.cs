using System.Text.Json;
using System.Text.Json.Nodes;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Contents;

/// <summary>Reads and writes the part/field JSON of a version. Field values are looked up by part and field name.</summary>
public static class ContentData
{
    public static JsonObject Parse(string json) =>
        JsonNode.Parse(json) as JsonObject ?? [];

    public static string Serialize(JsonObject data) => data.ToJsonString(StorageJson.Options);

    public static JsonNode? Get(JsonObject data, string part, string field) =>
        data[part] is JsonObject p ? p[field] : null;

    public static string? GetString(JsonObject data, string part, string field) =>
        Get(data, part, field) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static bool GetBool(JsonObject data, string part, string field) =>
        Get(data, part, field) is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    public static IReadOnlyList<string> GetList(JsonObject data, string part, string field) =>
        Get(data, part, field) is JsonArray a ? a.Select(n => n?.ToString() ?? "").Where(s => s.Length > 0).ToList() : [];

    /// <summary>A copy of the data without fields marked private, for anything a reader might see.</summary>
    public static JsonObject PublicCopy(SiteDefinition site, ContentTypeDefinition type, JsonObject data)
    {
        var copy = (JsonObject)data.DeepClone();
        foreach (var (part, field) in site.FieldsOf(type))
        {
            if (copy[part.Name] is JsonObject p)
            {
                if (field.Private)
                {
                    p.Remove(field.Name);
                }
                else if (field.Fields is { } subFields && p[field.Name] is { } value)
                {
                    RemovePrivate(subFields, value);
                }
            }
        }

        foreach (var key in copy.Select(kv => kv.Key).ToList())
        {
            if (!type.Parts.Contains(key))
            {
                copy.Remove(key);
            }
        }

        return copy;
    }

    private static void RemovePrivate(IReadOnlyList<FieldDefinition> fields, JsonNode value)
    {
        var objects = value is JsonArray array ? array.OfType<JsonObject>() : value is JsonObject o ? [o] : [];
        foreach (var obj in objects)
        {
            foreach (var field in fields.Where(f => f.Private))
            {
                obj.Remove(field.Name);
            }
        }
    }
}
