using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;

namespace PublicitySite.Tests.Api;

/// <summary>
/// Inputs that used to give a 500 or a wrong answer: each now gets a 4xx with a Chinese problem body, or the
/// right (empty) page. Through the real host with real tokens.
/// </summary>
public sealed class BadInputTests : IClassFixture<SeededSiteFixture>
{
    private readonly TestSite site;

    public BadInputTests(SeededSiteFixture fixture) => site = fixture.Site;

    [Fact]
    public async Task Synonyms_sent_without_a_json_content_type_get_a_chinese_400()
    {
        using var admin = await site.ClientAsync("bad-input-admin", "Administrator");

        var response = await admin.PutAsync("/api/admin/search/synonyms", new StringContent("{\"groups\":[[\"政协\",\"政治协商会议\"]]}", Encoding.UTF8, "text/plain"));

        await AssertChineseProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/content")]
    [InlineData("/api/graphql")]
    public async Task A_body_over_the_limit_is_a_413(string url)
    {
        using var editor = await site.ClientAsync("bad-input-editor", "Editor");
        var huge = "{\"query\":\"" + new string('a', 33 * 1024 * 1024) + "\"}";

        var response = await editor.PostAsync(url, new StringContent(huge, Encoding.UTF8, "application/json"));

        await AssertChineseProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Invalid_utf8_inside_a_json_string_is_a_400()
    {
        using var editor = await site.ClientAsync("bad-input-utf8", "Editor");
        var bytes = Encoding.UTF8.GetBytes("{\"type\":\"News\",\"title\":\"坏字节X\",\"body\":\"正文\"}");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await editor.PostAsync("/api/content", content);

        await AssertChineseProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Duplicate_json_keys_are_a_400()
    {
        using var editor = await site.ClientAsync("bad-input-dup", "Editor");

        var response = await editor.PostAsync("/api/content", new StringContent("{\"type\":\"News\",\"title\":\"一\",\"title\":\"二\",\"body\":\"正文\"}", Encoding.UTF8, "application/json"));

        await AssertChineseProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/content?from=0001-01-01")]
    [InlineData("/api/content?to=9999-12-31T23:59:59-08:00")]
    public async Task A_date_at_the_edge_of_the_calendar_is_a_400(string url)
    {
        using var anonymous = site.CreateClient();

        await AssertChineseProblemAsync(await anonymous.GetAsync(url), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/content?page=2147483647")]
    [InlineData("/api/members?page=2147483647")]
    public async Task The_last_possible_page_is_empty_not_the_first(string url)
    {
        using var anonymous = site.CreateClient();

        var body = await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>(url);

        Assert.True(body.GetProperty("total").GetInt32() > 0);
        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/content?type=News&pageSize={0}")]
    [InlineData("/api/members?pageSize={0}")]
    [InlineData("/api/proposals?pageSize={0}")]
    [InlineData("/api/search?q=%E6%94%BF%E5%8D%8F&pageSize={0}")]
    public async Task Every_list_reads_page_sizes_the_same_way(string template)
    {
        using var anonymous = site.CreateClient();
        string Url(string value) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, value);

        var spaced = await anonymous.GetAsync(Url("%202%20"));
        var empty = await anonymous.GetAsync(Url(""));

        Assert.Equal(HttpStatusCode.OK, spaced.StatusCode);
        Assert.Equal(2, (await spaced.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        foreach (var bad in new[] { "+2", "-1", "0", "2.0", "1e1", "1,000", "abc", "99999999999" })
        {
            await AssertChineseProblemAsync(await anonymous.GetAsync(Url(Uri.EscapeDataString(bad))), HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task A_workflow_verb_with_no_body_is_accepted_and_a_broken_body_gets_chinese_problem_details()
    {
        using var writer = await site.ClientAsync("bad-input-writer", "Contributor");
        var created = await writer.PostAsJsonAsync("/api/content", Editorial.News("空请求体送审测试"));
        var id = (await created.JsonAsync())["id"]!.ToString();
        using var empty = new HttpRequestMessage(HttpMethod.Post, $"/api/content/{id}/submit") { Content = new StreamContent(new MemoryStream()) };
        empty.Headers.TransferEncodingChunked = true;

        var submitted = await writer.SendAsync(empty);
        var broken = await writer.PostAsync($"/api/content/{id}/unpublish", new StringContent("{\"comment\":", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var problem = await AssertChineseProblemAsync(broken, HttpStatusCode.BadRequest);
        Assert.DoesNotContain("expected", problem, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("JSON token", problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Bidirectional_overrides_and_zero_width_characters_are_stripped_from_titles_and_slugs()
    {
        using var writer = await site.ClientAsync("bad-input-bidi", "Contributor");
        var title = "政协\u202E新闻\u200B发布\u2066会\u2069\uFEFF";

        var created = await writer.PostAsJsonAsync("/api/content", new { type = "News", title, body = "正文", column = "工作动态", slug = "zheng\u200Dxie-\u202Anews" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync())["id"]!.ToString();
        var versions = await (await writer.GetAsync($"/api/content/{id}/versions")).Content.ReadAsStringAsync();
        Assert.Contains("政协新闻发布会", versions, StringComparison.Ordinal);
        foreach (var invisible in new[] { "\\u202E", "\\u200B", "\\u2066", "\\u2069", "\\uFEFF", "\\u200D", "\\u202A", "\u202E", "\u200B", "\u200D" })
        {
            Assert.DoesNotContain(invisible, versions, StringComparison.Ordinal);
        }
    }

    /// <summary>Each filter the document gives a maxLength or a closed set is refused beyond it, naming the parameter.</summary>
    [Theory]
    [InlineData("/api/members?q=", "q", 51)]
    [InlineData("/api/members?party=", "party", 51)]
    [InlineData("/api/proposals?unit=", "unit", 51)]
    [InlineData("/api/content?tag=", "tag", 101)]
    [InlineData("/api/content/by-path?path=", "path", 301)]
    [InlineData("/api/search/suggest?q=", "q", 31)]
    public async Task A_filter_longer_than_documented_is_a_400_naming_it(string url, string parameter, int length)
    {
        using var client = site.CreateClient();

        var body = await AssertChineseProblemAsync(await client.GetAsync(new Uri(url + new string('长', length), UriKind.Relative)), HttpStatusCode.BadRequest);
        Assert.Equal(parameter, System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("parameter").GetString());

        using var fits = await client.GetAsync(new Uri(url + new string('长', length - 1), UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.BadRequest, fits.StatusCode);
    }

    [Theory]
    [InlineData("/api/proposals?status=", "status", "Nope")]
    [InlineData("/api/proposals?key=", "key", "maybe")]
    [InlineData("/api/search?archived=", "archived", "2")]
    [InlineData("/api/content?sort=", "sort", "random")]
    public async Task A_value_outside_a_documented_set_is_a_400_naming_it(string url, string parameter, string value)
    {
        using var client = site.CreateClient();

        var body = await AssertChineseProblemAsync(await client.GetAsync(new Uri(url + value, UriKind.Relative)), HttpStatusCode.BadRequest);
        Assert.Equal(parameter, System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("parameter").GetString());
    }

    private static async Task<string> AssertChineseProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
        return body;
    }
}
