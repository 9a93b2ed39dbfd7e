using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Media;
using PublicitySite.Tests.Workflow;

namespace PublicitySite.Tests.RichText;

/// <summary>
/// HTML bodies through the write API (<c>bodyHtml</c>), out through the public page, the API, RSS and search;
/// Markdown bodies beside them unchanged.
/// </summary>
public sealed class RichBodyApiTests : IClassFixture<BlankSiteFixture>
{
    private readonly TestSite site;

    public RichBodyApiTests(BlankSiteFixture fixture) => site = fixture.Site;

    [Fact]
    public async Task An_HTML_body_with_a_table_and_a_library_picture_is_stored_sanitised_and_published_everywhere_as_text_and_HTML()
    {
        var writer = await site.ClientAsync("rich-writer", "Contributor");
        var upload = await writer.PostAsync("/api/media", MediaEndpointsTests.Form(SampleFiles.Jpeg(1200, 800), alt: "全体会议会场"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var mediaId = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var html = "<h2>一、会议概况</h2><p class=\"indent\">市政协召开<strong>全体会议</strong>，审议工作报告。</p>"
            + "<table><tr><th colspan=\"2\">参会情况</th></tr><tr><td>委员</td><td class=\"align-right\">312</td></tr></table>"
            + $"<figure class=\"image size-medium\"><img src=\"/media/{mediaId}\" alt=\"会场全景\"><figcaption>全体会议现场</figcaption></figure>"
            + "<p>会议强调<a href=\"https://www.example.gov.cn/\" onclick=\"x()\">详见</a>。</p>";
        var body = new JsonObject { ["type"] = "News", ["title"] = "富文本接口测试稿", ["bodyHtml"] = html, ["column"] = "工作动态" };

        var id = await PublishAsync(writer, body);
        var anonymous = site.CreateClient();
        var read = await (await anonymous.GetAsync($"/api/content/{id}")).JsonAsync();
        Assert.Equal("html", read["bodyFormat"]!.ToString());
        var bodyHtml = read["bodyHtml"]!.ToString();
        Assert.Contains("<th colspan=\"2\">参会情况</th>", bodyHtml);
        Assert.Contains("<td class=\"align-right\">312</td>", bodyHtml);
        Assert.Contains($"<figure class=\"image size-medium\"><img src=\"/media/{mediaId}\" alt=\"会场全景\"><figcaption>全体会议现场</figcaption></figure>", bodyHtml);
        Assert.DoesNotContain("onclick", bodyHtml);
        Assert.Equal("一、会议概况 市政协召开全体会议，审议工作报告。 参会情况 委员 312 全体会议现场 会议强调详见。", read["bodyText"]!.ToString());
        Assert.StartsWith("一、会议概况 市政协召开全体会议", read["summary"]!.ToString());

        var page = await anonymous.GetStringAsync(read["url"]!.ToString());
        Assert.Contains("<h2>一、会议概况</h2>", page);
        Assert.Contains("<picture>", page);
        Assert.Contains("alt=\"会场全景\"", page);
        Assert.Contains("<figcaption>全体会议现场</figcaption>", page);

        var rss = await anonymous.GetStringAsync("/rss.xml");
        Assert.Contains("富文本接口测试稿", rss);
        Assert.DoesNotContain("&lt;h2", rss[rss.IndexOf("富文本接口测试稿", StringComparison.Ordinal)..]);

        var search = await (await anonymous.GetAsync("/api/search?q=" + Uri.EscapeDataString("审议工作报告"))).JsonAsync();
        var hit = search["items"]!.AsArray().Single(i => i!["id"]!.ToString() == id)!;
        Assert.DoesNotContain("<h2", hit["snippet"]!.ToString());
        Assert.Contains("<em>", hit["snippet"]!.ToString());
    }

    [Fact]
    public async Task The_XSS_vectors_sent_as_bodyHtml_execute_nothing_on_the_page_in_RSS_or_in_the_API()
    {
        var writer = await site.ClientAsync("xss-writer", "Contributor");
        var html = "<p>安全测试正文开头</p>" + string.Concat(OfficePasteCorpus.XssVectors) + "<p>安全测试正文结尾</p>";
        var id = await PublishAsync(writer, new JsonObject { ["type"] = "News", ["title"] = "富文本安全测试稿", ["bodyHtml"] = html, ["column"] = "工作动态" });

        var anonymous = site.CreateClient();
        var raw = await anonymous.GetStringAsync($"/api/content/{id}");
        var read = JsonNode.Parse(raw)!;
        OfficePasteCorpus.AssertInert(read["bodyHtml"]!.ToString());
        Assert.Contains("安全测试正文开头", read["bodyText"]!.ToString());
        OfficePasteCorpus.AssertInert(read["parts"]!.ToJsonString());

        var page = await anonymous.GetStringAsync(read["url"]!.ToString());
        var start = page.IndexOf("<div class=\"body\">", StringComparison.Ordinal);
        var article = page[start..page.IndexOf("</article>", start, StringComparison.Ordinal)];
        Assert.Contains("安全测试正文开头", article);
        OfficePasteCorpus.AssertInert(article);
        var rss = await anonymous.GetStringAsync("/rss.xml");
        OfficePasteCorpus.AssertInert(System.Net.WebUtility.HtmlDecode(rss));
    }

    [Fact]
    public async Task A_Markdown_body_keeps_working_and_says_its_format()
    {
        var writer = await site.ClientAsync("md-writer", "Contributor");
        var id = await PublishAsync(writer, Editorial.News("Markdown 正文测试稿", "## 小标题\n\n**加粗**的正文。"));

        var read = await (await site.CreateClient().GetAsync($"/api/content/{id}")).JsonAsync();
        Assert.Equal("markdown", read["bodyFormat"]!.ToString());
        Assert.Contains("<strong>加粗</strong>", read["bodyHtml"]!.ToString());
        Assert.Equal("小标题 加粗的正文。", read["bodyText"]!.ToString());
    }

    [Fact]
    public async Task An_item_switches_from_Markdown_to_HTML_and_the_version_diff_compares_words_not_markup()
    {
        var writer = await site.ClientAsync("switch-writer", "Contributor");
        var created = await (await writer.PostAsJsonAsync("/api/content", Editorial.News("格式切换测试稿", "第一段**加粗**。"))).JsonAsync();
        var id = created["id"]!.ToString();
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/content/{id}") { Content = JsonContent.Create(new { title = "格式切换测试稿", column = "工作动态", bodyHtml = "<p>第一段<strong>加粗</strong>。</p><p>新增一段。</p>" }) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.OK, (await writer.SendAsync(request)).StatusCode);

        await using var scope = site.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<PublicitySite.Workflow.WorkflowQueries>();
        var v1 = PublicitySite.RichText.RichBody.OfJson((await queries.VersionAsync(id, 1))!.Data);
        var v2 = PublicitySite.RichText.RichBody.OfJson((await queries.VersionAsync(id, 2))!.Data);
        Assert.False(v1.IsHtml);
        Assert.True(v2.IsHtml);
        var diff = PublicitySite.Workflow.TextDiff.Compare(PublicitySite.RichText.BodyRenderer.ToDiffText(v1), PublicitySite.RichText.BodyRenderer.ToDiffText(v2));
        Assert.Equal("\n新增一段。", string.Concat(diff.Where(s => s.Kind == PublicitySite.Workflow.DiffKind.Added).Select(s => s.Text)));
        Assert.DoesNotContain(diff, s => s.Kind != PublicitySite.Workflow.DiffKind.Same && (s.Text.Contains('<') || s.Text.Contains('*')));
    }

    private async Task<string> PublishAsync(HttpClient writer, JsonObject body)
    {
        var created = await writer.PostAsJsonAsync("/api/content", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync())["id"]!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsJsonAsync($"/api/content/{id}/submit", new { wordsChecked = true })).StatusCode);
        foreach (var (name, role) in new[] { ("rich-editor", "Editor"), ("rich-reviewer", "Reviewer"), ("rich-publisher", "Publisher") })
        {
            var reviewer = await site.ClientAsync(name, role);
            var approved = await reviewer.PostAsJsonAsync($"/api/content/{id}/approve", new { });
            Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        }

        return id;
    }
}
