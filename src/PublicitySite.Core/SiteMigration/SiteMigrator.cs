using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.SiteMigration;

/// <summary>How a run was asked for: by whom, publish or not, a dry run, a page limit.</summary>
public sealed record MigrationOptions(Actor Actor, bool DryRun = false, bool Publish = false, int? MaxPages = null);

/// <summary>Where a run is, for a progress bar.</summary>
public sealed record MigrationProgress(string Phase, int Done, int Total, string Current, MigrationReport Report);

/// <summary>
/// The crawl importer behind <c>migrate-site</c> and the admin's 网站迁移: list pages are walked (start pages and
/// <c>follow</c> matches, their pagination included), each page matching an <c>items</c> rule becomes an item
/// through the content workflow (<see cref="MigrationWriter"/>), and every old address is kept in the 301 map.
/// A run that stops (Ctrl-C, kill, the page limit) is taken up again by the next run for the same site.
/// </summary>
public sealed class SiteMigrator(AppDbContext db, SiteDefinitionStore definitions, MigrationWriter writer, TimeProvider clock)
{
    /// <summary>Reaches the first start page (after robots.txt) so an unreachable site stops a run before anything is written.</summary>
    public static async Task<string?> ProbeAsync(MigrationMapping mapping, CancellationToken cancellationToken)
    {
        using var fetcher = new PoliteFetcher(mapping with { Retries = Math.Min(mapping.Retries, 1) });
        var answer = await fetcher.GetAsync(new Uri(mapping.BaseUrl, mapping.Start[0]), cancellationToken);
        return answer.Unreachable ? $"无法连接旧网站 {mapping.BaseUrl}：{answer.Problem}" : null;
    }

    /// <summary>Checks what only the recipe can say: each rule's type and column exist (names the key otherwise).</summary>
    public void CheckRules(MigrationMapping mapping)
    {
        var site = definitions.Current;
        for (var i = 0; i < mapping.Items.Count; i++)
        {
            var rule = mapping.Items[i];
            if (site.FindType(rule.Type) is not { } type)
            {
                throw new MappingException($"items[{i}].type", $"没有内容类型“{rule.Type}”（可用：{string.Join("、", site.Types.Select(t => t.Name))}）");
            }

            if (rule.Column is { } column && (site.FindColumn(column) is not { } found || found.ContentType != type.Name))
            {
                throw new MappingException($"items[{i}].column", $"{type.Name} 没有栏目“{column}”（可用：{string.Join("、", site.Columns.Where(c => c.ContentType == type.Name).Select(c => c.Name))}）");
            }
        }
    }

    public async Task<MigrationReport> RunAsync(MigrationMapping mapping, MigrationOptions options, IProgress<MigrationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckRules(mapping);
        var baseUrl = mapping.BaseUrl.ToString();
        var report = new MigrationReport { BaseUrl = baseUrl, DryRun = options.DryRun, Publish = options.Publish, Started = clock.GetUtcNow() };
        var run = options.DryRun ? null : await writer.StartRunAsync(report, options, cancellationToken);
        using var fetcher = new PoliteFetcher(mapping);
        await fetcher.LoadRobotsAsync(cancellationToken);

        var (articles, lists) = await CrawlListsAsync(mapping, options, fetcher, report, progress, cancellationToken);
        report.Found = articles.Count;
        var done = 0;
        foreach (var (url, rule) in articles)
        {
            progress?.Report(new MigrationProgress("文章", done++, articles.Count, url.ToString(), report));
            if (options.MaxPages is { } max && report.PagesFetched >= max)
            {
                report.StoppedAtLimit = true;
                break;
            }

            await ArticleAsync(mapping, options, fetcher, run, url, rule, report, cancellationToken);
            report.Requests = fetcher.Requests;
        }

        progress?.Report(new MigrationProgress("文章", articles.Count, articles.Count, "", report));
        report.Requests = fetcher.Requests;
        if (run is not null)
        {
            await writer.ListPagesAsync(lists, run, cancellationToken);
            await writer.RewriteLinksAsync(options, run, report, cancellationToken);
            await writer.FinishRunAsync(run, report, options, cancellationToken);
        }
        else
        {
            report.Finished = clock.GetUtcNow();
        }

        return report;
    }

