using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;
using PublicitySite.MemberRecord;
using PublicitySite.Storage;
using PublicitySite.Tests.Admin;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.MemberRecord;

/// <summary>社情民意, meetings and news links made through the real forms and services, for the 履职档案 tests.</summary>
internal static partial class RecordTestData
{
    public static int ThisYear => DutyRecords.ThisYear(TimeProvider.System);

    /// <summary>Reports a 社情民意 through the portal's form; returns its portal row.</summary>
    public static async Task<PortalOpinion> ReportAsync(TestSite site, AdminSession member, string title)
    {
        var response = await member.PostAsync("/member/opinions", new() { ["title"] = title, ["situation"] = "部分社区夜间照明不足，居民出行不便。", ["suggestion"] = "建议增设路灯并定期巡检。", ["category"] = "社会建设" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/member/opinions?submitted=1", response.Headers.Location!.OriginalString);
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<PortalOpinion>().AsNoTracking().SingleAsync(o => o.Title == title);
    }

    /// <summary>The office marks the adoption level on /admin/opinions/adopt/{id}, as a signed-in reviewer does.</summary>
    public static Task<HttpResponseMessage> AdoptAsync(AdminSession office, string itemId, string level, string remark = "") =>
        office.PostAsync($"/admin/opinions/adopt/{itemId}", new() { ["level"] = level, ["remark"] = remark }, $"/admin/opinions/adopt/{itemId}");

    /// <summary>Adds a meeting on /admin/meetings and fills its roster; returns its id.</summary>
    public static async Task<long> MeetingAsync(AdminSession office, string title, string date, string kind, Dictionary<string, string> roster)
    {
        var created = await office.PostAsync("/admin/meetings", new() { ["title"] = title, ["date"] = date, ["kind"] = kind }, "/admin/meetings");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = long.Parse(MeetingLocation().Match(created.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var fields = roster.ToDictionary(r => "m-" + r.Key, r => r.Value);
        var saved = await office.PostAsync($"/admin/meetings/{id}?handler=Roster", fields, $"/admin/meetings/{id}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return id;
    }

    /// <summary>A published news item naming the member (相关委员): a speech or article in their record.</summary>
    public static async Task NewsAsync(TestSite site, string title, string memberId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var created = await contents.CreateAsync("News", new JsonObject { ["title"] = title, ["body"] = "委员在会上发言。", ["column"] = "工作动态", ["Members"] = new JsonArray(memberId) }, "admin");
        Assert.True(created.Succeeded, created.Failure?.Detail);
        Assert.True((await contents.PublishAsync(created.Value!.ContentItemId)).Succeeded);
    }

    public static async Task<string?> AdoptionAsync(TestSite site, string itemId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var latest = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ContentItemVersions.AsNoTracking().SingleAsync(v => v.ContentItemId == itemId && v.Latest);
        return ContentData.GetString(ContentData.Parse(latest.Data), PortalOpinions.Part, "Adoption");
    }

    [GeneratedRegex(@"^/admin/meetings/(\d+)$")]
    private static partial Regex MeetingLocation();
}
