using System.Diagnostics;
using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Site;
using PublicitySite.Web.StaticPublish;

namespace PublicitySite.Tests.StaticPublish;

/// <summary>
/// 静态发布 with <c>StaticPublish:Directory</c>: every public page as a file with compressed copies, in the
/// main and the mirror directory, rewritten after each commit for exactly the pages its tags name.
/// </summary>
public sealed class StaticPublishTests
{
    /// <summary>Generous: the whole suite shares two cores with browsers and databases.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_public_page_is_written_with_gz_and_br_copies_into_both_directories()
    {
        using var publish = new TestDirectory();
        using var mirror = new TestDirectory();
        await using var site = Site(publish.Path, mirror.Path, seed: true);
        await ReadyAsync(site);

        foreach (var file in new[] { "index.html", "news/2025/shi-zhengxie-wujie-sanci-huiyi-kaimu/index.html", "column/yaowen/index.html", "sitemap.xml", "rss.xml", "robots.txt", "members/index.html", "proposals/index.html" })
        {
            var page = Path.Combine(publish.Path, file);
            Assert.True(File.Exists(page), file);
            var text = await File.ReadAllTextAsync(page);
            Assert.Equal(text, Gunzip(page + ".gz"));
            Assert.Equal(text, Unbrotli(page + ".br"));
            Assert.Equal(text, await File.ReadAllTextAsync(Path.Combine(mirror.Path, file)));
        }

        Assert.True(File.Exists(Path.Combine(publish.Path, "themes", "publicity", "css", "site.css")));
        Assert.Contains("http://www.example.gov.cn/", await File.ReadAllTextAsync(Path.Combine(publish.Path, "sitemap.xml")));
        Assert.DoesNotContain(Directory.EnumerateFiles(publish.Path, "*", SearchOption.AllDirectories), f => f.Contains(".tmp-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_publication_shows_in_the_static_home_and_an_unpublished_items_file_disappears()
    {
        using var publish = new TestDirectory();
        await using var site = Site(publish.Path, null, seed: false);
        await ReadyAsync(site);
        var home = Path.Combine(publish.Path, "index.html");

        var clock = Stopwatch.StartNew();
        var id = await SiteContent.CreateNewsAsync(site, "静态首页的新要闻", slug: "static-news");
        var url = await SiteContent.PublishAsync(site, id);
        var published = clock.Elapsed;
        var item = Path.Combine(publish.Path, url.Trim('/'), "index.html");
        // Printed, not asserted: a test sharing two cores with the whole suite says nothing about speed.
        await WaitAsync(() => File.ReadAllText(home).Contains("静态首页的新要闻", StringComparison.Ordinal) && File.Exists(item + ".br"), published + Patience, clock);
        Console.WriteLine($"static home rewritten {(clock.Elapsed - published).TotalMilliseconds:0} ms after the publication committed");
        Assert.Contains("静态首页的新要闻", await File.ReadAllTextAsync(item));
        Assert.True(File.Exists(item + ".gz") && File.Exists(item + ".br"));

        clock.Restart();
        await SiteContent.UnpublishAsync(site, id);
        var unpublished = clock.Elapsed;
        await WaitAsync(() => !File.Exists(item) && !File.Exists(item + ".gz") && !File.Exists(item + ".br"), unpublished + Patience, clock);
        await WaitAsync(() => !File.ReadAllText(home).Contains("静态首页的新要闻", StringComparison.Ordinal), Patience, clock);
    }

    [Fact]
    public async Task A_commit_rewrites_the_pages_its_tags_name_and_leaves_an_unrelated_article_alone()
    {
        using var publish = new TestDirectory();
        await using var site = Site(publish.Path, null, seed: false);
        var other = await SiteContent.PublishNewsAsync(site, "另一栏目的文章", column: "工作动态", slug: "other-column");
        var neighbour = await SiteContent.PublishNewsAsync(site, "同栏目的旧文章", slug: "same-column");
        await ReadyAsync(site);
        var otherFile = Path.Combine(publish.Path, other.Trim('/'), "index.html");
        var neighbourFile = Path.Combine(publish.Path, neighbour.Trim('/'), "index.html");
        await WaitAsync(() => File.Exists(otherFile) && File.Exists(neighbourFile), TimeSpan.FromSeconds(10), Stopwatch.StartNew());
        // The refresh after the two publications is done before the other article's time is taken.
        var publisher = site.Services.GetRequiredService<StaticPublisher>();
        await WaitAsync(() => publisher.Idle, TimeSpan.FromSeconds(10), Stopwatch.StartNew());
        await Task.Delay(200);
        await WaitAsync(() => publisher.Idle, TimeSpan.FromSeconds(10), Stopwatch.StartNew());
        var otherWritten = File.GetLastWriteTimeUtc(otherFile);
        Assert.DoesNotContain("同栏目的新文章", await File.ReadAllTextAsync(neighbourFile));

        await SiteContent.PublishNewsAsync(site, "同栏目的新文章", slug: "same-column-new");

        // The older neighbour's 下一篇 now names the new article; the other column's article is not rewritten.
        await WaitAsync(() => File.ReadAllText(neighbourFile).Contains("同栏目的新文章", StringComparison.Ordinal), TimeSpan.FromSeconds(5), Stopwatch.StartNew());
        Assert.Equal(otherWritten, File.GetLastWriteTimeUtc(otherFile));
    }

    [Fact]
    public async Task The_publish_verb_rebuilds_the_directory_and_reports_the_count_and_time()
    {
        using var data = new TestDirectory();
        using var publish = new TestDirectory();
        var stale = Path.Combine(publish.Path, "news", "gone", "index.html");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        await File.WriteAllTextAsync(stale, "旧页面");

        var result = await SiteProcess.RunAsync(data.Path, "publish", "--directory", publish.Path);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Matches("已生成 [0-9]+ 个页面.*用时 [0-9.]+ 秒", result.Output);
        Assert.True(File.Exists(Path.Combine(publish.Path, "index.html")));
        Assert.False(File.Exists(stale));
    }

    [Fact]
    public async Task The_publish_verb_without_a_directory_is_a_usage_error()
    {
        using var data = new TestDirectory();
        var result = await SiteProcess.RunAsync(data.Path, "publish");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--directory", result.Error);
    }

    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/news/2024/a-b", "news/2024/a-b/index.html")]
    [InlineData("/column/yaowen?page=3", "column/yaowen/page-3.html")]
    [InlineData("/column/yaowen?page=1", "column/yaowen/index.html")]
    [InlineData("/sitemap.xml", "sitemap.xml")]
    [InlineData("/search?q=x", null)]
    [InlineData("/news/../etc", null)]
    [InlineData("/.git/config", null)]
    public void Public_paths_map_to_the_files_nginx_looks_for(string path, string? file) =>
        Assert.Equal(file?.Replace('/', Path.DirectorySeparatorChar), PublishTargets.RelativeFile(path));

    internal static TestSite Site(string directory, string? mirror, bool seed) => new(seed: seed, settings: new()
    {
        ["StaticPublish:Directory"] = directory,
        ["StaticPublish:MirrorDirectory"] = mirror,
        ["StaticPublish:Origin"] = "http://www.example.gov.cn",
    });

    internal static async Task ReadyAsync(TestSite site)
    {
        using var client = site.CreateClient();
        (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).Dispose();
        await site.Services.GetRequiredService<StaticPublisher>().FirstRebuild.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan deadline, Stopwatch clock)
    {
        while (!condition())
        {
            Assert.True(clock.Elapsed < deadline, $"not within {deadline.TotalMilliseconds:F0} ms");
            await Task.Delay(10);
        }
    }

    private static string Gunzip(string file)
    {
        using var input = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        return new StreamReader(input).ReadToEnd();
    }

    private static string Unbrotli(string file)
    {
        using var input = new BrotliStream(File.OpenRead(file), CompressionMode.Decompress);
        return new StreamReader(input).ReadToEnd();
    }
}
