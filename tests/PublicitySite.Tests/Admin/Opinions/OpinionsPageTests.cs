using System.Net;
using System.Text.Json.Nodes;
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

    private static JsonObject Opinion(string title, string reporter, string reportDate, string adoption)
    {
        var opinion = MemberDirectoryTests.Opinion(title, reporter);
        opinion["reportDate"] = reportDate;
        opinion["adoption"] = adoption;
        return opinion;
    }
}
