using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Media;
using PublicitySite.RichText;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.SiteMigration;

/// <summary>An article read from the old site with its downloaded pictures and attachments.</summary>
internal sealed record ArticleImport(MigrationMapping Mapping, ItemRule Rule, Uri Url, string OldPath, ParsedArticle Article, IReadOnlyDictionary<Uri, Fetched> Files, LegacyAddress? Existing);

/// <summary>
/// Everything a run writes. Each article is one transaction: its files into the media library through the
/// uploader's checks, the item created or edited through <see cref="WorkflowService"/> (the editor's way in:
/// permission, Office-paste cleaning and the allow-list, audit), published with its original date when asked,
/// its old address and the run's counts — so a kill leaves the article wholly there or wholly absent.
/// </summary>
public sealed class MigrationWriter(AppDbContext db, WorkflowService workflow, ContentManager contents, MediaUploader uploader, AuditLog audit, SiteDefinitionStore definitions, TimeProvider clock)
{
    public const string MediaFolder = "网站迁移";
    public const string PublishAction = "migration.publish";
    public const string RunAction = "migration.run";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<MigrationRun> StartRunAsync(MigrationReport report, MigrationOptions options, CancellationToken cancellationToken)
    {
        var run = await db.Set<MigrationRun>().Where(r => r.BaseUrl == report.BaseUrl && r.FinishedUtc == null).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            run = new MigrationRun { BaseUrl = report.BaseUrl, StartedBy = options.Actor.Name, StartedUtc = Now, Publish = options.Publish };
            db.Add(run);
        }
        else
        {
            run.Resumes++;
            run.Publish |= options.Publish;
            report.Imported = run.Imported;
            report.Updated = run.Updated;
            report.Skipped = run.Skipped;
            report.Failed = run.Failed;
            report.Problems.AddRange(MigrationReport.ReadProblems(run.Problems));
        }

