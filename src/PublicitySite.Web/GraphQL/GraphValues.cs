using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL.Types;
using FieldType = PublicitySite.Contents.Definitions.FieldType;

namespace PublicitySite.Web.GraphQL;

/// <summary>Maps recipe field types to GraphQL types and JSON field values to CLR values GraphQL can write.</summary>
internal static class GraphValues
{
    public static IGraphType? ScalarFor(FieldType type) => type switch
    {
        FieldType.Number => new FloatGraphType(),
        FieldType.Boolean => new BooleanGraphType(),
        FieldType.TextList => new ListGraphType(new StringGraphType()),
        FieldType.ContentPicker or FieldType.Object or FieldType.ObjectList => null,
        _ => new StringGraphType(),
    };

    public static object? Clr(JsonNode? node) => node switch
    {
        null => null,
        JsonArray array => array.Select(Clr).ToList(),
        JsonObject obj => obj,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.GetValue<double>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };

    /// <summary>
    /// Whether a stored value matches a filter value: equality for scalars, membership for lists. Numbers
    /// compare as numbers so <c>term: 5</c> matches a stored 5.
    /// </summary>
    public static bool Matches(JsonNode? stored, object wanted) => stored switch
    {
        null => false,
        JsonArray array => array.Any(item => Matches(item, wanted)),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => Convert.ToDouble(wanted, System.Globalization.CultureInfo.InvariantCulture) == value.GetValue<double>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => wanted is bool b && b == (value.GetValueKind() == JsonValueKind.True),
        JsonValue value => string.Equals(value.ToString(), Convert.ToString(wanted, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
        _ => false,
    };

    public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
