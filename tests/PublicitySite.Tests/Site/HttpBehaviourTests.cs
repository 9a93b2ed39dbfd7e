using System.Net;
using System.Net.Http.Headers;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Site;

/// <summary>Conditional requests, compression, asset fingerprints, QR images and the error page.</summary>
public sealed class HttpBehaviourTests(SeededSiteFixture seeded) : IClassFixture<SeededSiteFixture>
{
    private const string Article = "/news/2025/shi-zhengxie-wujie-sanci-huiyi-kaimu";

    [Fact]
    public async Task Pages_answer_304_to_a_matching_ETag()
    {
        using var first = await seeded.Client.GetAsync(new Uri(Article, UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.NotNull(first.Content.Headers.LastModified);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Article, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await seeded.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Pages_answer_304_when_not_modified_since()
    {
        using var first = await seeded.Client.GetAsync(new Uri(Article, UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Article, UriKind.Relative));
        request.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        using var second = await seeded.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task A_stale_ETag_gets_the_full_page()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Article, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        using var response = await seeded.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("市政协五届三次会议开幕", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_and_stylesheets_are_compressed(string encoding)
    {
        foreach (var url in new[] { "/", "/themes/publicity/css/site.css" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await seeded.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        }
    }

    [Fact]
    public async Task Theme_assets_are_fingerprinted_and_cached_for_a_year()
    {
        var html = await seeded.Client.GetStringAsync(new Uri("/", UriKind.Relative));
        var match = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/themes/publicity/css/site\\.([0-9a-f]{12})\\.css)\"");
        Assert.True(match.Success, "the stylesheet is named with its content hash");

        using var response = await seeded.Client.GetAsync(new Uri(match.Groups[1].Value, UriKind.Relative));
        using var plain = await seeded.Client.GetAsync(new Uri("/themes/publicity/css/site.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl!.MaxAge);
        Assert.Contains("immutable", response.Headers.CacheControl.ToString(), StringComparison.Ordinal);
        Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(TimeSpan.FromHours(1), plain.Headers.CacheControl!.MaxAge);

        // A page cached before the file changed names the old hash: it gets today's file, but only for an hour.
        var stale = match.Groups[2].Value == "000000000000" ? "111111111111" : "000000000000";
        using var old = await seeded.Client.GetAsync(new Uri($"/themes/publicity/css/site.{stale}.css", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), old.Headers.CacheControl!.MaxAge);
        Assert.DoesNotContain("immutable", old.Headers.CacheControl.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_share_QR_code_is_a_PNG_of_the_page_address()
    {
        using var response = await seeded.Client.GetAsync(new Uri("/share/qr.png?path=" + Uri.EscapeDataString(Article), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/")]
    [InlineData("")]
    public async Task The_QR_code_refuses_addresses_outside_the_site_with_a_Chinese_problem(string path)
    {
        using var response = await seeded.Client.GetAsync(new Uri("/share/qr.png?path=" + Uri.EscapeDataString(path), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("请求参数有误", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_failing_page_gets_the_Chinese_500_page()
    {
        using var themes = new TestDirectory();
        CopyDirectory(RepositoryPaths.Themes, themes.Path);
        await File.WriteAllTextAsync(Path.Combine(themes.Path, "publicity", "views", "home.liquid"), "{% if %}");
        await using var site = new TestSite(seed: false, settings: new() { ["Publicity:ThemesDir"] = themes.Path });
        using var client = site.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("服务暂时不可用", html);
        Assert.Contains("<html lang=\"zh-CN\"", html);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
