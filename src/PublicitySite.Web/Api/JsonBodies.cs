using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PublicitySite.Contents;

namespace PublicitySite.Web.Api;

/// <summary>
/// Reads the small JSON bodies and headers the write API takes: the body as one object, its optional fields by
/// type, and the version an <c>If-Match</c> names. A false answer is the handler's cue for a 400.
/// </summary>
internal static class JsonBodies
{
    /// <summary>
    /// The JSON object body, an empty object for an empty body (with or without a Content-Length), or null
    /// with a Chinese reason when it is not one JSON object of valid UTF-8 with each key once.
    /// </summary>
    public static async Task<(JsonObject? Body, string? Error)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
        {
            return ([], null);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return ([], null);
        }

        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
        {
            return (null, "请求体不是有效的 UTF-8 文本");
        }

        try
        {
            var node = JsonNode.Parse(bytes.Span, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
            return node switch
            {
                null => ([], null),
                JsonObject o => (o, null),
                _ => (null, "请求体应为 JSON 对象"),
            };
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"（第 {line + 1} 行第 {(ex.BytePositionInLine ?? 0) + 1} 个字节附近）" : "";
            return (null, ex.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase)
                ? $"请求体中有重复的字段{where}"
                : $"请求体不是有效的 JSON{where}");
        }
    }

    /// <summary>A time in ISO 8601; without an offset it is read as Beijing time, the editors' clock.</summary>
    public static bool TryTime(JsonObject body, string key, out DateTime? utc)
    {
        utc = null;
        if (body[key] is not JsonValue value)
        {
            return body[key] is null;
        }

        var text = value.ToString();
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        var hasOffset = text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10;
        utc = hasOffset ? parsed.UtcDateTime : new DateTimeOffset(parsed.DateTime, SiteTime.Zone.GetUtcOffset(parsed.DateTime)).UtcDateTime;
        return true;
    }

    /// <summary>An optional text field: absent or null gives null; anything but a string is refused.</summary>
    public static bool TryText(JsonObject body, string key, out string? text)
    {
        text = null;
        if (body[key] is null)
        {
            return true;
        }

        if (body[key] is JsonValue v && v.TryGetValue<string>(out var s))
        {
            text = s;
            return true;
        }

        return false;
    }

    public static bool TryInt(JsonObject body, string key, out int? number)
    {
        number = null;
        if (body[key] is null)
        {
            return true;
        }

        if (body[key] is JsonValue v && v.TryGetValue<int>(out var n) && n > 0)
        {
            number = n;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The version an <c>If-Match</c> names: <c>"3"</c> as this API sends, or the read API's
    /// <c>"id-3-hash"</c>. Null when absent; -1 when present but unreadable.
    /// </summary>
    public static int? IfMatch(HttpRequest request)
    {
        string? header = request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var tag = header.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }

        tag = tag.Trim('"');
        if (int.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        var parts = tag.Split('-');
        return parts.Length >= 3 && int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out n) ? n : -1;
    }

    public static string ETag(int version) => $"\"{version}\"";
}
