using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Site;
using PublicitySite.Web.Caching;

namespace PublicitySite.Tests.Caching;

/// <summary>
/// The fast path: a page rendered once is answered from stored bytes, in the encoding the reader accepts,
/// with the headers the normal pipeline sent, and only to anonymous readers.
/// </summary>
public sealed class FastPageTests
{
    [Fact]
    public async Task A_stored_page_is_answered_in_every_accepted_encoding_with_the_same_bytes()
    {
        await using var site = new TestSite(seed: false);
        var url = await SiteContent.PublishNewsAsync(site, "快速通道的文章", slug: "fast-article");
        var reader = SiteContent.Reader(site);
        var store = site.Services.GetRequiredService<FastPageStore>();
        var rendered = await StoredAsync(site, reader, url);

        foreach (var encoding in new[] { "br", "gzip", "" })
        {
            var hits = store.Hits;
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            if (encoding.Length > 0)
            {
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            }

            using var response = await reader.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(hits + 1, store.Hits);
            Assert.Equal(encoding.Length > 0 ? [encoding] : [], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
            Assert.Equal(rendered, Decode(encoding, bytes));
        }
    }

    [Fact]
    public async Task A_stored_page_carries_the_headers_the_normal_pipeline_sent_and_answers_304()
    {
        await using var site = new TestSite(seed: false);
        var url = await SiteContent.PublishNewsAsync(site, "头部一致的文章", slug: "same-headers");
        var reader = SiteContent.Reader(site);
        using var first = await reader.GetAsync(new Uri(url, UriKind.Relative));
        await StoredAsync(site, reader, url);
        using var second = await reader.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(Headers(first), Headers(second));

        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        conditional.Headers.IfNoneMatch.Add(second.Headers.ETag!);
        using var notModified = await reader.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var head = await reader.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(second.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Elder_mode_and_text_size_readers_get_their_own_stored_variant()
    {
        await using var site = new TestSite(seed: false);
        var url = await SiteContent.PublishNewsAsync(site, "长者模式变体", slug: "elder-variant");
        var reader = SiteContent.Reader(site);
        var store = site.Services.GetRequiredService<FastPageStore>();
        var standard = await StoredAsync(site, reader, url);

        string elder = "";
        for (var i = 0; i < 50 && store.Count < 2; i++)
        {
            elder = await ReadAsync(reader, url, "elder=1; textsize=l");
            await Task.Delay(20);
        }

        var hits = store.Hits;
        Assert.Equal(elder, await ReadAsync(reader, url, "elder=1; textsize=l"));
        Assert.Equal(hits + 1, store.Hits);
        Assert.Contains("elder size-l", elder);
        Assert.DoesNotContain("elder size-l", standard);
        Assert.Equal(standard, await ReadAsync(reader, url, null));
    }

    [Fact]
    public async Task Signed_in_and_token_requests_and_the_api_never_come_from_the_store()
    {
        await using var site = new TestSite(seed: false);
        var url = await SiteContent.PublishNewsAsync(site, "只给匿名读者", slug: "anonymous-only");
        var reader = SiteContent.Reader(site);
        var store = site.Services.GetRequiredService<FastPageStore>();
        await StoredAsync(site, reader, url);
        var hits = store.Hits;

        using var withToken = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        (await reader.SendAsync(withToken)).Dispose();
        // The session cookie's real name (publicity.admin), and any ASP.NET Core cookie.
        foreach (var cookie in new[] { "publicity.admin=x", ".AspNetCore.Identity.Application=x" })
        {
            using var signedIn = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            signedIn.Headers.Add("Cookie", cookie);
            (await reader.SendAsync(signedIn)).Dispose();
        }

        for (var i = 0; i < 3; i++)
        {
            (await reader.GetAsync(new Uri("/api/content?pageSize=5", UriKind.Relative))).Dispose();
        }

        Assert.Equal(hits, store.Hits);
    }

    [Fact]
    public void A_page_rendered_while_an_eviction_happened_is_not_stored()
    {
        var store = new FastPageStore(new OptionsMonitorStub(new PageCacheOptions()), TimeProvider.System);
        var page = FastPage.Create(200, new Microsoft.AspNetCore.Http.HeaderDictionary { ["Content-Type"] = "text/html" }, "<p>旧</p>"u8, ["item:1"]).With(null, DateTimeOffset.MaxValue);
        var startedAt = store.Generation;
        store.Evict("item:1");

        Assert.False(store.TryAdd("k", page, startedAt));
        Assert.True(store.TryAdd("k", page, store.Generation));
        store.Evict("item:2");
        Assert.True(store.TryGet("k", null!, out _));
        store.Evict("item:1");
        Assert.False(store.TryGet("k", null!, out _));
    }

    /// <summary>Requests the page until the store holds it (it is stored just after the first answer goes out).</summary>
    private static async Task<string> StoredAsync(TestSite site, HttpClient reader, string url)
    {
        var store = site.Services.GetRequiredService<FastPageStore>();
        for (var i = 0; i < 100; i++)
        {
            var hits = store.Hits;
            var html = await reader.GetStringAsync(new Uri(url, UriKind.Relative));
            if (store.Hits > hits)
            {
                return html;
            }

            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException("the page was never stored");
    }

    private static async Task<string> ReadAsync(HttpClient reader, string url, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await reader.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Decode(string encoding, byte[] bytes)
    {
        using var input = new MemoryStream(bytes);
        using Stream decoded = encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => input,
        };
        using var text = new StreamReader(decoded, Encoding.UTF8);
        return text.ReadToEnd();
    }

    private static string Headers(HttpResponseMessage response) =>
        string.Join("\n", response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Content-Length" or "Vary" or "Transfer-Encoding"))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => h.Key + ": " + string.Join(",", h.Value)));

    private sealed class OptionsMonitorStub(PageCacheOptions value) : Microsoft.Extensions.Options.IOptionsMonitor<PageCacheOptions>
    {
        public PageCacheOptions CurrentValue => value;

        public PageCacheOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<PageCacheOptions, string?> listener) => null;
    }
}
