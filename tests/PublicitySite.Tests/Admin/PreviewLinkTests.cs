using System.Net;
using System.Text.RegularExpressions;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;

namespace PublicitySite.Tests.Admin;

public sealed partial class PreviewLinkTests
{
    [Fact]
    public async Task A_preview_link_shows_the_draft_without_an_account_until_it_is_revoked()
    {
        using var site = new TestSite(seed: false);
        var id = await site.Services.AtStageAsync(2, "领导审阅的讲话稿");
        using var session = await AdminSession.LoginAsync(site, "link-editor", "Editor");
        var created = await session.PostAsync($"/admin/content/edit/{id}?handler=Link", new() { ["version"] = "1", ["hours"] = "24" });
        var link = LinkPattern().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(link);

        var anonymous = site.CreateClient();
        var preview = await anonymous.GetAsync(link);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("领导审阅的讲话稿", html);
        Assert.Contains("<meta name=\"robots\" content=\"noindex", html);
        Assert.Contains("no-store", preview.Headers.CacheControl!.ToString());
        Assert.Contains("noindex", string.Join(",", preview.Headers.GetValues("X-Robots-Tag")));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link + "x")).StatusCode);

        // Submitted items are shown on their review screen, which lists their links.
        var (_, page) = await session.GetAsync($"/admin/content/review/{id}");
        var linkId = RevokePattern().Match(page).Groups[1].Value;
        await session.PostAsync($"/admin/content/edit/{id}?handler=Revoke", new() { ["link"] = linkId });
        var after = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.DoesNotContain("领导审阅的讲话稿", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_expired_preview_link_shows_nothing()
    {
        using var site = new TestSite(seed: false);
        var id = await site.Services.AtStageAsync(0, "过期链接稿件");
        var editor = await site.Services.UserAsync("expiry-editor", "Editor");
        await using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(site.Services);
        var links = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<PublicitySite.Workflow.PreviewLinks>(scope.ServiceProvider);
        var (_, token) = await links.CreateAsync(editor, id, 1, TimeSpan.FromSeconds(-1));

        var response = await site.CreateClient().GetAsync($"/preview/{token}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("过期链接稿件", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signed_in_users_preview_any_version_in_the_public_theme()
    {
        using var site = new TestSite(seed: false);
        var id = await site.Services.AtStageAsync(1, "内部预览稿件");
        using var session = await AdminSession.LoginAsync(site, "view-reviewer", "Reviewer");
        var (status, html) = await session.GetAsync($"/admin/content/view/{id}/1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("内部预览稿件", html);
        Assert.Contains("noindex", html);

        using var outsider = await AdminSession.LoginAsync(site, "view-contributor", "Contributor");
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/admin/content/view/{id}/1")).Status);
    }

    [GeneratedRegex("<a href=\"https?://[^/\"]+(/preview/pv_[^\"]+)\"")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"link\" value=\"(\\d+)\"")]
    private static partial Regex RevokePattern();
}
