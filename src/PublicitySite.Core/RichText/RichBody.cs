using System.Text.Json.Nodes;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.RichText;

/// <summary>
/// A rich field's value and the format it is written in. The body part says its format (<c>Format</c>:
/// <c>html</c> or <c>markdown</c>) next to <c>Html</c> or <c>Markdown</c>; any other Markdown field
/// <c>F</c> of a part keeps HTML in <c>FHtml</c> beside it. Items saved before rich text existed hold only
/// Markdown and read as such.
/// </summary>
public sealed record RichBody(string Format, string Source)
{
    public const string Markdown = "markdown";
    public const string Html = "html";

    /// <summary>The body part's field that holds HTML.</summary>
    public const string BodyHtmlField = "Html";

    /// <summary>The body part's field that names the format.</summary>
    public const string BodyFormatField = "Format";

    public static readonly RichBody Empty = new(Markdown, "");

    public bool IsHtml => Format == Html;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Source);

    /// <summary>The item's body (the <see cref="BuiltInParts.MarkdownBody"/> part).</summary>
    public static RichBody Of(JsonObject data) => Of(data[BuiltInParts.MarkdownBody] as JsonObject, BuiltInParts.MarkdownBody, "Markdown");

    /// <summary>The body from a version's stored JSON.</summary>
    public static RichBody OfJson(string? json) => json is null ? Empty : Of(ContentData.Parse(json));

    /// <summary>Any rich field of a part: <paramref name="field"/> holds Markdown, its HTML sibling HTML.</summary>
    public static RichBody Of(JsonObject? part, string partName, string field)
    {
        if (part is null)
        {
            return Empty;
        }

        var html = Text(part[HtmlFieldName(partName, field)]);
        var markdown = Text(part[field]) ?? "";
        var format = Text(part[BodyFormatField]);
        return html is { Length: > 0 } && format != Markdown ? new RichBody(Html, html) : new RichBody(Markdown, markdown);
    }

    /// <summary>The name of the field that holds <paramref name="field"/>'s HTML in the same part.</summary>
    public static string HtmlFieldName(string part, string field) =>
        part == BuiltInParts.MarkdownBody && field == "Markdown" ? BodyHtmlField : field + "Html";

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;
}

/// <summary>What the save path does to HTML that arrives from the editor, a paste or the API.</summary>
public static class RichHtml
{
    public static string Clean(string? html) =>
        RichHtmlSanitizer.Sanitize(OfficeHtmlCleaner.Clean(html)).Replace("<p></p>", "", StringComparison.Ordinal);
}
