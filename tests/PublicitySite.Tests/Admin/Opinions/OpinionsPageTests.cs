using System.Net;
using System.Text.Json.Nodes;
using PublicitySite.Contents;
using PublicitySite.Tests.Admin.Proposals;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Members;

namespace PublicitySite.Tests.Admin.Opinions;

public sealed class OpinionsPageTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_office_sees_unpublished_opinions_with_filters_and_yearly_counts_and_others_see_nothing(Db db)
    {
        using var site = OfficeSite.Create(db);
        var member = await OfficeSite.MemberAsync(site);
        await MemberData.PublishAsync(site.Services, "SocialOpinion", Opinion("关于增设公交站点的建议", member, "2024-05-06", "市政协采用"));
        await MemberData.CreateAsync(site.Services, "SocialOpinion", Opinion("尚未发布的社情民意", member, "2025-04-01", "未采用"));

        using var reviewer = await AdminSession.LoginAsync(site, "opinion-reviewer", "Reviewer");
        var (status, all) = await reviewer.GetAsync("/admin/opinions");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("class=\"errors\"", all);
        Assert.Contains("尚未发布的社情民意", all);
        Assert.Contains("关于增设公交站点的建议", all);
        Assert.Contains("2024 年</a></td><td>1</td><td>1</td>", all); // year, all, published
        Assert.Contains("2025 年</a></td><td>1</td><td>0</td>", all);
        Assert.Contains("href=\"/admin/content/edit/", all);
        Assert.Contains("href=\"/admin/opinions\"", all); // the nav link

        var (_, unpublished) = await reviewer.GetAsync("/admin/opinions?published=no");
        Assert.Contains("尚未发布的社情民意", unpublished);
        Assert.DoesNotContain("关于增设公交站点的建议", unpublished);

        var (_, year) = await reviewer.GetAsync("/admin/opinions?year=2024&adoption=市政协采用");
        Assert.Contains("关于增设公交站点的建议", year);
        Assert.DoesNotContain("尚未发布的社情民意", year);

        var (badStatus, bad) = await reviewer.GetAsync("/admin/opinions?year=abc");
        Assert.Equal(HttpStatusCode.OK, badStatus);
        Assert.Contains("筛选条件有误", bad);

        using var editor = await AdminSession.LoginAsync(site, "opinion-editor", "Editor");
        var (editorStatus, editorHtml) = await editor.GetAsync("/admin/opinions");
        Assert.Equal(HttpStatusCode.Forbidden, editorStatus);
        Assert.DoesNotContain("尚未发布的社情民意", editorHtml);
        Assert.DoesNotContain("href=\"/admin/opinions\"", (await editor.GetAsync("/admin")).Html);

        using var clerk = await AdminSession.LoginAsync(site, "opinion-clerk", "ProposalClerk");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/admin/opinions")).Status);

        using var anonymous = AdminSession.NewClient(site);
        var signedOut = await anonymous.GetAsync("/admin/opinions");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.DoesNotContain("尚未发布的社情民意", await signedOut.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_list_pages_20_newest_first_keeps_its_filters_and_counts_every_year_whatever_the_page(Db db)
    {
        using var site = OfficeSite.Create(db);
        var member = await OfficeSite.MemberAsync(site);
        await MemberData.PublishAsync(site.Services, "SocialOpinion", Opinion("往年已发布的社情民意", member, "2023-08-01", "未采用"));
        var undated = MemberDirectoryTests.Opinion("未填报送日期的社情民意", member);
        undated["adoption"] = "未采用";
        await MemberData.CreateAsync(site.Services, "SocialOpinion", undated);
        for (var i = 1; i <= 25; i++)
        {
            await MemberData.CreateAsync(site.Services, "SocialOpinion", Opinion($"分页社情{i:D2}", member, "2024-05-06", "市政协采用"));
        }

        using var reviewer = await AdminSession.LoginAsync(site, "paging-reviewer", "Reviewer");
        var thisYear = SiteTime.ToLocal(DateTime.UtcNow).Year;
        var filter = "/admin/opinions?adoption=" + Uri.EscapeDataString("市政协采用");

        // Newest first: page 1 holds 25…06, page 2 holds 05…01; the two 未采用 items are filtered out of both.
        var (status, first) = await reviewer.GetAsync(filter);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("class=\"errors\"", first);
        Assert.Contains("分页社情25", first);
        Assert.Contains("分页社情06", first);
        Assert.DoesNotContain("分页社情05", first);
        Assert.DoesNotContain("往年已发布的社情民意", first);
        Assert.Contains("共 25 篇", first);
        Assert.Contains("第 1 / 2 页", first);
        Assert.Contains("?adoption=" + Uri.EscapeDataString("市政协采用") + "&amp;page=2", first);

        var (_, second) = await reviewer.GetAsync(filter + "&page=2");
        Assert.Contains("分页社情05", second);
        Assert.Contains("分页社情01", second);
        Assert.DoesNotContain("分页社情06", second);
        Assert.DoesNotContain("未填报送日期的社情民意", second);
        Assert.Contains("第 2 / 2 页", second);
        Assert.Contains("?adoption=" + Uri.EscapeDataString("市政协采用") + "&amp;page=1", second);

        // The yearly table counts every item (year = 报送日期, else the year written), on any page and any filter.
        foreach (var html in new[] { first, second })
        {
            Assert.Contains("2024 年</a></td><td>25</td><td>0</td>", html);
            Assert.Contains("2023 年</a></td><td>1</td><td>1</td>", html);
            Assert.Contains($"{thisYear} 年</a></td><td>1</td><td>0</td>", html);
        }

        var (_, undatedYear) = await reviewer.GetAsync($"/admin/opinions?year={thisYear}");
        Assert.Contains("未填报送日期的社情民意", undatedYear);
        Assert.DoesNotContain("分页社情", undatedYear);
        Assert.Contains("第 1 / 1 页", undatedYear);

        var (_, published) = await reviewer.GetAsync("/admin/opinions?published=yes&year=2023");
        Assert.Contains("往年已发布的社情民意", published);
        Assert.Contains("共 1 篇", published);

        await AdminPagingTests.AssertBadPagesAsync(reviewer, filter, first: "分页社情25", last: "分页社情05");
    }

    private static JsonObject Opinion(string title, string reporter, string reportDate, string adoption)
    {
        var opinion = MemberDirectoryTests.Opinion(title, reporter);
        opinion["reportDate"] = reportDate;
        opinion["adoption"] = adoption;
        return opinion;
    }
}
