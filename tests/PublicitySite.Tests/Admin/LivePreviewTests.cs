using System.Net;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;

namespace PublicitySite.Tests.Admin;

/// <summary>The editor's live preview, which the page's script posts while the author types.</summary>
public sealed class LivePreviewTests
{
    [Fact]
    public async Task A_preview_renders_the_posted_body_and_leaves_every_cookie_alone()
    {
        using var site = new TestSite(seed: false);
        using var session = await AdminSession.LoginAsync(site, "preview-editor", "Editor");
        var id = await site.Services.DraftAsync(await site.Services.UserAsync("preview-editor", "Editor"), "预览与保存提示");

        var saved = await session.PostAsync($"/admin/content/edit/{id}?handler=Save", new() { ["version"] = "1", ["f.Title"] = "预览与保存提示", ["f.Column"] = "工作动态", ["f.Source"] = "本网", ["f.Html"] = "<p>第二版</p>" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // A preview sent before the save may be answered after it: it must not touch the save's message.
        var preview = await session.PostAsync("/admin/content/preview", new() { ["f.Html"] = "<p style=\"color:red\">正在输入<strong>加粗</strong></p><script>alert(1)</script>" });
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("<p>正在输入<strong>加粗</strong></p>", (await preview.Content.ReadAsStringAsync()).Trim());
        Assert.False(preview.Headers.Contains("Set-Cookie"), string.Join("; ", preview.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));

        var (_, page) = await session.GetAsync($"/admin/content/edit/{id}");
        Assert.Contains("已保存为第 2 版草稿", page);
    }

    [Fact]
    public async Task A_preview_without_the_pages_token_or_a_session_is_refused()
    {
        using var site = new TestSite(seed: false);
        using var session = await AdminSession.LoginAsync(site, "preview-forged", "Editor");
        var forged = await session.Client.PostAsync(new Uri("/admin/content/preview", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["f.Html"] = "<p>x</p>" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("页面已过期", await forged.Content.ReadAsStringAsync());

        var anonymous = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var refused = await anonymous.PostAsync(new Uri("/admin/content/preview", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["f.Html"] = "<p>x</p>" }));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}
