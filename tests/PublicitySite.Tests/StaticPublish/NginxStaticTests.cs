using System.Net;
using System.Net.Http.Headers;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.StaticPublish;

/// <summary>
/// The sample nginx configuration in front of the published files and the application, as deployed: nginx
/// serves pages from the files (gzip_static), hands the rest to the application, and keeps serving every
/// published page while the application is stopped.
/// </summary>
public sealed class NginxStaticTests
{
    private const string Article = "/news/2025/shi-zhengxie-wujie-sanci-huiyi-kaimu";

    [Fact]
    public async Task Nginx_serves_published_pages_falls_back_to_the_app_and_keeps_serving_while_the_app_is_stopped()
    {
        using var data = new TestDirectory();
        using var publish = new TestDirectory();
        var app = await SiteHostProcess.StartAsync(data.Path, "--StaticPublish:Directory=" + publish.Path);
        using var nginx = NginxServer.Start(publish.Path, app.Port);
        try
        {
            var home = Path.Combine(publish.Path, "index.html");
            // Wait for the first publication: the theme files and the article are written.
            for (var i = 0; i < 3000 && !(File.Exists(Path.Combine(publish.Path, Article.Trim('/'), "index.html")) && File.Exists(Path.Combine(publish.Path, "themes", "publicity", "css", "site.css"))); i++)
            {
                await Task.Delay(100);
            }

            using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None, UseCookies = false }) { BaseAddress = nginx.BaseAddress };

            using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative)))
            {
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
                using var response = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
                Assert.Equal(new FileInfo(home + ".gz").Length, response.Content.Headers.ContentLength);
                Assert.Contains("must-revalidate", response.Headers.CacheControl?.ToString());
            }

            // Dynamic: the application answers (search, the API, a filtered list).
            using (var search = await client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString("政协"), UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, search.StatusCode);
            }

            using (var api = await client.GetAsync(new Uri("/api/content?pageSize=1", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, api.StatusCode);
            }

            var article = await client.GetStringAsync(new Uri(Article, UriKind.Relative));
            Assert.Contains("市政协五届三次会议开幕", article);

            // While the application runs, a 长者模式 reader and a filtered list reach it at the address they asked
            // for (not the name of the file nginx tried first).
            using (var personal = new HttpRequestMessage(HttpMethod.Get, new Uri(Article, UriKind.Relative)))
            {
                personal.Headers.Add("Cookie", "elder=1");
                using var rendered = await client.SendAsync(personal);
                var body = await rendered.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
                Assert.Contains("退出长者模式", body);
                Assert.Contains("市政协五届三次会议开幕", body);
            }

            using (var filtered = await client.GetAsync(new Uri("/column/yaowen?page=abc", UriKind.Relative)))
            {
                Assert.NotEqual(HttpStatusCode.NotFound, filtered.StatusCode);
                Assert.NotEqual(HttpStatusCode.BadGateway, filtered.StatusCode);
            }

            await app.DisposeAsync();

            // The published pages name the stylesheet with its hash: nginx answers that name from the plain file.
            var stylesheet = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(home), "/themes/publicity/css/site\\.[0-9a-f]{12}\\.css").Value;
            Assert.NotEqual("", stylesheet);
            foreach (var path in new[] { "/", Article, "/column/yaowen", "/sitemap.xml", "/rss.xml", "/themes/publicity/css/site.css", stylesheet })
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            }

            using (var versioned = await client.GetAsync(new Uri(stylesheet, UriKind.Relative)))
            {
                Assert.Contains("immutable", string.Join(",", versioned.Headers.GetValues("Cache-Control")), StringComparison.Ordinal);
                Assert.Equal(File.ReadAllBytes(Path.Combine(publish.Path, "themes", "publicity", "css", "site.css")), await versioned.Content.ReadAsByteArrayAsync());
            }

            Assert.Equal(article, await client.GetStringAsync(new Uri(Article, UriKind.Relative)));

            // A 长者模式 reader's own rendering comes from the application; while it is stopped, the published page.
            using var elder = new HttpRequestMessage(HttpMethod.Get, new Uri(Article, UriKind.Relative));
            elder.Headers.Add("Cookie", "elder=1");
            using var elderResponse = await client.SendAsync(elder);
            Assert.Equal(HttpStatusCode.OK, elderResponse.StatusCode);

            using var gone = await client.GetAsync(new Uri("/api/content", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadGateway, gone.StatusCode);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
