using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using PublicitySite.Web.Caching;
using PublicitySite.Web.Site;

namespace PublicitySite.Web.StaticPublish;

/// <summary>
/// Keeps the publish directories equal to the public site. On start it renders every public page (the
/// sitemap's, the fixed pages, and every page they link to); afterwards each tag the page cache evicts
/// re-renders exactly the files whose pages carry that tag: a page that now answers 404 has its files
/// removed, a page that appears in a re-rendered list or sitemap is written. Changes are picked up within
/// tens of milliseconds and written atomically.
/// </summary>
internal sealed partial class StaticPublisher(
    PageRenderer renderer,
    ThemeRenderer theme,
    IOptions<StaticPublishOptions> options,
    ILogger<StaticPublisher> logger) : IPageEvictionListener
{
    /// <summary>Pages that carry no tags of their own (directories, member and proposal pages) follow every list and setting change.</summary>
    private static readonly string[] UntaggedFollow = [PageCache.SiteTag, PageCache.ListsTag];

    private readonly Channel<string> evicted = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false }); // counted by Idle
    private readonly Dictionary<string, string[]> tagsByPath = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly TaskCompletionSource firstRebuild = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PublishTargets? Targets { get; private set; } = options.Value.Targets() is { Count: > 0 } dirs ? new PublishTargets(dirs) : null;

    public bool Enabled => Targets is not null;

    /// <summary>No eviction waiting and nothing being written.</summary>
    public bool Idle => evicted.Reader.Count == 0 && writing.CurrentCount == 1;

    /// <summary>Completes when the background loop's first full rebuild is written.</summary>
    public Task FirstRebuild => firstRebuild.Task;

    /// <summary>Set by the <c>publish</c> verb, which rebuilds once itself instead of the background loop.</summary>
    public bool RunByVerb { get; set; }

    /// <summary>Paths currently published.</summary>
    public IReadOnlyCollection<string> Paths
    {
        get
        {
            lock (tagsByPath)
            {
                return [.. tagsByPath.Keys];
            }
        }
    }

    /// <summary>Points publishing at other directories (the <c>publish</c> verb's argument).</summary>
    public void UseDirectories(IReadOnlyList<string> directories) => Targets = new PublishTargets(directories);

    void IPageEvictionListener.OnEvicted(string tag)
    {
        if (Enabled)
        {
            evicted.Writer.TryWrite(tag);
        }
    }

    /// <summary>Renders every public page into the directories and removes files of pages that are gone.</summary>
    public async Task<PublishReport> RebuildAsync(IProgress<(int Done, int Known)>? progress, CancellationToken cancellationToken)
    {
        var targets = Targets ?? throw new InvalidOperationException("no publish directory");
        await writing.WaitAsync(cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            lock (tagsByPath)
            {
                tagsByPath.Clear();
            }

            // Styles and scripts first, so published pages look right while the application is stopped.
            await targets.CopyTreeAsync(Path.Combine(theme.ThemeDir, "assets"), AssetsFolder, cancellationToken);
            var queue = new Queue<string>(StartPaths);
            var seen = new HashSet<string>(queue, StringComparer.Ordinal);
            var written = new HashSet<string>(StringComparer.Ordinal);
            var failed = 0;
            while (queue.TryDequeue(out var path) && written.Count < options.Value.MaxPages)
            {
                var outcome = await PublishAsync(targets, path, cancellationToken);
                if (outcome.File is { } file)
                {
                    written.Add(file);
                }

                failed += outcome.Failed ? 1 : 0;
                foreach (var link in outcome.Links.Where(seen.Add))
                {
                    queue.Enqueue(link);
                }

                progress?.Report((seen.Count - queue.Count, seen.Count));
            }

            var removed = RemoveLeftovers(targets, written);
            return new PublishReport(written.Count, removed, failed, clock.Elapsed);
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>The background loop: a full rebuild, then the evicted tags as they come.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            var report = await RebuildAsync(null, stopping);
            LogRebuilt(report.Pages, report.Elapsed.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogRefreshFailed(ex, "*");
        }

        firstRebuild.TrySetResult();

        while (await evicted.Reader.WaitToReadAsync(stopping))
        {
            // A commit evicts several tags one after another: take them together.
            await Task.Delay(options.Value.Settle, stopping);
            var tags = new HashSet<string>(StringComparer.Ordinal);
            while (evicted.Reader.TryRead(out var tag))
            {
                tags.Add(tag);
            }

            try
            {
                await RefreshAsync(tags, stopping);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                LogRefreshFailed(ex, string.Join(',', tags));
            }
        }
    }

    /// <summary>Re-renders the pages carrying any of <paramref name="tags"/>, and pages they newly link to.</summary>
    public async Task RefreshAsync(IReadOnlySet<string> tags, CancellationToken cancellationToken)
    {
        var targets = Targets ?? throw new InvalidOperationException("no publish directory");
        await writing.WaitAsync(cancellationToken);
        try
        {
            List<string> affected;
            lock (tagsByPath)
            {
                affected = [.. tagsByPath.Where(p => p.Value.Any(tags.Contains)).Select(p => p.Key).OrderBy(p => p switch { "/" => 0, "/sitemap.xml" => 1, _ => 2 })];
            }

            // A page newly linked (a new item on the home page) is written right after the page linking it.
            var pending = new LinkedList<string>(affected);
            var seen = new HashSet<string>(affected, StringComparer.Ordinal);
            while (pending.First is { } next)
            {
                pending.RemoveFirst();
                var outcome = await PublishAsync(targets, next.Value, cancellationToken);
                foreach (var link in outcome.Links.Where(l => seen.Add(l) && !IsPublished(l)).Reverse())
                {
                    pending.AddFirst(link);
                }
            }
        }
        finally
        {
            writing.Release();
        }
    }

    private string AssetsFolder => Path.Combine("themes", theme.ThemeName);

    private static readonly string[] FixedStartPaths = ["/sitemap.xml", "/", "/rss.xml", "/robots.txt"];

    private IEnumerable<string> StartPaths => FixedStartPaths.Concat(options.Value.ExtraPaths);

    private bool IsPublished(string path)
    {
        lock (tagsByPath)
        {
            return tagsByPath.ContainsKey(path);
        }
    }

    private async Task<Outcome> PublishAsync(PublishTargets targets, string path, CancellationToken cancellationToken)
    {
        if (PublishTargets.RelativeFile(path) is not { } file)
        {
            return new Outcome(null, [], false);
        }

        var page = await renderer.RenderAsync(options.Value.OriginUri, path, cancellationToken);
        if (page is null || page.Status >= 500)
        {
            // A failing or personal answer leaves the last good file in place.
            LogNotPublished(path, page?.Status ?? 0);
            return new Outcome(null, [], true);
        }

        if (page.Status != StatusCodes.Status200OK)
        {
            targets.Delete(file);
            lock (tagsByPath)
            {
                tagsByPath.Remove(path);
            }

            return new Outcome(null, [], false);
        }

        await targets.WriteAsync(file, page, cancellationToken);
        lock (tagsByPath)
        {
            tagsByPath[path] = !page.Tags.Any(t => t != PageCache.SiteTag) ? UntaggedFollow : [.. page.Tags];
        }

        return new Outcome(file, Links(page), false);
    }

    /// <summary>Site-internal links of a page (and a sitemap's locations) that can be files: no query but a page number.</summary>
    private IEnumerable<string> Links(FastPage page)
    {
        var type = page.ContentType ?? "";
        if (!type.Contains("html", StringComparison.OrdinalIgnoreCase) && !type.Contains("xml", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var text = Encoding.UTF8.GetString(page.Identity);
        var origin = options.Value.OriginUri.GetLeftPart(UriPartial.Authority);
        var found = new List<string>();
        foreach (Match match in LinkPattern().Matches(text))
        {
            var link = System.Net.WebUtility.HtmlDecode(match.Groups["href"].Success ? match.Groups["href"].Value : match.Groups["loc"].Value);
            if (link.StartsWith(origin, StringComparison.OrdinalIgnoreCase))
            {
                link = link[origin.Length..];
            }

            link = link.Split('#', 2)[0];
            if (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && Publishable(link))
            {
                found.Add(link);
            }
        }

        return found;
    }

    private bool Publishable(string link)
    {
        var query = link.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? link : link[..query];
        if (query >= 0 && !PageQuery().IsMatch(link[query..]))
        {
            return false;
        }

        return !options.Value.DynamicPrefixes.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase) || path.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase))
            && PublishTargets.RelativeFile(link) is not null;
    }

    private int RemoveLeftovers(PublishTargets targets, HashSet<string> written)
    {
        var assets = AssetsFolder + Path.DirectorySeparatorChar;
        var removed = 0;
        foreach (var directory in targets.Directories)
        {
            foreach (var file in PublishTargets.PublishedFiles(directory).ToList())
            {
                if (!written.Contains(file) && !file.StartsWith(assets, StringComparison.Ordinal) && IsPageFile(file))
                {
                    targets.Delete(file);
                    removed++;
                }
            }
        }

        return removed;
    }

    private static bool IsPageFile(string file) =>
        Path.GetFileName(file) is "index.html" or "sitemap.xml" or "rss.xml" or "robots.txt" or "feed.xml"
        || PageFile().IsMatch(Path.GetFileName(file));

    [GeneratedRegex("""href="(?<href>[^"]*)"|<loc>(?<loc>[^<]*)</loc>""")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("^\\?page=[0-9]{1,6}$")]
    private static partial Regex PageQuery();

    [GeneratedRegex("^page-[0-9]+\\.html$")]
    private static partial Regex PageFile();

    [LoggerMessage(Level = LogLevel.Information, Message = "静态发布：已生成 {Pages} 个页面，用时 {Milliseconds:F0} ms")]
    private partial void LogRebuilt(int pages, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "静态发布：{Path} 回答 {Status}，保留原文件")]
    private partial void LogNotPublished(string path, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "静态发布：更新失败（{Tags}）")]
    private partial void LogRefreshFailed(Exception exception, string tags);

    private sealed record Outcome(string? File, IEnumerable<string> Links, bool Failed);
}

internal sealed record PublishReport(int Pages, int Removed, int Failed, TimeSpan Elapsed);
