using System.Text.Json;
using System.Text.Json.Serialization;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Recipes;

/// <summary>Reads field types by name and, unlike the stock enum converter, says which name was wrong.</summary>
internal sealed class FieldTypeConverter : JsonConverter<FieldType>
{
    public override FieldType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Enum.TryParse<FieldType>(text, ignoreCase: false, out var type) && !int.TryParse(text, out _)
            ? type
            : throw new JsonException($"unknown field type '{text}' (allowed: {string.Join(", ", Enum.GetNames<FieldType>())})");
    }

    public override void Write(Utf8JsonWriter writer, FieldType value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
