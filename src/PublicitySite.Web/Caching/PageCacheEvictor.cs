using Microsoft.AspNetCore.OutputCaching;
using PublicitySite.Contents;
using PublicitySite.Curation;
using PublicitySite.Proposals;
using PublicitySite.Settings;

namespace PublicitySite.Web.Caching;

/// <summary>
/// Evicts cached pages after a committed change: the item's own page, item pages whose neighbours it may be,
/// and every list. A new draft changes nothing public, so it evicts nothing.
/// </summary>
internal sealed class PageCacheEvictor(IOutputCacheStore store) : IContentChangeSink, ISiteSettingsChangeSink, IProposalStatusSink, PublicitySite.Changes.INodeLocalSink, ICurationChangeSink
{
    public async ValueTask OnChangedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Kind == ContentChangeKind.Saved)
        {
            return;
        }

        await store.EvictByTagAsync(PageCache.ItemTag(change.ContentItemId), cancellationToken);
        await store.EvictByTagAsync(PageCache.ListsTag, cancellationToken);
        await store.EvictByTagAsync(PageCache.NeighboursTag(change.ContentType, change.Column), cancellationToken);
        if (change.PreviousColumn is { } left)
        {
            // Moved: the old column's pages named it as a neighbour too.
            await store.EvictByTagAsync(PageCache.NeighboursTag(change.ContentType, left), cancellationToken);
        }

        if (change.Kind == ContentChangeKind.Deleted)
        {
            // A deletion does not say which column the item was in: every page of its type may link to it.
            await store.EvictByTagAsync(PageCache.TypeTag(change.ContentType), cancellationToken);
        }
    }

    /// <summary>A recorded step changed a proposal's status: its page and every list showing statuses.</summary>
    public async ValueTask OnStatusChangedAsync(string contentItemId, CancellationToken cancellationToken)
    {
        await store.EvictByTagAsync(PageCache.ItemTag(contentItemId), cancellationToken);
        await store.EvictByTagAsync(PageCache.ListsTag, cancellationToken);
    }

    /// <summary>头条, 置顶, 推荐 or a highlight changed: the item's page and every list that may show it. An empty id is a site-wide change by the clock (公告条, 哀悼模式): every page.</summary>
    public async ValueTask OnCurationChangedAsync(string contentItemId, CancellationToken cancellationToken)
    {
        if (contentItemId.Length == 0)
        {
            await store.EvictByTagAsync(PageCache.SiteTag, cancellationToken);
            return;
        }

        await store.EvictByTagAsync(PageCache.ItemTag(contentItemId), cancellationToken);
        await store.EvictByTagAsync(PageCache.ListsTag, cancellationToken);
    }

    public ValueTask OnSettingsChangedAsync(CancellationToken cancellationToken) =>
        store.EvictByTagAsync(PageCache.SiteTag, cancellationToken);
}
