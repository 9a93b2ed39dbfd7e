using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Storage;

namespace PublicitySite.Workflow;

/// <summary>One version in an item's history, with its review record when it has one and every decision on it.</summary>
public sealed record VersionInfo(ContentItemVersion Version, VersionReview? Review, IReadOnlyList<ReviewStep> Steps);

/// <summary>A row of the editors' lists: the item and its latest version.</summary>
public sealed record WorkItem(ContentItem Item, ContentItemVersion Latest, VersionReview? Review);

public sealed record WorkFilter
{
    public string? ContentType { get; init; }

    public string? Column { get; init; }

    public ContentStatus? Status { get; init; }

    public string? Author { get; init; }

    public string? Search { get; init; }

    public DateTime? FromUtc { get; init; }

    public DateTime? ToUtc { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>Reads for editors (drafts included). Callers check that the reader may see drafts.</summary>
public sealed class WorkflowQueries(AppDbContext db)
{
    public async Task<WorkItem?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!ContentIds.IsValid(id))
        {
            return null;
        }

        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && !i.Deleted, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var latest = await db.ContentItemVersions.AsNoTracking().FirstAsync(v => v.ContentItemId == id && v.Number == item.LatestVersion, cancellationToken);
        var review = await db.Set<VersionReview>().AsNoTracking().FirstOrDefaultAsync(r => r.VersionId == latest.Id, cancellationToken);
        return new WorkItem(item, latest, review);
    }

    public async Task<ContentItemVersion?> VersionAsync(string id, int number, CancellationToken cancellationToken = default) =>
        await db.ContentItemVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ContentItemId == id && v.Number == number, cancellationToken);

    public async Task<IReadOnlyList<VersionInfo>> VersionsAsync(string id, CancellationToken cancellationToken = default)
    {
        var versions = await db.ContentItemVersions.AsNoTracking().Where(v => v.ContentItemId == id).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        var reviews = await db.Set<VersionReview>().AsNoTracking().Where(r => r.ContentItemId == id).ToDictionaryAsync(r => r.VersionId, cancellationToken);
        var steps = (await StepsAsync(id, null, cancellationToken)).ToLookup(s => s.VersionId);
        return versions.Select(v => new VersionInfo(v, reviews.GetValueOrDefault(v.Id), [.. steps[v.Id]])).ToList();
    }

    /// <summary>The decisions on an item's versions (or on one version), oldest first.</summary>
    public async Task<IReadOnlyList<ReviewStep>> StepsAsync(string id, int? number, CancellationToken cancellationToken = default)
    {
        var steps = db.Set<ReviewStep>().AsNoTracking().Where(s => s.ContentItemId == id);
        if (number is { } n)
        {
            steps = steps.Where(s => s.Number == n);
        }

        return await steps.OrderBy(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The 审签单 of one version, or null when the item or version does not exist.</summary>
    public async Task<SignOffSheet?> SignOffAsync(Contents.Definitions.SiteDefinition site, string id, int number, CancellationToken cancellationToken = default)
    {
        if (!ContentIds.IsValid(id) || await VersionAsync(id, number, cancellationToken) is not { } version)
        {
            return null;
        }

        var steps = await StepsAsync(id, number, cancellationToken);
        var names = await DisplayNamesAsync(steps.Select(s => s.By).Append(version.Author), cancellationToken);
        return SignOffSheet.Build(site, version, steps, names);
    }

    /// <summary>Display names of the given accounts (the name itself when an account has none or is gone).</summary>
    public async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        var wanted = names.Distinct().ToList();
        var found = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.UserName!)).Select(u => new { u.UserName, u.DisplayName }).ToListAsync(cancellationToken);
        return wanted.ToDictionary(n => n, n => found.FirstOrDefault(u => u.UserName == n)?.DisplayName is { Length: > 0 } d ? d : n);
    }

    public async Task<(int Total, IReadOnlyList<WorkItem> Items)> ListAsync(WorkFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = Latest();
        if (filter.ContentType is { } type)
        {
            rows = rows.Where(r => r.Version.ContentType == type);
        }

        if (filter.Column is { } column)
        {
            rows = rows.Where(r => r.Version.Column == column);
        }

        if (filter.Status is { } status)
        {
            rows = rows.Where(r => r.Version.Status == status);
        }

        if (filter.Author is { } author)
        {
            rows = rows.Where(r => r.Item.Owner == author || r.Version.Author == author);
        }

        if (filter.Search is { Length: > 0 } search)
        {
            rows = rows.Where(r => r.Version.Title.Contains(search));
        }

        if (filter.FromUtc is { } from)
        {
            rows = rows.Where(r => r.Version.ModifiedUtc >= from);
        }

        if (filter.ToUtc is { } to)
        {
            rows = rows.Where(r => r.Version.ModifiedUtc < to);
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(r => r.Version.ModifiedUtc).ThenByDescending(r => r.Version.Id)
            .Skip(PublicitySite.Commands.Paging.Offset(filter.Page, filter.PageSize)).Take(filter.PageSize).ToListAsync(cancellationToken);
        return (total, await WithReviewsAsync(page, cancellationToken));
    }

    /// <summary>Items in review, with the stage each waits at; the caller keeps those the reader may act on.</summary>
    public async Task<IReadOnlyList<WorkItem>> InReviewAsync(CancellationToken cancellationToken = default)
    {
        var rows = await Latest().Where(r => r.Version.Status == ContentStatus.InReview).OrderBy(r => r.Version.ModifiedUtc).Take(500).ToListAsync(cancellationToken);
        return await WithReviewsAsync(rows, cancellationToken);
    }

    /// <summary>My drafts that a reviewer sent back, with the reason.</summary>
    public async Task<IReadOnlyList<WorkItem>> ReturnedToAsync(string user, CancellationToken cancellationToken = default)
    {
        var rows = await Latest().Where(r => r.Version.Status == ContentStatus.Draft && (r.Item.Owner == user || r.Version.Author == user))
            .Where(r => db.Set<VersionReview>().Any(x => x.VersionId == r.Version.Id && x.RejectComment != null))
            .OrderByDescending(r => r.Version.ModifiedUtc).Take(100).ToListAsync(cancellationToken);
        return await WithReviewsAsync(rows, cancellationToken);
    }

    public async Task<IReadOnlyList<ScheduledAction>> PendingSchedulesAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ScheduledAction>().AsNoTracking().Where(a => a.DoneUtc == null).OrderBy(a => a.DueUtc).Take(100).ToListAsync(cancellationToken);

    private IQueryable<Row> Latest() =>
        db.ContentItems.AsNoTracking().Where(i => !i.Deleted)
            .Join(db.ContentItemVersions.AsNoTracking(), i => new { Id = i.Id, Number = i.LatestVersion }, v => new { Id = v.ContentItemId, v.Number }, (i, v) => new Row { Item = i, Version = v });

    private async Task<IReadOnlyList<WorkItem>> WithReviewsAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Version.Id).ToList();
        var reviews = await db.Set<VersionReview>().AsNoTracking().Where(r => ids.Contains(r.VersionId)).ToDictionaryAsync(r => r.VersionId, cancellationToken);
        return rows.Select(r => new WorkItem(r.Item, r.Version, reviews.GetValueOrDefault(r.Version.Id))).ToList();
    }

    private sealed class Row
    {
        public required ContentItem Item { get; init; }

        public required ContentItemVersion Version { get; init; }
    }
}