        await db.SaveChangesAsync(cancellationToken);
        report.RunId = run.Id;
        report.Resumes = run.Resumes;
        return run;
    }

    public async Task<bool> HasFileAsync(string oldPath, CancellationToken cancellationToken) =>
        await db.Set<LegacyAddress>().AnyAsync(a => a.OldPath == oldPath && a.Kind == LegacyKind.File, cancellationToken);

    public async Task FailAsync(MigrationRun? run, MigrationReport report, string url, string reason, CancellationToken cancellationToken)
    {
        report.Fail(url, reason);
        if (run is not null)
        {
            await SaveCountsAsync(run, report, cancellationToken);
        }
    }

    public async Task UnchangedAsync(MigrationRun? run, string oldPath, MigrationReport report, CancellationToken cancellationToken)
    {
        if (run is null)
        {
            return;
        }

        var row = await db.Set<LegacyAddress>().FirstAsync(a => a.OldPath == oldPath, cancellationToken);
        row.LastRunId = run.Id;
        await SaveCountsAsync(run, report, cancellationToken);
    }

    internal async Task SaveArticleAsync(ArticleImport import, MigrationOptions options, MigrationRun run, MigrationReport report, CancellationToken cancellationToken)
    {
        var url = import.Url.ToString();
        if (import.Existing?.ContentItemId is { } oldId && !await db.ContentItems.AnyAsync(i => i.Id == oldId && !i.Deleted, cancellationToken))
        {
            report.Skipped++;
            report.Problems.Add(new MigrationProblem(url, MigrationProblem.Skipped, "新网站已删除此条，不再导入"));
            await UnchangedAsync(run, import.OldPath, report, cancellationToken);
            return;
        }

        var columnKey = import.Rule.Column is { } name ? definitions.Current.FindColumn(name)?.Key : null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var media = await StoreFilesAsync(import, options.Actor, run, report, cancellationToken);
        var html = import.Article.Rewrite(
            image => media.GetValueOrDefault(image),
            link => LinkTarget(import, link, media, report));
        var values = Values(import.Article.Title, html, import.Rule.Column, import.Article.Source, import.Article.Author);
        var saved = import.Existing?.ContentItemId is { } id
            ? await workflow.UpdateAsync(options.Actor, id, await db.ContentItems.Where(i => i.Id == id).Select(i => i.LatestVersion).FirstAsync(cancellationToken), values, cancellationToken)
            : await workflow.CreateAsync(options.Actor, import.Rule.Type, values, cancellationToken);
        if (saved.Failure is { } failure)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            report.MediaStored -= media.Count(m => m.Value.StartsWith("/media/", StringComparison.Ordinal));
            await FailAsync(run, report, url, "无法保存：" + failure.Detail, cancellationToken);
            return;
        }

        var itemId = saved.Value!.Version.ContentItemId;
        var original = import.Article.Published?.UtcDateTime;
        if (original is { } when)
        {
            await contents.KeepOriginalDateAsync(itemId, when, cancellationToken);
        }

        var wasPublished = await db.ContentItems.AnyAsync(i => i.Id == itemId && i.PublishedVersion != null, cancellationToken);
        if (options.Publish)
        {
            var published = await contents.PublishAsync(itemId, recordedUtc: original ?? Now, cancellationToken: cancellationToken);
            if (published.Failure is { } notPublished)
            {
                report.Problems.Add(new MigrationProblem(url, MigrationProblem.Skipped, "已导入但未发布：" + notPublished.Detail));
            }
        }

        var row = await db.Set<LegacyAddress>().FirstOrDefaultAsync(a => a.OldPath == import.OldPath, cancellationToken);
        if (row is null)
        {
            row = new LegacyAddress { OldPath = import.OldPath, Kind = LegacyKind.Article, ImportedUtc = Now };
            db.Add(row);
            report.Imported++;
        }
        else
        {
            report.Updated++;
            report.Problems.Add(new MigrationProblem(url, "更新", "旧网站上的页面已改变，已更新为新版本" + (options.Publish || wasPublished ? "" : "（草稿）")));
        }

        row.ContentItemId = itemId;
        row.ColumnKey = columnKey;
        row.SourceHash = import.Article.Hash;
        row.LastRunId = run.Id;
        row.UpdatedUtc = Now;
        CopyCounts(await db.Set<MigrationRun>().FirstAsync(r => r.Id == run.Id, cancellationToken), report);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await contents.NotifyCommittedAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The old list pages, each to the column most of its articles went to.</summary>
    public async Task ListPagesAsync(Dictionary<string, List<string?>> lists, MigrationRun run, CancellationToken cancellationToken)
    {
        var site = definitions.Current;
        foreach (var (path, columns) in lists)
        {
            var column = columns.Where(c => c is not null).GroupBy(c => c).OrderByDescending(g => g.Count()).Select(g => site.FindColumn(g.Key!)?.Key).FirstOrDefault();
            if (column is null)
            {
                continue;
            }

            var row = await db.Set<LegacyAddress>().FirstOrDefaultAsync(a => a.OldPath == path, cancellationToken);
            if (row is null)
            {
                db.Add(new LegacyAddress { OldPath = path, Kind = LegacyKind.List, ColumnKey = column, LastRunId = run.Id, ImportedUtc = Now, UpdatedUtc = Now });
            }
            else if (row.Kind == LegacyKind.List && row.ColumnKey != column)
            {
                row.ColumnKey = column;
                row.UpdatedUtc = Now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Links to articles imported after the one that links to them still carry the old path; now that every
    /// article has its item, those pointing at a published item get its address (a new version, audited).
    /// </summary>
    public async Task RewriteLinksAsync(MigrationOptions options, MigrationRun run, MigrationReport report, CancellationToken cancellationToken)
    {
        var targets = await db.Set<LegacyAddress>().AsNoTracking()
            .Where(a => a.Kind == LegacyKind.Article)
            .Join(db.ContentItems.Where(i => i.Path != null && i.PublishedVersion != null && !i.Deleted), a => a.ContentItemId, i => i.Id, (a, i) => new { a.OldPath, i.Path })
            .ToDictionaryAsync(x => x.OldPath, x => "/" + x.Path, cancellationToken);
        var mine = await db.Set<LegacyAddress>().AsNoTracking().Where(a => a.Kind == LegacyKind.Article && a.LastRunId == run.Id && a.ContentItemId != null).Select(a => a.ContentItemId!).ToListAsync(cancellationToken);
        foreach (var id in mine)
        {
            var latest = await db.ContentItemVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ContentItemId == id && v.Latest, cancellationToken);
            if (latest is null || RichBody.OfJson(latest.Data) is not { IsHtml: true } body)
            {
                continue;
            }

            var document = new HtmlParser().ParseDocument("<body>" + body.Source + "</body>");
            var changed = 0;
            foreach (var a in document.Body!.QuerySelectorAll("a[href^='/']"))
            {
                if (targets.GetValueOrDefault(a.GetAttribute("href")!) is { } address)
                {
                    a.SetAttribute("href", address);
                    changed++;
                }
            }

            if (changed == 0)
            {
                continue;
            }

            var data = ContentData.Parse(latest.Data);
            var values = Values(latest.Title, document.Body.InnerHtml, latest.Column,
                ContentData.GetString(data, BuiltInParts.Byline, "Source"), ContentData.GetString(data, BuiltInParts.Byline, "Author"));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var saved = await workflow.UpdateAsync(options.Actor, id, latest.Number, values, cancellationToken);
            if (saved.Succeeded && latest.Published)
            {
                await contents.PublishAsync(id, cancellationToken: cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            await contents.NotifyCommittedAsync(cancellationToken);
            db.ChangeTracker.Clear();
            report.LinksRewritten += saved.Succeeded ? changed : 0;
        }
    }

    public async Task FinishRunAsync(MigrationRun run, MigrationReport report, MigrationOptions options, CancellationToken cancellationToken)
    {
        report.Finished = clock.GetUtcNow();
        var tracked = await db.Set<MigrationRun>().FirstAsync(r => r.Id == run.Id, cancellationToken);
        CopyCounts(tracked, report);
        var detail = $"网站迁移 {report.BaseUrl}：发现 {report.Found}，导入 {report.Imported}，更新 {report.Updated}，跳过 {report.Skipped}，失败 {report.Failed}";
        audit.Stage(options.Actor.Name, RunAction, report.BaseUrl, detail, address: options.Actor.Address);
        if (options.Publish && report.Imported + report.Updated > 0)
        {
            // One line for the batch: the administrator's run published this many items without review.
            audit.Stage(options.Actor.Name, PublishAction, report.BaseUrl, $"网站迁移批量发布 {report.Imported + report.Updated} 篇（未经审核流程，管理员导入）", address: options.Actor.Address);
        }

        if (!report.StoppedAtLimit)
        {
            tracked.FinishedUtc = Now;
        }

        tracked.Report = report.ToText();
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Dictionary<Uri, string>> StoreFilesAsync(ArticleImport import, Actor actor, MigrationRun run, MigrationReport report, CancellationToken cancellationToken)
    {
        var media = new Dictionary<Uri, string>();
        foreach (var file in import.Article.Images.Concat(import.Article.Attachments).Distinct())
        {
            var oldPath = import.Mapping.LocalPath(file)!;
            var known = await db.Set<LegacyAddress>().AsNoTracking().FirstOrDefaultAsync(a => a.OldPath == oldPath && a.Kind == LegacyKind.File, cancellationToken);
            if (known?.MediaId is { } existing)
            {
                media[file] = MediaUrls.Stable(existing);
                continue;
            }

            var kind = import.Article.Images.Contains(file) ? "图片" : "附件";
            if (!import.Files.TryGetValue(file, out var fetched) || fetched.Bytes is null)
            {
                report.Problems.Add(new MigrationProblem(file.ToString(), MigrationProblem.Media, $"{kind}下载失败：{fetched?.Problem ?? "未下载"}（见于 {import.Url}，正文保留）"));
                continue;
            }

            var name = Uri.UnescapeDataString(Path.GetFileName(file.AbsolutePath));
            using var stream = new MemoryStream(fetched.Bytes);
            var alt = kind == "图片" ? Clip(import.Article.Title, 200) : null;
            var uploaded = await uploader.UploadAsync(actor, stream, new MediaUpload(name, alt, Folder: MediaFolder), cancellationToken);
            if (uploaded.Value is not { } asset)
            {
                report.Problems.Add(new MigrationProblem(file.ToString(), MigrationProblem.Media, $"{kind}被拒绝：{uploaded.Failure!.Detail}（见于 {import.Url}，正文保留）"));
                continue;
            }

            media[file] = MediaUrls.Stable(asset.Id);
            report.MediaStored++;
            db.Add(new LegacyAddress { OldPath = oldPath, Kind = LegacyKind.File, MediaId = asset.Id, LastRunId = run.Id, ImportedUtc = Now, UpdatedUtc = Now });
        }

        return media;
    }

    /// <summary>Where a link in an imported body should point; null leaves it as it was (and lists it when it is a page not migrated).</summary>
    private string? LinkTarget(ArticleImport import, Uri link, Dictionary<Uri, string> media, MigrationReport report)
    {
        if (media.TryGetValue(link, out var file))
        {
            return file;
        }

        if (import.Mapping.LocalPath(link) is not { } path)
        {
            return null;
        }

        if (import.Mapping.ArticleRule(path) is not null)
        {
            var target = db.Set<LegacyAddress>().AsNoTracking().Where(a => a.OldPath == path)
                .Join(db.ContentItems.Where(i => i.Path != null && i.PublishedVersion != null), a => a.ContentItemId, i => i.Id, (a, i) => i.Path)
                .FirstOrDefault();
            if (target is null)
            {
                return path; // the old path answers 301 until the later pass sets the new one
            }

            report.LinksRewritten++;
            return "/" + target;
        }

        if (import.Mapping.IsList(path))
        {
            return path;
        }

        report.Unmigrated.Add((link.ToString(), import.Url.ToString()));
        return null;
    }

    private async Task SaveCountsAsync(MigrationRun run, MigrationReport report, CancellationToken cancellationToken)
    {
        var tracked = await db.Set<MigrationRun>().FirstAsync(r => r.Id == run.Id, cancellationToken);
        CopyCounts(tracked, report);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static void CopyCounts(MigrationRun run, MigrationReport report)
    {
        run.Found = report.Found;
        run.Imported = report.Imported;
        run.Updated = report.Updated;
        run.Skipped = report.Skipped;
        run.Failed = report.Failed;
        run.Problems = report.ProblemsJson();
    }

    private static JsonObject Values(string title, string html, string? column, string? source, string? author)
    {
        var values = new JsonObject { ["title"] = title, ["bodyHtml"] = html };
        if (column is not null)
        {
            values["column"] = column;
        }

        if (source is not null)
        {
            values["source"] = source;
        }

        if (author is not null)
        {
            values["author"] = author;
        }

        return values;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
