using System.Net;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Members;

namespace PublicitySite.Tests.Literature;

/// <summary>A citation link keeps showing the version that was read, after later edits.</summary>
public sealed class CitationTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_citation_link_keeps_showing_the_cited_version_after_an_edit(Db db)
    {
        using var site = new TestSite(seed: false, db: db);
        var client = site.CreateClient();
        var collection = await LiteratureData.CollectionAsync(site.Services, "第一辑", 1, "vol-1");
        var id = await MemberData.PublishAsync(site.Services, "LiteratureArticle", LiteratureData.Article("大桥往事", collection, 1, "1-9", "原稿的第一段文字。", slug: "daqiao"));

        var firstRead = await client.GetStringAsync("/literature/articles/daqiao");
        Assert.Contains($"/literature/cite/{id}/v1", firstRead);

        await MemberData.UpdateAsync(site.Services, id, 1, LiteratureData.Article("大桥往事", collection, 1, "1-9", "修订后的第一段文字。", slug: "daqiao"), publish: true);
        await MemberData.UpdateAsync(site.Services, id, 2, LiteratureData.Article("大桥往事", collection, 1, "1-9", "尚未发布的第三稿。", slug: "daqiao"), publish: false);

        var cited = await client.GetStringAsync($"/literature/cite/{id}/v1");
        Assert.Contains("原稿的第一段文字。", cited);
        Assert.DoesNotContain("修订后的第一段文字。", cited);
        Assert.Contains("您正在查看本文的第 1 版", cited);
        Assert.Contains("当前为第 2 版", cited);
        Assert.Contains("<a href=\"/literature/articles/daqiao\">阅读当前版本</a>", cited);

        var current = await client.GetStringAsync("/literature/articles/daqiao");
        Assert.Contains("修订后的第一段文字。", current);
        Assert.Contains($"/literature/cite/{id}/v2", current);

        var citedCurrent = await client.GetStringAsync($"/literature/cite/{id}/v2");
        Assert.Contains("这也是本文的当前版本", citedCurrent);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/literature/cite/{id}/v3")).StatusCode); // a draft was never public
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/literature/cite/{id}/v99")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/literature/cite/NOT-AN-ID/v1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/literature/cite/{collection}/v1")).StatusCode); // not an article
    }
}
