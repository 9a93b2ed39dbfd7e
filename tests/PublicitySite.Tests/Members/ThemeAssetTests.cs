using System.Net;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Members;

public sealed class ThemeAssetTests
{
    [Theory]
    [InlineData("/themes/publicity/css/site.css")]
    [InlineData("/themes/publicity/css/members.css")]
    [InlineData("/themes/publicity/css/literature.css")]
    public async Task Feature_stylesheets_are_served_despite_the_catch_all_route(string url)
    {
        using var site = new TestSite(seed: false);

        var response = await site.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }
}
