namespace PublicitySite.Curation;

/// <summary>
/// One change to an item's flags. Null leaves a flag as it is, so a one-click button sends only its own flag.
/// <see cref="PinnedUntilUtc"/> is read only when <see cref="Pinned"/> is given.
/// </summary>
public sealed record CurationRequest
{
    public bool? Headline { get; init; }

    public bool? Pinned { get; init; }

    public DateTime? PinnedUntilUtc { get; init; }

    public bool? Featured { get; init; }

    /// <summary>"" clears the colour; null leaves it.</summary>
    public string? TitleColor { get; init; }

    public bool? TitleBold { get; init; }
}

/// <summary>
/// Told after a committed curation change, so pages and cached reads follow at once. An empty id means a
/// scheduled time passed (a 置顶 or 公告条 ended, 哀悼模式 began or ended) and every page may differ.
/// </summary>
public interface ICurationChangeSink
{
    ValueTask OnCurationChangedAsync(string contentItemId, CancellationToken cancellationToken);
}
