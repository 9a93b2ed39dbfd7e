using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;

namespace PublicitySite.Contents;

/// <summary>
/// Every change to content goes through here: versions are never edited in place, at most one version of an
/// item is published, and sinks hear of a change only after it is committed.
/// </summary>
public sealed partial class ContentManager(
    AppDbContext db,
    SiteDefinitionStore definitions,
    IEnumerable<IContentChangeSink> sinks,
    IEnumerable<IContentChangeStager> stagers,
    TimeProvider clock)
{
    private readonly List<ContentChange> pending = [];
    private readonly List<ContentChange> insideTransaction = [];

    /// <summary>
    /// For callers that wrap several changes in their own transaction: call after it commits. Sinks heard of
    /// those changes when they were saved — inside the transaction, so the ones that write rows in it (the
    /// proposal and member indexers) could — and are told again now, so the ones that read from other
    /// connections (search, the page and read caches, webhooks) see the committed state. Sinks treat a change
    /// as "look again at this item", so hearing it twice is harmless.
    /// </summary>
    public async Task NotifyCommittedAsync(CancellationToken cancellationToken = default)
    {
        var changes = insideTransaction.ToList();
        insideTransaction.Clear();
        await NotifyAsync(changes, cancellationToken);
    }

    public async Task<Result<ContentItemVersion>> CreateAsync(string contentType, JsonObject values, string author, string? importKey = null, CancellationToken cancellationToken = default)
    {
        var site = definitions.Current;
        if (site.FindType(contentType) is not { } type)
        {
            return Failure.Invalid.Of($"未知的内容类型“{contentType}”");
        }

        var errors = new List<string>();
        var data = Map(site, type, values, errors);
        if (errors.Count > 0)
        {
            return Failure.Invalid.Of(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var item = new ContentItem { Id = ContentIds.New(), ContentType = type.Name, Owner = author, CreatedUtc = now, LatestVersion = 1, ImportKey = importKey };
        var version = NewVersion(item, 1, type, data, author, now);
        db.ContentItems.Add(item);
        db.ContentItemVersions.Add(version);
        await SaveAsync(cancellationToken);
        AddTags(version, data);
        pending.Add(new ContentChange(item.Id, item.ContentType, ContentChangeKind.Saved, 1, version.Column));
        await SaveAndNotifyAsync(cancellationToken);
        return version;
    }

    /// <summary>
    /// Saves a new version on top of <paramref name="expectedVersion"/>. Whatever the latest version was (a
    /// draft, a version in review, the published one) stays as it was: the reviewed or public text is never
    /// changed under anyone.
    /// </summary>
    public async Task<Result<ContentItemVersion>> UpdateAsync(string id, int expectedVersion, JsonObject values, string author, CancellationToken cancellationToken = default)
    {
        var item = await db.ContentItems.FirstOrDefaultAsync(i => i.Id == id && !i.Deleted, cancellationToken);
        if (item is null)
        {
            return new Failure.NotFound();
        }

        if (item.LatestVersion != expectedVersion)
        {
            return Changed(item.LatestVersion);
        }

        var site = definitions.Current;
        var type = site.FindType(item.ContentType) ?? throw new InvalidOperationException($"Type {item.ContentType} is no longer defined.");
        var errors = new List<string>();
        var data = Map(site, type, values, errors);
        if (errors.Count > 0)
        {
            return Failure.Invalid.Of(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var previous = await db.ContentItemVersions.FirstAsync(v => v.ContentItemId == id && v.Latest, cancellationToken);
        previous.Latest = false;
        item.LatestVersion = expectedVersion + 1;
        var version = NewVersion(item, item.LatestVersion, type, data, author, now);
        db.ContentItemVersions.Add(version);
        try
        {
            await SaveAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else saved the same version in the same instant; the unique (item, number) index caught it.
            db.ChangeTracker.Clear();
            var current = await db.ContentItems.AsNoTracking().Where(i => i.Id == id).Select(i => i.LatestVersion).FirstAsync(cancellationToken);
            return Changed(current);
        }

        AddTags(version, data);
        pending.Add(new ContentChange(item.Id, item.ContentType, ContentChangeKind.Saved, version.Number, version.Column));
        await SaveAndNotifyAsync(cancellationToken);
        return version;
    }

    /// <summary>
    /// Publishes a version (the latest when none is named). With <paramref name="at"/> in the future the
    /// version is only scheduled. <paramref name="recordedUtc"/> back-dates 发布时间 for imported content.
    /// </summary>
    public async Task<Result<ContentItemVersion>> PublishAsync(string id, int? number = null, DateTime? at = null, DateTime? recordedUtc = null, CancellationToken cancellationToken = default)
    {
        var item = await db.ContentItems.FirstOrDefaultAsync(i => i.Id == id && !i.Deleted, cancellationToken);
        if (item is null)
        {
            return new Failure.NotFound();
        }

        var target = number ?? item.LatestVersion;
        var version = await db.ContentItemVersions.FirstOrDefaultAsync(v => v.ContentItemId == id && v.Number == target, cancellationToken);
        if (version is null)
        {
            return new Failure.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (at is { } when && when > now)
        {
            version.Status = ContentStatus.Scheduled;
            version.PublishedUtc = when;
            await SaveAsync(cancellationToken);
            return version;
        }

        var type = definitions.Current.FindType(item.ContentType)!;
        var published = recordedUtc ?? now;
        item.FirstPublishedUtc ??= published;
        var pathError = await AssignPathAsync(item, version, type, cancellationToken);
        if (pathError is not null)
        {
            return Failure.Invalid.Of(pathError);
        }

        var previous = await db.ContentItemVersions.Where(v => v.ContentItemId == id && v.Published && v.Id != version.Id).ToListAsync(cancellationToken);
        foreach (var old in previous)
        {
            old.Published = false;
            old.Status = ContentStatus.Archived;
        }

        version.Published = true;
        version.Status = ContentStatus.Published;
        version.PublishedUtc = item.FirstPublishedUtc;
        item.PublishedVersion = version.Number;
        var moved = previous.Select(v => v.Column).FirstOrDefault(c => c != version.Column);
        pending.Add(new ContentChange(item.Id, item.ContentType, ContentChangeKind.Published, version.Number, version.Column, moved));
        await SaveAndNotifyAsync(cancellationToken);
        return version;
    }

    /// <summary>
    /// Gives an imported item the 发布时间 it had on the site it came from, so whenever it is published (now, or
    /// after review) readers see the original date and its address carries the original year.
    /// </summary>
    public async Task<bool> KeepOriginalDateAsync(string id, DateTime originalUtc, CancellationToken cancellationToken = default)
    {
        var item = await db.ContentItems.FirstOrDefaultAsync(i => i.Id == id && !i.Deleted, cancellationToken);
        if (item is null || item.PublishedVersion is not null)
        {
            return false;
        }

        item.FirstPublishedUtc = originalUtc;
        await SaveAsync(cancellationToken);
        return true;
    }

    public async Task<Result<ContentItemVersion>> UnpublishAsync(string id, CancellationToken cancellationToken = default)
    {
        var item = await db.ContentItems.FirstOrDefaultAsync(i => i.Id == id && !i.Deleted, cancellationToken);
        var version = item is null ? null : await db.ContentItemVersions.FirstOrDefaultAsync(v => v.ContentItemId == id && v.Published, cancellationToken);
        if (item is null || version is null)
        {
            return new Failure.NotFound();
        }

        version.Published = false;
        version.Status = ContentStatus.Unpublished;
        item.PublishedVersion = null;
        pending.Add(new ContentChange(item.Id, item.ContentType, ContentChangeKind.Unpublished, version.Number, version.Column));
        await SaveAndNotifyAsync(cancellationToken);
        return version;
    }

    /// <summary>Removes an item from every public surface and from lists; its versions stay for the record.</summary>
    public async Task<Result<ContentItemVersion>> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var item = await db.ContentItems.FirstOrDefaultAsync(i => i.Id == id && !i.Deleted, cancellationToken);
        if (item is null)
        {
            return new Failure.NotFound();
        }

        var versions = await db.ContentItemVersions.Where(v => v.ContentItemId == id && v.Published).ToListAsync(cancellationToken);
        foreach (var v in versions)
        {
            v.Published = false;
            v.Status = ContentStatus.Archived;
        }

        item.Deleted = true;
        item.PublishedVersion = null;
        pending.Add(new ContentChange(item.Id, item.ContentType, ContentChangeKind.Deleted, item.LatestVersion, null));
        await SaveAndNotifyAsync(cancellationToken);
        return versions.FirstOrDefault() ?? await db.ContentItemVersions.FirstAsync(v => v.ContentItemId == id && v.Latest, cancellationToken);
    }

    private static JsonObject Map(SiteDefinition site, ContentTypeDefinition type, JsonObject values, List<string> errors)
    {
        values = (JsonObject)values.DeepClone();
        if (values.FirstOrDefault(kv => kv.Key.Equals("column", StringComparison.OrdinalIgnoreCase)) is { Key: { } key, Value: JsonValue raw }
            && site.FindColumn(raw.ToString()) is { } column && column.ContentType == type.Name)
        {
            values[key] = column.Name;
        }

        if (values.FirstOrDefault(kv => kv.Key.Equals("title", StringComparison.OrdinalIgnoreCase)) is { Key: { } titleKey, Value: JsonValue titleValue }
            && titleValue.TryGetValue<string>(out var title))
        {
            values[titleKey] = InvisibleText.Strip(title);
        }

        if (values.FirstOrDefault(kv => kv.Key.Equals("slug", StringComparison.OrdinalIgnoreCase)) is { Key: { } slugKey, Value: JsonValue slugValue }
            && slugValue.ToString() is { Length: > 0 } typed)
        {
            if (SlugRules.TryNormalize(typed, out var slug, out var error))
            {
                values[slugKey] = slug;
            }
            else
            {
                errors.Add(error!);
            }
        }

        return ContentMapper.ToParts(site, type, values, errors);
    }

    private static ContentItemVersion NewVersion(ContentItem item, int number, ContentTypeDefinition type, JsonObject data, string author, DateTime now)
    {
        var title = ContentData.GetString(data, BuiltInParts.Title, "Title") ?? "";
        var slug = ContentData.GetString(data, BuiltInParts.Autoroute, "Slug");
        var column = ContentData.GetString(data, BuiltInParts.Column, "Column");
        var json = ContentData.Serialize(data);
        return new ContentItemVersion
        {
            ContentItemId = item.Id,
            Number = number,
            Status = ContentStatus.Draft,
            Latest = true,
            ContentType = type.Name,
            Title = title,
            Slug = slug,
            Column = column,
            Author = author,
            CreatedUtc = now,
            ModifiedUtc = now,
            Data = json,
            ContentHash = ContentHash.Compute(type.Name, title, slug, column, json),
        };
    }

    /// <summary>Tags get rows of their own (needs the version's id, so after the version is saved).</summary>
    private void AddTags(ContentItemVersion version, JsonObject data)
    {
        foreach (var tag in ContentData.GetList(data, BuiltInParts.Tags, "Tags").Where(t => t.Length <= 64))
        {
            db.ContentTags.Add(new ContentTag { VersionId = version.Id, Tag = tag });
        }
    }

    /// <summary>Fixes the item's public path on publication; a changed path leaves a redirect behind.</summary>
    private async Task<string?> AssignPathAsync(ContentItem item, ContentItemVersion version, ContentTypeDefinition type, CancellationToken cancellationToken)
    {
        if (type.Route is null)
        {
            return null;
        }

        var year = SiteTime.ToLocal(item.FirstPublishedUtc!.Value).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // An empty 网址别名 reads as the title's pinyin, never as the item's random id.
        var slug = version.Slug ?? SlugRules.FromTitle(version.Title) ?? type.Name.ToLowerInvariant();
        if (type.Route.StartsWith("{slug}", StringComparison.Ordinal) && SlugRules.Reserved.Contains(slug))
        {
            return $"网址别名“{slug}”为系统保留，请换一个";
        }

        string PathFor(string s) => type.Route.Replace("{year}", year, StringComparison.Ordinal).Replace("{slug}", s, StringComparison.Ordinal).Replace("{id}", item.Id, StringComparison.Ordinal);

        var path = PathFor(slug);
        if (path == item.Path)
        {
            return null;
        }

        for (var n = 2; await IsTakenAsync(path, item.Id, cancellationToken); n++)
        {
            path = PathFor($"{slug}-{n}");
        }

        if (item.Path is { } old)
        {
            db.RouteRedirects.Add(new RouteRedirect { Path = old, ContentItemId = item.Id, CreatedUtc = clock.GetUtcNow().UtcDateTime });
        }

        var mine = await db.RouteRedirects.FirstOrDefaultAsync(r => r.Path == path && r.ContentItemId == item.Id, cancellationToken);
        if (mine is not null)
        {
            db.RouteRedirects.Remove(mine);
        }

        item.Path = path;
        return null;
    }

    private async Task<bool> IsTakenAsync(string path, string itemId, CancellationToken cancellationToken) =>
        await db.ContentItems.AnyAsync(i => i.Path == path && i.Id != itemId, cancellationToken)
        || await db.RouteRedirects.AnyAsync(r => r.Path == path && r.ContentItemId != itemId, cancellationToken)
        || db.ContentItems.Local.Any(i => i.Path == path && i.Id != itemId);

    private Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    /// <summary>Someone saved a version after the one the writer started from.</summary>
    private static Failure Changed(int current) =>
        ContentFailures.Conflict($"内容已被他人修改（当前为第 {current} 版），请基于最新版本重新编辑", current);

    private async Task SaveAndNotifyAsync(CancellationToken cancellationToken)
    {
        foreach (var change in pending)
        {
            foreach (var stager in stagers)
            {
                await stager.StageAsync(db, change, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var changes = pending.ToList();
        pending.Clear();
        if (batch is not null)
        {
            batch.AddRange(changes);
            return;
        }

        if (db.Database.CurrentTransaction is not null)
        {
            insideTransaction.AddRange(changes);
        }

        await NotifyAsync(changes, cancellationToken);
    }

    private async Task NotifyAsync(List<ContentChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            foreach (var sink in sinks)
            {
                await sink.OnChangedAsync(change, cancellationToken);
            }
        }
    }
}
