using PublicitySite.Commands;
using PublicitySite.Contents;

namespace PublicitySite.Tests.Search;

/// <summary>What comes first: titles over bodies, exact phrases over scattered words, newer over older on ties.</summary>
public sealed class RankingTests
{
    [Fact]
    public async Task A_title_match_outranks_a_body_that_repeats_the_words()
    {
        await using var host = await SearchTestHost.StartAsync();
        await PublishAsync(host, "机关工作简报", string.Concat(Enumerable.Repeat("本期简报提到湿地保护。", 8)), new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        await PublishAsync(host, "湿地保护专题调研", "调研组走访了三处保护区。", new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        await host.CaughtUpAsync();

        Assert.Equal("湿地保护专题调研", host.Find("湿地保护").Items[0].Title);
    }

    [Fact]
    public async Task An_exact_phrase_outranks_the_same_words_scattered()
    {
        await using var host = await SearchTestHost.StartAsync();
        await PublishAsync(host, "工作动态一", "城郊的道路已修好，大桥正在检修，护栏也将更换。城郊大桥附近护栏较多。", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        await PublishAsync(host, "工作动态二", "委员建议尽快维修城郊大桥护栏。", new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        await host.CaughtUpAsync();

        var result = host.Find("城郊大桥护栏");
        Assert.Equal(2, result.Total);
        Assert.Equal("工作动态二", result.Items[0].Title);
    }

    [Fact]
    public async Task On_equal_relevance_the_newer_item_comes_first()
    {
        await using var host = await SearchTestHost.StartAsync();
        await PublishAsync(host, "委员培训班开班", "委员培训班开班。", new DateTime(2022, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        await PublishAsync(host, "委员培训班开班", "委员培训班开班。", new DateTime(2025, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        await PublishAsync(host, "委员培训班开班", "委员培训班开班。", new DateTime(2023, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        await host.CaughtUpAsync();

        var years = host.Find("委员培训班").Items.Select(i => i.PublishedUtc!.Value.Year).ToList();
        Assert.Equal([2025, 2023, 2022], years);
    }

    private static async Task PublishAsync(SearchTestHost host, string title, string body, DateTime when)
    {
        var created = await host.CreateAsync(title, body);
        await host.Core.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.PublishAsync(created.Value!.ContentItemId, recordedUtc: when));
    }
}
