using PublicitySite.Literature;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Members;

namespace PublicitySite.Tests.Literature;

/// <summary>Collections and their contents, on both databases.</summary>
public sealed class LiteratureCatalogTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Contents_follow_the_article_order_then_the_first_printed_page(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);
        var collection = await LiteratureData.CollectionAsync(host.Services, "第一辑", 1, "vol-1");
        await MemberData.PublishAsync(host.Services, "LiteratureArticle", LiteratureData.Article("页码一百", collection, null, "100-110"));
        await MemberData.PublishAsync(host.Services, "LiteratureArticle", LiteratureData.Article("篇序二", collection, 2, "30-40"));
        await MemberData.PublishAsync(host.Services, "LiteratureArticle", LiteratureData.Article("页码九", collection, null, "9-12"));
        await MemberData.PublishAsync(host.Services, "LiteratureArticle", LiteratureData.Article("篇序一", collection, 1, "50-60"));
        await MemberData.CreateAsync(host.Services, "LiteratureArticle", LiteratureData.Article("草稿", collection, 0, "1-2"));

        var contents = await host.RunAsync<LiteratureCatalog, IReadOnlyList<LiteratureArticleEntry>>(c => c.ContentsAsync(collection));

        Assert.Equal(["篇序一", "篇序二", "页码九", "页码一百"], contents.Select(a => a.Title));
        Assert.Equal("口述：示例口述人，整理：示例整理人", contents[0].Credits);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Collections_come_in_number_order_with_their_article_counts_and_neighbours_stay_inside_a_collection(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);
        var third = await LiteratureData.CollectionAsync(host.Services, "第三辑", 3, "vol-3");
        var first = await LiteratureData.CollectionAsync(host.Services, "第一辑", 1, "vol-1");
        var a = await MemberData.PublishAsync(host.Services, "LiteratureArticle", LiteratureData.Article("一之一", first, 1, null));
        var b = await MemberData.PublishAsync(host.Services, "LiteratureArticle", LiteratureData.Article("一之二", first, 2, null));
        await MemberData.PublishAsync(host.Services, "LiteratureArticle", LiteratureData.Article("三之一", third, 1, null));

        var collections = await host.RunAsync<LiteratureCatalog, IReadOnlyList<CollectionSummary>>(c => c.CollectionsAsync());
        var (previous, next) = await host.RunAsync<LiteratureCatalog, (LiteratureArticleEntry?, LiteratureArticleEntry?)>(c => c.NeighboursAsync(b, first));

        Assert.Equal(["第一辑", "第三辑"], collections.Select(c => c.Title));
        Assert.Equal([2, 1], collections.Select(c => c.ArticleCount));
        Assert.Equal(a, previous?.ContentItemId);
        Assert.Null(next);
    }
}
