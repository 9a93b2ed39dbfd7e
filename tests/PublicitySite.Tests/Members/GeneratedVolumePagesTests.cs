using System.Net;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Members;

/// <summary>
/// The member and literature pages on the seed plus generated volume (310 members, 7 collections, 160 articles
/// of up to 20,000 characters). How fast they answer is measured by bench/Volume, not here.
/// </summary>
[Collection(GeneratedVolume.Name)]
public sealed class GeneratedVolumePagesTests(GeneratedSite generated)
{
    [Fact]
    public async Task Member_and_literature_pages_answer_on_the_generated_volume()
    {
        var client = generated.Site.CreateClient();
        string[] urls =
        [
            "/members", "/members?sector=%E6%95%99%E8%82%B2%E7%95%8C", "/members/sample-member-17", "/api/members?pageSize=500",
            "/literature", "/literature/sample-volume-3", "/literature/articles/sample-article-3-15", "/api/literature/collections",
        ];
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }

        var directory = await client.GetStringAsync("/members");
        Assert.Contains("共 310 位委员", directory);
    }
}
