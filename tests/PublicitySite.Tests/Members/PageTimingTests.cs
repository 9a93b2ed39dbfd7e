using System.Diagnostics;
using System.Net;
using PublicitySite.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PublicitySite.Tests.Members;

/// <summary>
/// Server time of the member and literature pages on the seed plus generated volume (310 members,
/// 7 collections, 160 articles of up to 20,000 characters), measured in process over HTTP.
/// </summary>
[Collection(GeneratedVolume.Name)]
public sealed class PageTimingTests(GeneratedSite generated, ITestOutputHelper output)
{
    [Fact]
    public async Task Member_and_literature_pages_answer_quickly_on_the_generated_volume()
    {
        var client = generated.Site.CreateClient();
        string[] urls =
        [
            "/members", "/members?sector=%E6%95%99%E8%82%B2%E7%95%8C", "/members/sample-member-17", "/api/members?pageSize=500",
            "/literature", "/literature/sample-volume-3", "/literature/articles/sample-article-3-15", "/api/literature/collections",
        ];
        foreach (var url in urls)
        {
            var first = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var times = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            var median = times[times.Count / 2];
            var p95 = times[(int)(times.Count * 0.95) - 1];
            output.WriteLine($"{url}: median {median:F1} ms, p95 {p95:F1} ms, {(await first.Content.ReadAsByteArrayAsync()).Length / 1024} KB");
            Assert.True(p95 < 1500, $"{url} p95 {p95:F0} ms");
        }

        var directory = await client.GetStringAsync("/members");
        Assert.Contains("共 310 位委员", directory);
    }
}
