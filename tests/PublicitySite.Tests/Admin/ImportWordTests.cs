using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Media;
using PublicitySite.RichText;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.RichText;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.Admin;

/// <summary>导入Word through the admin page: a .docx becomes a draft whose pictures are in the library and used by it.</summary>
public sealed class ImportWordTests
{
    private const string Page = "/admin/content/import-word";

    [Fact]
    public async Task A_report_becomes_a_draft_with_its_structure_and_its_pictures_in_the_library()
    {
        using var site = new TestSite(seed: false);
        using var session = await AdminSession.LoginAsync(site, "word-editor", "Editor");
        var response = await session.PostFileAsync(Page, new() { ["Type"] = "News", ["Column"] = "工作动态" }, "file", WordFixture.Report("关于社区养老服务的调研报告", sections: 2), "调研报告.docx", Page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = response.Headers.Location!.ToString().Split('/').Last();

        await using var scope = site.Services.CreateAsyncScope();
        var work = (await scope.ServiceProvider.GetRequiredService<WorkflowQueries>().GetAsync(id))!;
        Assert.Equal("关于社区养老服务的调研报告", work.Latest.Title);
        Assert.Equal("工作动态", work.Latest.Column);
        Assert.Equal("word-editor", work.Latest.Author);
        var body = RichBody.OfJson(work.Latest.Data);
        Assert.True(body.IsHtml);
        Assert.Contains("rowspan=\"2\"", body.Source, StringComparison.Ordinal);
        Assert.Contains("<strong>326 个</strong>", body.Source, StringComparison.Ordinal);
        Assert.Contains("id=\"fn1\"", body.Source, StringComparison.Ordinal);

        var library = scope.ServiceProvider.GetRequiredService<MediaLibrary>();
        var stored = (await library.SearchAsync(new MediaSearch { Folder = "Word导入" })).Items;
        Assert.Equal(2, stored.Count);
        Assert.Contains(stored, a => a.Alt == "第2部分调研现场照片");
        foreach (var asset in stored)
        {
            Assert.Contains($"/media/{asset.Id}", body.Source, StringComparison.Ordinal);
            Assert.Contains(await library.UsageAsync(asset.Id), u => u.ContentItemId == id);
        }

        var (_, editor) = await session.GetAsync($"/admin/content/edit/{id}");
        Assert.Contains("已从 Word 导入为草稿：2 张图片、2 个表格、1 条脚注", WebUtility.HtmlDecode(editor));
    }

    [Theory]
    [InlineData("旧文件.doc", "另存为", "PK")]
    [InlineData("图片.png", "只能导入 Word 文档", "PK")]
    [InlineData("损坏.docx", "不是有效的 Word 文档", "这不是压缩包")]
    [InlineData("空白.docx", "请选择要导入的 Word 文件", "")]
    public async Task A_file_that_cannot_be_imported_gets_a_400_with_the_reason_and_no_draft(string name, string reason, string content)
    {
        using var site = new TestSite(seed: false);
        using var session = await AdminSession.LoginAsync(site, "word-refused", "Editor");
        var response = await session.PostFileAsync(Page, new() { ["Type"] = "News", ["Column"] = "工作动态" }, "file", Encoding.UTF8.GetBytes(content), name, Page);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await using var scope = site.Services.CreateAsyncScope();
        Assert.Empty((await scope.ServiceProvider.GetRequiredService<WorkflowQueries>().ListAsync(new WorkFilter())).Items);
    }

    [Fact]
    public async Task A_column_outside_the_chosen_type_is_refused()
    {
        using var site = new TestSite(seed: false);
        using var session = await AdminSession.LoginAsync(site, "word-column", "Editor");
        var response = await session.PostFileAsync(Page, new() { ["Type"] = "News", ["Column"] = "不存在的栏目" }, "file", WordFixture.Report("标题"), "a.docx", Page);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请为新闻选择栏目", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
