using System.Net;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;

namespace PublicitySite.Tests.Admin;

/// <summary>The review screen and the 审签单 through the admin pages, as a reviewer and as someone with no part in the item.</summary>
public sealed class ReviewPageTests
{
    [Fact]
    public async Task The_reviewer_at_the_stage_approves_with_an_opinion_that_the_signoff_sheet_then_shows()
    {
        using var site = new TestSite(seed: false);
        var id = await site.Services.AtStageAsync(0, "关于调研活动的报道");
        using var editor = await AdminSession.LoginAsync(site, "rp-editor", "Editor");

        var (status, page) = await editor.GetAsync($"/admin/content/review/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("关于调研活动的报道", page);
        Assert.Contains("handler=Approve", page);

        var approved = await editor.PostAsync($"/admin/content/review/{id}?handler=Approve", new() { ["version"] = "1", ["comment"] = "事实核实无误，同意" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var (sheetStatus, sheet) = await editor.GetAsync($"/admin/content/signoff/{id}/1");
        Assert.Equal(HttpStatusCode.OK, sheetStatus);
        Assert.Contains("事实核实无误，同意", sheet);
    }

    [Fact]
    public async Task Someone_with_no_part_in_the_item_is_refused_and_sees_nothing_of_it()
    {
        using var site = new TestSite(seed: false);
        var id = await site.Services.AtStageAsync(1, "尚未签发的内部稿件");
        using var outsider = await AdminSession.LoginAsync(site, "rp-outsider", "Contributor");

        foreach (var url in new[] { $"/admin/content/review/{id}", $"/admin/content/signoff/{id}/1" })
        {
            var (status, html) = await outsider.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.DoesNotContain("尚未签发的内部稿件", html);
            Assert.Contains("您无权查看", html);
        }

        var refused = await outsider.PostAsync($"/admin/content/review/{id}?handler=Approve", new() { ["version"] = "1", ["comment"] = "越权" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("尚未签发的内部稿件", await refused.Content.ReadAsStringAsync());
    }
}
