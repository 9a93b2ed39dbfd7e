namespace PublicitySite.Contents;

/// <summary>
/// One saved state of a content item. Every save makes a new row; the columns here are the ones lists,
/// filters and sorts use, the rest of the parts live in <see cref="Data"/> as JSON.
/// </summary>
public sealed class ContentItemVersion
{
    public long Id { get; set; }

    public required string ContentItemId { get; init; }

    public int Number { get; init; }

    public ContentStatus Status { get; set; }

    public bool Latest { get; set; }

    public bool Published { get; set; }

    public required string ContentType { get; init; }

    public required string Title { get; set; }

    public string? Slug { get; set; }

    public string? Column { get; set; }

    public required string Author { get; init; }

    public DateTime CreatedUtc { get; init; }

    public DateTime ModifiedUtc { get; set; }

    /// <summary>When this version went (or goes, if scheduled) public.</summary>
    public DateTime? PublishedUtc { get; set; }

    /// <summary>SHA-256 of the version's content, so the audit log can name exactly what was approved.</summary>
    public required string ContentHash { get; set; }

    /// <summary>Part and field values as a JSON object keyed by part name.</summary>
    public required string Data { get; set; }
}
