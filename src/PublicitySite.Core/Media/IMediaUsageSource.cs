namespace PublicitySite.Media;

/// <summary>
/// A feature's own references to media that live outside content data (so <see cref="MediaUsageTracker"/>
/// never sees them), e.g. reply PDFs on proposal events. The library's usage list and delete guard ask every
/// source, so a file a public page links to is never deleted from under it.
/// </summary>
public interface IMediaUsageSource
{
    Task<IReadOnlyList<MediaUsageEntry>> UsesOfAsync(string mediaId, CancellationToken cancellationToken);
}
