using Microsoft.EntityFrameworkCore;
using PublicitySite.Media;
using PublicitySite.Storage;

namespace PublicitySite.Proposals;

/// <summary>
/// Reply PDFs a proposal's timeline links to. They are stored as <c>/media/{id}</c> on 已答复 events, not in
/// the proposal's content data, so only this source tells the media library they are in use.
/// </summary>
internal sealed class ProposalReplyMedia(AppDbContext db) : IMediaUsageSource
{
    public const string Use = "提案答复";

    public async Task<IReadOnlyList<MediaUsageEntry>> UsesOfAsync(string mediaId, CancellationToken cancellationToken)
    {
        var address = MediaUrls.Stable(mediaId);
        var events = await db.Set<ProposalEvent>().AsNoTracking()
            .Where(e => e.ReplyPdf != null && e.ReplyPdf.Contains(address))
            .Select(e => new { e.ContentItemId, e.ReplyPdf })
            .ToListAsync(cancellationToken);
        // Contains also matches a longer id that starts with this one; only an exact address (or one of its files) counts.
        var ids = events.Where(e => Links(e.ReplyPdf!, address)).Select(e => e.ContentItemId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await (from i in db.ContentItems
                          join v in db.ContentItemVersions on i.Id equals v.ContentItemId
                          join r in db.Set<ProposalRecord>() on i.Id equals r.ContentItemId into records
                          from r in records.DefaultIfEmpty()
                          where ids.Contains(i.Id) && v.Latest && !i.Deleted
                          orderby v.ModifiedUtc descending
                          select new { i.Id, i.ContentType, v.Title, Published = i.PublishedVersion != null, i.Path, Number = r == null ? null : r.Number })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MediaUsageEntry(r.Id, r.ContentType, r.Title, r.Published, r.Path) { Number = r.Number, Use = Use }).ToList();
    }

    private static bool Links(string url, string address)
    {
        var at = url.IndexOf(address, StringComparison.Ordinal);
        return at >= 0 && (at + address.Length == url.Length || !char.IsAsciiLetterOrDigit(url[at + address.Length]));
    }
}
