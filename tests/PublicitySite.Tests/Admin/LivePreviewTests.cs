using System.Net;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;

namespace PublicitySite.Tests.Admin;

/// <summary>The editor's live preview, which the page's script posts while the author types.</summary>
public sealed class LivePreviewTests
{
    [Fact]
    public async Task A_preview_sent_between_a_save_and_the_next_page_leaves_the_saves_message_for_that_page()
    {
        using var site = new TestSite(seed: false);
        using var session = await AdminSession.LoginAsync(site, "preview-editor", "Editor");
        var id = await site.Services.DraftAsync(await site.Services.UserAsync("preview-editor", "Editor"), "预览与保存提示");

        var saved = await session.PostAsync($"/admin/content/edit/{id}?handler=Save", new() { ["version"] = "1", ["f.Title"] = "预览与保存提示", ["f.Column"] = "工作动态", ["f.Source"] = "本网", ["f.Html"] = "<p>第二版</p>" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var preview = await session.PostAsync($"/admin/content/edit/{id}?handler=Preview", new() { ["f.Html"] = "<p>正在输入<strong>加粗</strong></p>" }, previewHeader: true);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("<p>正在输入<strong>加粗</strong></p>", (await preview.Content.ReadAsStringAsync()).Trim());

        var (_, page) = await session.GetAsync($"/admin/content/edit/{id}");
        Assert.Contains("已保存为第 2 版草稿", page);
    }
}
