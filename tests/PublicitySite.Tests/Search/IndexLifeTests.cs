using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Search;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Search;

/// <summary>The index follows the database: publish, unpublish, edit, delete, concurrent publishing.</summary>
public sealed class IndexLifeTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Publishing_a_draft_makes_it_searchable(Db db)
    {
        await using var host = await SearchTestHost.StartAsync(db);
        var created = await host.CreateAsync("关于推进社区养老服务的调研报告", "委员们走访了十二个社区养老服务站。");
        await host.CaughtUpAsync();
        Assert.Empty(host.Find("社区养老").Items);

        var watch = Stopwatch.StartNew();
        await host.PublishAsync(created.Value!.ContentItemId);
        while (host.Find("社区养老").Total == 0 && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
        }

        // Printed, not asserted: a test sharing two cores with the whole suite says nothing about speed.
        Console.WriteLine($"searchable {watch.ElapsedMilliseconds} ms after publishing");
        var hit = Assert.Single(host.Find("社区养老").Items);
        Assert.Equal("关于推进社区养老服务的调研报告", hit.Title);
        Assert.StartsWith("/news/", hit.Url);
    }

    [Fact]
    public async Task A_draft_is_found_by_the_office_search_only()
    {
        await using var host = await SearchTestHost.StartAsync();
        await host.CreateAsync("草稿：政协机关节能改造方案", "机关办公楼节能改造的初步方案。");
        await host.CaughtUpAsync();

        Assert.Equal(0, host.Find("节能改造").Total);
        var hit = Assert.Single(host.Find("节能改造", SearchScope.Staff).Items);
        Assert.Equal("Draft", hit.State);
        Assert.Null(hit.Url);
    }

    [Fact]
    public async Task Unpublishing_and_deleting_remove_an_item_from_public_search()
    {
        await using var host = await SearchTestHost.StartAsync();
        var first = (await host.CreateAsync("界别协商会议纪要甲", "界别协商纪要甲的正文。")).Value!.ContentItemId;
        var second = (await host.CreateAsync("界别协商会议纪要乙", "界别协商纪要乙的正文。")).Value!.ContentItemId;
        await host.PublishAsync(first);
        await host.PublishAsync(second);
        await host.CaughtUpAsync();
        Assert.Equal(2, host.Find("界别协商会议纪要").Total);

        await host.Core.RunAsync<ContentManager>(m => m.UnpublishAsync(first));
        await host.Core.RunAsync<ContentManager>(m => m.DeleteAsync(second));
        await host.CaughtUpAsync();

        Assert.Equal(0, host.Find("界别协商会议纪要").Total);
        Assert.Equal(1, host.Find("界别协商会议纪要", SearchScope.Staff).Total); // the unpublished one stays for the office; the deleted one is gone
    }

    [Fact]
    public async Task Editing_a_published_item_changes_public_results_only_when_the_edit_is_published()
    {
        await using var host = await SearchTestHost.StartAsync();
        var id = (await host.CreateAsync("委员视察城区供热工作", "视察组查看了三座换热站。")).Value!.ContentItemId;
        await host.PublishAsync(id);
        await host.Core.RunAsync<ContentManager>(m => m.UpdateAsync(id, 1, new JsonObject { ["title"] = "委员视察城区供热工作", ["body"] = "视察组查看了五座锅炉房。", ["column"] = "工作动态" }, "admin"));
        await host.CaughtUpAsync();

        Assert.Equal(1, host.Find("换热站").Total);
        Assert.Equal(0, host.Find("锅炉房").Total);
        Assert.Equal(1, host.Find("锅炉房", SearchScope.Staff).Total);

        await host.PublishAsync(id);
        await host.CaughtUpAsync();
        Assert.Equal(0, host.Find("换热站").Total);
        Assert.Equal(1, host.Find("锅炉房").Total);
    }

    [Fact]
    public async Task Concurrent_publishing_leaves_every_item_searchable()
    {
        await using var host = await SearchTestHost.StartAsync();
        const int Count = 24;
        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (n, _) =>
        {
            var created = await host.CreateAsync($"并发发布测试稿件第{n}号", $"并发发布测试的正文，编号{n}。");
            await host.PublishAsync(created.Value!.ContentItemId);
        });
        await host.CaughtUpAsync();

        Assert.Equal(Count, host.Search.Search(new SearchRequest { Query = "并发发布测试", PageSize = 50 })!.Total);
    }

    [Fact]
    public async Task Private_fields_and_private_proposals_never_reach_public_search()
    {
        await using var host = await SearchTestHost.StartAsync();
        var member = await host.Core.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("Member", new JsonObject
        {
            ["title"] = "示例委员 钱多多",
            ["body"] = "示例委员简介。",
            ["sector"] = "经济界",
            ["phone"] = "13900001234",
            ["address"] = "幸福路八十八号",
        }, "admin"));
        var proposal = await host.Core.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("Proposal", new JsonObject
        {
            ["title"] = "关于不公开的停车场规划的提案",
            ["body"] = "提案人不同意公开。",
            ["term"] = 5, ["meeting"] = 3, ["seq"] = 99,
            ["public"] = false,
        }, "admin"));
        Assert.True(member.Succeeded, member.Failure?.Detail);
        Assert.True(proposal.Succeeded, proposal.Failure?.Detail);
        await host.PublishAsync(member.Value!.ContentItemId);
        await host.PublishAsync(proposal.Value!.ContentItemId);
        await host.CaughtUpAsync();

        Assert.Equal(1, host.Find("钱多多").Total);
        Assert.Equal(0, host.Find("13900001234").Total);
        Assert.Equal(0, host.Find("幸福路八十八号", SearchScope.Staff).Total);
        Assert.Equal(0, host.Find("停车场规划").Total);
        Assert.Equal(1, host.Find("停车场规划", SearchScope.Staff).Total);
        Assert.Equal("经济界", host.Find("钱多多").Facets["sector"].Keys.Single());
        // The new member's name joined the dictionary, so a query runs it together with other words correctly.
        Assert.True(host.Core.Services.GetRequiredService<DomainDictionary>().Contains("钱多多"));
        Assert.Equal(["钱多多", "委员"], host.Core.Services.GetRequiredService<QueryPlanner>().Plan("钱多多委员").Units.Select(u => u.Text));
    }
}
