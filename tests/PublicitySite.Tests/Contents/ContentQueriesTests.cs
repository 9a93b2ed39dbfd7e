using System.Text.Json.Nodes;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Contents;

/// <summary>Published reads limited to a set of ids (what the list's full-text filter uses), on both databases.</summary>
public sealed class ContentQueriesTests
{
    private static async Task<string> PublishedAsync(CoreHost host, string title, bool publish = true)
    {
        var id = (await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("News", new JsonObject { ["title"] = title, ["body"] = "正文", ["column"] = "工作动态" }, "editor1"))).Value!.ContentItemId;
        if (publish)
        {
            Assert.True((await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.PublishAsync(id))).Succeeded);
        }

        return id;
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_id_set_limits_the_list_and_its_total_and_never_admits_drafts(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);
        var a = await PublishedAsync(host, "一号");
        var b = await PublishedAsync(host, "二号");
        await PublishedAsync(host, "三号");
        var draft = await PublishedAsync(host, "四号", publish: false);

        var page = await host.RunAsync<ContentQueries, Page<PublishedEntry>>(q => q.ListAsync(new ContentQuery { Ids = [a, b, draft], PageSize = 1, Sort = ContentSort.Title }));
        var none = await host.RunAsync<ContentQueries, Page<PublishedEntry>>(q => q.ListAsync(new ContentQuery { Ids = [] }));

        Assert.Equal(2, page.Total);
        Assert.Equal(a, Assert.Single(page.Items).Item.Id); // 一 sorts before 二 (code point order on both databases)
        Assert.Equal(0, none.Total);
        Assert.Empty(none.Items);
    }
}
