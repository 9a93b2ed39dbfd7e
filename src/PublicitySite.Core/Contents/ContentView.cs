using System.Text.Json.Nodes;
using PublicitySite.Contents.Definitions;
using PublicitySite.RichText;

namespace PublicitySite.Contents;

/// <summary>
/// A published version as readers and other front ends see it: rendered, sanitised, private fields removed.
/// The page, the API and the feeds are all built from this one shape.
/// </summary>
public sealed record ContentView
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required string Title { get; init; }

    public required string Url { get; init; }

    public int Version { get; init; }

    public DateTimeOffset? PublishedUtc { get; init; }

    public DateTimeOffset ModifiedUtc { get; init; }

    public string? Column { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Source { get; init; }

    public string? Author { get; init; }

    public string? Editor { get; init; }

    public bool Sample { get; init; }

    public string? BodyHtml { get; init; }

    /// <summary>The format the body is stored in: <c>html</c> (the editor's) or <c>markdown</c> (older items, imports).</summary>
    public string? BodyFormat { get; init; }

    public string? BodyText { get; init; }

    public required JsonObject Parts { get; init; }
}

public sealed class ContentViewFactory(SiteDefinitionStore definitions, BodyRenderer bodies)
{
    public ContentView Create(PublishedEntry entry, bool includeBody = true)
    {
        var site = definitions.Current;
        var version = entry.Version;
        var data = ContentData.Parse(version.Data);
        var type = site.FindType(version.ContentType);
        var parts = type is null ? [] : ContentData.PublicCopy(site, type, data);
        if (!includeBody)
        {
            parts.Remove(BuiltInParts.MarkdownBody); // lists stay small; the detail carries the body
        }

        var body = RichBody.Of(data);
        var summary = ContentData.GetString(data, BuiltInParts.Summary, "Summary");
        return new ContentView
        {
            Id = entry.Item.Id,
            Type = version.ContentType,
            Title = version.Title,
            Url = entry.Url,
            Version = version.Number,
            PublishedUtc = version.PublishedUtc is { } p ? SiteTime.ToLocal(p) : null,
            ModifiedUtc = SiteTime.ToLocal(version.ModifiedUtc),
            Column = version.Column,
            Summary = string.IsNullOrWhiteSpace(summary) ? bodies.Excerpt(body, 120) : summary,
            Tags = ContentData.GetList(data, BuiltInParts.Tags, "Tags"),
            Source = ContentData.GetString(data, BuiltInParts.Byline, "Source"),
            Author = ContentData.GetString(data, BuiltInParts.Byline, "Author"),
            Editor = ContentData.GetString(data, BuiltInParts.Byline, "Editor"),
            Sample = ContentData.GetBool(data, BuiltInParts.Sample, "Sample"),
            BodyHtml = includeBody ? bodies.ToHtml(body) : null,
            BodyText = includeBody ? bodies.ToPlainText(body) : null,
            BodyFormat = body.Format,
            Parts = parts,
        };
    }
}
