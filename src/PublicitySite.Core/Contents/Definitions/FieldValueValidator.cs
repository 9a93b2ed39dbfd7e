using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PublicitySite.Contents.Definitions;

/// <summary>
/// Checks a value against its field definition and returns it in the one form storage keeps
/// (dates as yyyy-MM-dd, date-times as UTC ISO 8601, lists as arrays). Errors are Chinese: editors read them.
/// </summary>
internal static class FieldValueValidator
{
    private const string NotText = "应为文字";

    public static JsonNode? Normalize(FieldDefinition field, JsonNode? value, ICollection<string> errors)
    {
        if (value is null || value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>()))
        {
            if (field.Required)
            {
                errors.Add($"{field.Label}：不能为空");
            }

            return null;
        }

        return field.Type switch
        {
            FieldType.Text or FieldType.TextArea or FieldType.Markdown or FieldType.Media => Text(field, value, errors),
            FieldType.Choice => Choice(field, value, errors),
            FieldType.Number => Number(field, value, errors),
            FieldType.Boolean => Boolean(field, value, errors),
            FieldType.Date => Date(field, value, errors),
            FieldType.DateTime => DateTimeValue(field, value, errors),
            FieldType.TextList or FieldType.ContentPicker => List(field, value, errors),
            FieldType.Object => ObjectValue(field, value, errors),
            FieldType.ObjectList => ObjectList(field, value, errors),
            _ => Fail(field, "字段类型未知", errors),
        };
    }

    private static JsonNode? Fail(FieldDefinition field, string problem, ICollection<string> errors)
    {
        errors.Add($"{field.Label}：{problem}");
        return null;
    }

    private static string? Scalar(JsonNode value) => value is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
            _ => null,
        }
        : null;

    private static JsonNode? Text(FieldDefinition field, JsonNode value, ICollection<string> errors)
    {
        var text = Scalar(value);
        if (text is null)
        {
            return Fail(field, NotText, errors);
        }

        if (field.Type is FieldType.Text)
        {
            text = text.Trim();
        }

        if (field.MaxLength is { } max && text.Length > max)
        {
            return Fail(field, $"不能超过 {max} 个字（现有 {text.Length} 个）", errors);
        }

        return JsonValue.Create(text);
    }

    private static JsonNode? Choice(FieldDefinition field, JsonNode value, ICollection<string> errors)
    {
        var text = Scalar(value)?.Trim();
        if (text is null)
        {
            return Fail(field, NotText, errors);
        }

        if (field.Options is { Count: > 0 } options && !options.Contains(text))
        {
            return Fail(field, NotAnOption(text, options), errors);
        }

        return JsonValue.Create(text);
    }

    private static JsonNode? Number(FieldDefinition field, JsonNode value, ICollection<string> errors) =>
        decimal.TryParse(Scalar(value), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : Fail(field, "应为数字", errors);

    private static JsonNode? Boolean(FieldDefinition field, JsonNode value, ICollection<string> errors) =>
        Scalar(value)?.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "1" or "是" => JsonValue.Create(true),
            "false" or "no" or "0" or "否" => JsonValue.Create(false),
            _ => Fail(field, "应为“是”或“否”", errors),
        };

    private static JsonNode? Date(FieldDefinition field, JsonNode value, ICollection<string> errors)
    {
        var text = Scalar(value)?.Trim();
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var date))
        {
            return JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return Fail(field, $"日期格式应为 2024-05-20（收到“{text}”）", errors);
    }

    private static JsonNode? DateTimeValue(FieldDefinition field, JsonNode value, ICollection<string> errors)
    {
        var text = Scalar(value)?.Trim();
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return JsonValue.Create(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        return Fail(field, $"时间格式应为 2024-05-20T10:00:00+08:00（收到“{text}”）", errors);
    }

    private static JsonNode? List(FieldDefinition field, JsonNode value, ICollection<string> errors)
    {
        IEnumerable<string?> items = value switch
        {
            JsonArray array => array.Select(n => n is null ? null : Scalar(n)),
            _ => (Scalar(value) ?? "").Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries),
        };
        var result = new JsonArray();
        foreach (var item in items)
        {
            var text = item?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return Fail(field, "列表中有空值或非文字的值", errors);
            }

            if (field.Options is { Count: > 0 } options && !options.Contains(text))
            {
                return Fail(field, NotAnOption(text, options), errors);
            }

            if (!result.Any(n => n!.GetValue<string>() == text))
            {
                result.Add(text);
            }
        }

        if (field.Type is FieldType.ContentPicker && !field.Multiple && result.Count > 1)
        {
            return Fail(field, "只能选择一项", errors);
        }

        if (field.Required && result.Count == 0)
        {
            return Fail(field, "不能为空", errors);
        }

        return result;
    }

    private static JsonNode? ObjectValue(FieldDefinition field, JsonNode value, ICollection<string> errors)
    {
        if (value is not JsonObject obj)
        {
            return Fail(field, "应为一组字段", errors);
        }

        var result = new JsonObject();
        var subFields = field.Fields ?? [];
        foreach (var (key, _) in obj)
        {
            if (!subFields.Any(f => string.Equals(f.Name, key, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"{field.Label}：未知的项“{key}”");
            }
        }

        foreach (var sub in subFields)
        {
            var raw = obj.FirstOrDefault(p => string.Equals(p.Key, sub.Name, StringComparison.OrdinalIgnoreCase)).Value;
            var normalized = Normalize(sub with { DisplayName = $"{field.Label}·{sub.Label}" }, raw, errors);
            if (normalized is not null)
            {
                result[sub.Name] = normalized;
            }
        }

        return result;
    }

    private static JsonNode? ObjectList(FieldDefinition field, JsonNode value, ICollection<string> errors)
    {
        if (value is not JsonArray array)
        {
            return Fail(field, "应为列表", errors);
        }

        var result = new JsonArray();
        for (var i = 0; i < array.Count; i++)
        {
            var item = ObjectValue(field with { DisplayName = $"{field.Label}第{i + 1}项" }, array[i] ?? new JsonObject(), errors);
            if (item is not null)
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static string NotAnOption(string text, IEnumerable<string> options) => $"“{text}”不在可选值中（{string.Join("、", options)}）";
}
