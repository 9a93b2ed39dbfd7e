using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Members;

namespace PublicitySite.Tests.Admin.Proposals;

/// <summary>A site without the seed (fast to start) and helpers for the office pages' tests.</summary>
internal static class OfficeSite
{
    public const string Member = "示例委员 林清";

    /// <summary>Many sign-ins come from the one test address: the login limit is not under test here.</summary>
    public static TestSite Create(Db db = Db.Sqlite) => new(seed: false, db: db, settings: new() { ["Admin:Login:AttemptsPerWindow"] = "1000" });

    public static Task<string> MemberAsync(TestSite site, string name = Member, string slug = "lin-qing") =>
        MemberData.PublishAsync(site.Services, "Member", MemberData.Member(name, slug));

    public static Dictionary<string, string> Filing(string title, string filedOn = "2025-03-01") => new()
    {
        ["Title"] = title, ["FiledOn"] = filedOn, ["ProposerType"] = "member", ["LeadMember"] = Member, ["Sector"] = "经济界",
        ["Category"] = "社会建设", ["Key"] = "true", ["Supervisor"] = "副主席（示例）", ["Public"] = "true", ["Body"] = "建议增设社区食堂。",
    };

    /// <summary>Files through the page and returns the new proposal's id (from the redirect).</summary>
    public static async Task<string> FileAsync(AdminSession clerk, string title, string filedOn = "2025-03-01")
    {
        var response = await clerk.PostAsync("/admin/proposals/new", Filing(title, filedOn), "/admin/proposals/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.ToString().Split('/').Last();
    }

    public static Task<HttpResponseMessage> RecordAsync(AdminSession clerk, string id, Dictionary<string, string> fields) =>
        clerk.PostAsync($"/admin/proposals/{id}?handler=Record", fields, $"/admin/proposals/{id}");

    public static async Task<T> DbAsync<T>(TestSite site, Func<AppDbContext, Task<T>> read)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static Task<int> EventCountAsync(TestSite site, string id) =>
        DbAsync(site, db => db.Set<ProposalEvent>().CountAsync(e => e.ContentItemId == id));

    public static Task<ProposalRecord> RecordOfAsync(TestSite site, string id) =>
        DbAsync(site, db => db.Set<ProposalRecord>().AsNoTracking().SingleAsync(r => r.ContentItemId == id));
}
