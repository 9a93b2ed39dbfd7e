using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Media;

/// <summary>
/// Finds the media a version refers to: the ids in its Media fields, and every <c>/media/{id}</c> address in
/// any text (Markdown images and links, reply texts, captions).
/// </summary>
internal static partial class MediaReferences
{
    public static ISet<string> Extract(SiteDefinition site, ContentTypeDefinition? type, JsonObject data)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (type is not null)
        {
            foreach (var (part, field) in site.FieldsOf(type))
            {
                if (data[part.Name] is JsonObject values && values[field.Name] is { } value)
                {
                    CollectFields(field, value, found);
                }
            }
        }

        CollectAddresses(data, found);
        return found;
    }

    private static void CollectFields(FieldDefinition field, JsonNode value, HashSet<string> found)
    {
        if (field.Type == FieldType.Media && value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            && IdPattern().IsMatch(v.GetValue<string>().Trim()))
        {
            found.Add(v.GetValue<string>().Trim());
        }

        if (field.Fields is { } subFields)
        {
            var objects = value is JsonArray array ? array.OfType<JsonObject>() : value is JsonObject o ? [o] : [];
            foreach (var obj in objects)
            {
                foreach (var sub in subFields)
                {
                    if (obj[sub.Name] is { } subValue)
                    {
                        CollectFields(sub, subValue, found);
                    }
                }
            }
        }
    }

    private static void CollectAddresses(JsonNode? node, HashSet<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    CollectAddresses(child, found);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    CollectAddresses(child, found);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                foreach (Match match in AddressPattern().Matches(value.GetValue<string>()))
                {
                    found.Add(match.Groups[1].Value);
                }

                break;
        }
    }

    [GeneratedRegex("^[0-9a-z]{12}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"/media/([0-9a-z]{12})(?![0-9a-z])")]
    private static partial Regex AddressPattern();
}
