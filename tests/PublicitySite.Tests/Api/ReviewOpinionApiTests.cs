using System.Net;
using System.Net.Http.Json;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;

namespace PublicitySite.Tests.Api;

/// <summary>Opinions (意见) given at each stage through the write API, and what /versions returns of them.</summary>
public sealed class ReviewOpinionApiTests : IClassFixture<BlankSiteFixture>
{
    private readonly TestSite site;

    public ReviewOpinionApiTests(BlankSiteFixture fixture) => site = fixture.Site;

    [Fact]
    public async Task Every_stage_opinion_signer_and_time_is_returned_with_the_version()
    {
        var writer = await site.ClientAsync("op-writer", "Contributor");
        var editor = await site.ClientAsync("op-editor", "Editor");
        var reviewer = await site.ClientAsync("op-reviewer", "Reviewer");
        var publisher = await site.ClientAsync("op-publisher", "Publisher");
        var id = (await (await writer.PostAsJsonAsync("/api/content", Editorial.News("意见测试稿"))).JsonAsync())["id"]!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsJsonAsync($"/api/content/{id}/submit", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsJsonAsync($"/api/content/{id}/approve", new { comment = "文字已核对。" })).StatusCode);
        var back = await reviewer.PostAsJsonAsync($"/api/content/{id}/reject", new { comment = "请核实人名。", returnTo = "初审" });
        var backBody = await back.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("InReview", backBody["status"]!.ToString());
        Assert.Equal("初审", backBody["stage"]!.ToString());

        // The 初审 approval was voided by the return, so the same editor decides again.
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsJsonAsync($"/api/content/{id}/approve", new { comment = "人名已核实。" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/content/{id}/approve", new { })).StatusCode);
        var signed = await publisher.PostAsJsonAsync($"/api/content/{id}/approve", new { comment = "同意发布。" });
        Assert.Equal("Published", (await signed.JsonAsync())["status"]!.ToString());

        var versions = await (await editor.GetAsync($"/api/content/{id}/versions")).JsonAsync();
        var opinions = versions["items"]![0]!["opinions"]!.AsArray();
        Assert.Equal(
            ["提交|Submitted|op-writer|", "初审|Approved|op-editor|文字已核对。", "复审|Returned|op-reviewer|请核实人名。", "初审|Approved|op-editor|人名已核实。", "复审|Approved|op-reviewer|", "终审签发|Approved|op-publisher|同意发布。"],
            opinions.Select(o => $"{o!["stage"]}|{o["decision"]}|{o["by"]}|{o["comment"]}"));
        Assert.Equal("初审", opinions[2]!["returnedTo"]!.ToString());
        Assert.All(opinions, o => Assert.True(DateTime.Parse(o!["at"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture) > DateTime.UtcNow.AddMinutes(-10)));
    }

    [Fact]
    public async Task A_return_to_a_later_or_unknown_stage_or_an_overlong_opinion_is_400_in_chinese()
    {
        var editor = await site.ClientAsync("op-editor-2", "Editor");
        var id = await site.Services.AtStageAsync(0);

        var later = await editor.PostAsJsonAsync($"/api/content/{id}/reject", new { comment = "退回", returnTo = "复审" });
        Assert.Equal(HttpStatusCode.BadRequest, later.StatusCode);
        Assert.Contains("只能退回至作者或本环节之前的环节", (await later.JsonAsync())["detail"]!.ToString());

        var notText = await editor.PostAsJsonAsync($"/api/content/{id}/approve", new { comment = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, notText.StatusCode);

        var tooLong = await editor.PostAsJsonAsync($"/api/content/{id}/approve", new { comment = new string('意', 2001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("审核意见不超过", (await tooLong.JsonAsync())["detail"]!.ToString());

        var toAuthor = await editor.PostAsJsonAsync($"/api/content/{id}/reject", new { comment = "请补充", returnTo = "作者" });
        Assert.Equal("Draft", (await toAuthor.JsonAsync())["status"]!.ToString());
    }
}