    /// <summary>Walks the list pages; returns the articles in the order found and each list page's articles' columns.</summary>
    private static async Task<(List<(Uri Url, ItemRule Rule)> Articles, Dictionary<string, List<string?>> Lists)> CrawlListsAsync(
        MigrationMapping mapping, MigrationOptions options, PoliteFetcher fetcher, MigrationReport report, IProgress<MigrationProgress>? progress, CancellationToken cancellationToken)
    {
        var articles = new List<(Uri, ItemRule)>();
        var seenArticles = new HashSet<string>();
        var lists = new Dictionary<string, List<string?>>();
        var queue = new Queue<Uri>(mapping.Start.Select(s => new Uri(mapping.BaseUrl, s)));
        var seen = new HashSet<string>(mapping.Start);
        while (queue.Count > 0)
        {
            var page = queue.Dequeue();
            var path = mapping.LocalPath(page)!;
            progress?.Report(new MigrationProgress("栏目页", lists.Count, lists.Count + queue.Count + 1, page.ToString(), report));
            if (options.MaxPages is { } max && report.PagesFetched >= max)
            {
                report.StoppedAtLimit = true;
                break;
            }

            var answer = await fetcher.GetAsync(page, cancellationToken);
            report.PagesFetched++;
            if (answer.Bytes is null)
            {
                report.Problems.Add(new MigrationProblem(page.ToString(), MigrationProblem.List, answer.Problem!));
                continue;
            }

            var columns = lists[path] = [];
            foreach (var link in ArticleExtractor.Links(PageDecoder.Decode(answer.Bytes, answer.Charset), page))
            {
                if (mapping.LocalPath(link) is not { } linkPath)
                {
                    continue;
                }

                if (mapping.ArticleRule(linkPath) is { } rule)
                {
                    columns.Add(rule.Column);
                    if (seenArticles.Add(linkPath))
                    {
                        articles.Add((link, rule));
                    }
                }
                else if (mapping.IsList(linkPath) && seen.Add(linkPath))
                {
                    queue.Enqueue(link);
                }
            }
        }

        report.ListPages = lists.Count;
        return (articles, lists);
    }

    private async Task ArticleAsync(MigrationMapping mapping, MigrationOptions options, PoliteFetcher fetcher, MigrationRun? run, Uri url, ItemRule rule, MigrationReport report, CancellationToken cancellationToken)
    {
        var path = mapping.LocalPath(url)!;
        var existing = await db.Set<LegacyAddress>().AsNoTracking().FirstOrDefaultAsync(a => a.OldPath == path, cancellationToken);
        if (run is not null && existing?.LastRunId == run.Id)
        {
            return; // done before this run was interrupted; its counts were saved then
        }

        var answer = await fetcher.GetAsync(url, cancellationToken);
        report.PagesFetched++;
        if (answer.Bytes is null)
        {
            await writer.FailAsync(run, report, url.ToString(), answer.Problem!, cancellationToken);
            return;
        }

        var (article, problem) = ArticleExtractor.Read(PageDecoder.Decode(answer.Bytes, answer.Charset), url, mapping);
        if (article is null)
        {
            await writer.FailAsync(run, report, url.ToString(), problem!, cancellationToken);
            return;
        }

        if (existing is not null && existing.SourceHash == article.Hash)
        {
            report.Skipped++;
            await writer.UnchangedAsync(run, path, report, cancellationToken);
            return;
        }

        if (run is null)
        {
            _ = existing is null ? report.Imported++ : report.Updated++;
            report.WouldImport.Add((url.ToString(), article.Title, article.Published));
            return;
        }

        var files = new Dictionary<Uri, Fetched>();
        foreach (var file in article.Images.Concat(article.Attachments).Where(f => !files.ContainsKey(f)))
        {
            if (!await writer.HasFileAsync(mapping.LocalPath(file)!, cancellationToken))
            {
                files[file] = await fetcher.GetAsync(file, cancellationToken);
            }
        }

        await writer.SaveArticleAsync(new ArticleImport(mapping, rule, url, path, article, files, existing), options, run, report, cancellationToken);
    }
}
