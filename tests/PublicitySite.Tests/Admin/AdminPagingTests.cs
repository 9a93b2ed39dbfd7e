using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Contents;
using PublicitySite.Proposals;
using PublicitySite.Tests.Admin.Proposals;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Media;

namespace PublicitySite.Tests.Admin;

/// <summary>
/// Every admin list that pages, over real HTTP: the page number comes from <c>?page=</c> (Razor Pages' own
/// "page" route value must not get in the way), and a bad number is answered in Chinese, never with a 500.
/// </summary>
public sealed class AdminPagingTests
{
    private static readonly string[] BadPages = ["0", "-1", "abc", "2147483647"];

    [Fact]
    public async Task The_content_list_shows_the_21st_item_on_page_2_and_answers_bad_page_numbers_in_chinese()
    {
        using var site = OfficeSite.Create();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
            for (var i = 1; i <= 25; i++)
            {
                var created = await contents.CreateAsync("News", new JsonObject { ["title"] = $"分页条目{i:D2}", ["body"] = "正文。", ["column"] = "工作动态" }, "paging-admin");
                Assert.True(created.Succeeded, created.Failure?.Detail);
            }
        }

        using var admin = await AdminSession.LoginAsync(site, "paging-admin", "Administrator");

        // Newest first: page 1 holds 25…06, so the 21st item is 05.
        var (plainStatus, plain) = await admin.GetAsync("/admin/content");
        Assert.Equal(HttpStatusCode.OK, plainStatus);
        Assert.DoesNotContain("class=\"errors\"", plain);
        Assert.Contains("分页条目25", plain);
        Assert.DoesNotContain("分页条目05", plain);

        var (_, second) = await admin.GetAsync("/admin/content?page=2");
        Assert.Contains("分页条目05", second);
        Assert.Contains("分页条目01", second);
        Assert.DoesNotContain("分页条目25", second);
        Assert.Contains("第 2 / 2 页", second);
        Assert.DoesNotContain("class=\"errors\"", second);

        var (_, filtered) = await admin.GetAsync("/admin/content?type=News&page=2");
        Assert.Contains("分页条目05", filtered);

        await AssertBadPagesAsync(admin, "/admin/content", first: "分页条目25", last: "分页条目05");
    }

    [Fact]
    public async Task The_audit_list_shows_the_51st_entry_on_page_2_and_answers_bad_page_numbers_in_chinese()
    {
        using var site = OfficeSite.Create();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            for (var i = 1; i <= 60; i++)
            {
                await audit.WriteAsync("paging-bot", AuditActions.SettingChanged, $"分页审计{i:D2}");
            }
        }

        using var admin = await AdminSession.LoginAsync(site, "audit-admin", "Administrator");

        var (plainStatus, plain) = await admin.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.OK, plainStatus);
        Assert.DoesNotContain("class=\"errors\"", plain);

        // Newest first, 50 a page: page 1 holds 60…11, so the 51st entry is 10.
        var (_, first) = await admin.GetAsync("/admin/audit?actor=paging-bot");
        Assert.Contains("分页审计60", first);
        Assert.DoesNotContain("分页审计10", first);

        var (_, second) = await admin.GetAsync("/admin/audit?actor=paging-bot&page=2");
        Assert.Contains("分页审计10", second);
        Assert.Contains("分页审计01", second);
        Assert.DoesNotContain("分页审计60", second);
        Assert.Contains("第 2 / 2 页", second);

        await AssertBadPagesAsync(admin, "/admin/audit?actor=paging-bot", first: "分页审计60", last: "分页审计10");
    }

    [Fact]
    public async Task The_proposal_dashboard_shows_the_21st_proposal_on_page_2_and_a_page_past_the_end_shows_the_last()
    {
        using var site = OfficeSite.Create();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var office = scope.ServiceProvider.GetRequiredService<ProposalOffice>();
            for (var i = 1; i <= 21; i++)
            {
                var filed = await office.FileAsync(TestActors.Clerk("paging-clerk"), new ProposalFiling { Title = $"分页提案{i:D2}", FiledOn = new DateOnly(2025, 3, 1), Proposers = ["经济界"], ProposerType = "sector" });
                Assert.True(filed.Succeeded, filed.Failure?.Detail);
            }
        }

        using var clerk = await AdminSession.LoginAsync(site, "paging-clerk", "ProposalClerk");

        // Highest number first: page 1 holds 21…02, so the 21st row is 01.
        var (_, plain) = await clerk.GetAsync("/admin/proposals");
        Assert.DoesNotContain("class=\"errors\"", plain);
        Assert.Contains("分页提案21", plain);
        Assert.DoesNotContain("分页提案01", plain);

        var (_, second) = await clerk.GetAsync("/admin/proposals?page=2");
        Assert.Contains("分页提案01", second);
        Assert.DoesNotContain("分页提案21", second);

        await AssertBadPagesAsync(clerk, "/admin/proposals", first: "分页提案21", last: "分页提案01");
    }

    [Fact]
    public async Task The_media_library_pages_through_the_api_and_refuses_bad_page_numbers_in_chinese()
    {
        using var site = OfficeSite.Create();
        using var admin = await AdminSession.LoginAsync(site, "media-pager", "Administrator");
        for (var i = 1; i <= 21; i++)
        {
            var upload = await admin.Client.PostAsync(new Uri("/api/media", UriKind.Relative), MediaEndpointsTests.Form(SampleFiles.Pdf(), $"分页文件{i:D2}.pdf", alt: null, contentType: "application/pdf"));
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        var first = await Ids(admin, "/api/media?pageSize=20");
        var second = await Ids(admin, "/api/media?pageSize=20&page=2");
        Assert.Equal(20, first.Count);
        Assert.Single(second);
        Assert.DoesNotContain(second[0], first);

        foreach (var bad in new[] { "0", "-1", "abc" })
        {
            var response = await admin.Client.GetAsync(new Uri($"/api/media?page={bad}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("page 应为不小于 1 的整数", await response.Content.ReadAsStringAsync());
        }

        // Past the end the API answers an empty page with the total, as every JSON list here does.
        foreach (var far in new[] { "99999", "2147483647" })
        {
            var response = await admin.Client.GetAsync(new Uri($"/api/media?pageSize=20&page={far}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(21, json.GetProperty("total").GetInt32());
            Assert.Equal(0, json.GetProperty("items").GetArrayLength());
        }
    }

    /// <summary>0, -1 and abc show page 1 with a Chinese message; a page past the end shows the last page and says so.</summary>
    internal static async Task AssertBadPagesAsync(AdminSession session, string url, string first, string last)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        foreach (var bad in BadPages)
        {
            var (status, html) = await session.GetAsync($"{url}{separator}page={bad}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("class=\"errors\"", html);
            if (bad == "2147483647")
            {
                Assert.Contains("已显示最后一页", html);
                Assert.Contains(last, html);
            }
            else
            {
                Assert.Contains($"页码“{bad}”无效，已显示第 1 页", html);
                Assert.Contains(first, html);
            }
        }

        var (farStatus, far) = await session.GetAsync($"{url}{separator}page=99999");
        Assert.Equal(HttpStatusCode.OK, farStatus);
        Assert.Contains("第 99999 页超出范围（共 2 页），已显示最后一页", far);
        Assert.Contains(last, far);
        Assert.DoesNotContain(first, far);
    }

    private static async Task<List<string>> Ids(AdminSession session, string url)
    {
        var response = await session.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
    }
}
