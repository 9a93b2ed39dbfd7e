using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Proposals;

namespace PublicitySite.Tests.Admin.Proposals;

/// <summary>承办单位名录 and 界别名录: CSV in and out, and 交办 and filing held to the lists once they hold names.</summary>
public sealed class ProposalDirectoryPagesTests
{
    [Fact]
    public async Task A_unit_list_imported_from_csv_is_exported_again_and_交办_takes_only_its_names()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-dir", "ProposalClerk");
        var csv = "\uFEFF名称\r\n市民政局\r\n市财政局\r\n\"市卫生健康委\"\r\n";
        var imported = await clerk.PostFileAsync("/admin/proposals/directories?handler=Import", new() { ["kind"] = "unit" }, "file", Encoding.UTF8.GetBytes(csv), "units.csv", "/admin/proposals/directories");
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var (_, page) = await clerk.GetAsync("/admin/proposals/directories");
        Assert.Contains("承办单位名录（3 个）", page);

        var export = await clerk.Client.GetAsync("/admin/proposals/directories?handler=Export&kind=unit");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("\uFEFF名称\r\n市民政局\r\n市财政局\r\n市卫生健康委\r\n", Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()));

        var id = await OfficeSite.FileAsync(clerk, "名录交办测试提案");
        Assert.Equal(HttpStatusCode.Redirect, (await OfficeSite.RecordAsync(clerk, id, new() { ["Kind"] = "立案", ["Date"] = "2025-03-10" })).StatusCode);
        var (_, office) = await clerk.GetAsync($"/admin/proposals/{id}");
        Assert.Contains("<select id=\"assign-unit\" name=\"Unit\" required>", office);
        Assert.Contains("data-py=\"smzj shiminzhengju\">市民政局</option>", office);

        var variant = await OfficeSite.RecordAsync(clerk, id, new() { ["Kind"] = "交办", ["Date"] = "2025-03-15", ["Unit"] = "民政局" });
        Assert.Equal(HttpStatusCode.BadRequest, variant.StatusCode);
        Assert.Contains("主办单位“民政局”不在承办单位名录中", await variant.Content.ReadAsStringAsync());
        var coVariant = await OfficeSite.RecordAsync(clerk, id, new() { ["Kind"] = "交办", ["Date"] = "2025-03-15", ["Unit"] = "市民政局", ["CoUnits"] = "财政局" });
        Assert.Equal(HttpStatusCode.BadRequest, coVariant.StatusCode);
        Assert.Contains("协办单位“财政局”不在承办单位名录中", await coVariant.Content.ReadAsStringAsync());
        Assert.Equal(2, await OfficeSite.EventCountAsync(site, id));

        var picked = await clerk.PostAsync($"/admin/proposals/{id}?handler=Record", new() { ["Kind"] = "交办", ["Date"] = "2025-03-15", ["Unit"] = "市民政局", ["CoUnits"] = "市财政局" }, $"/admin/proposals/{id}");
        Assert.Equal(HttpStatusCode.Redirect, picked.StatusCode);
        var record = await OfficeSite.RecordOfAsync(site, id);
        Assert.Equal("市民政局", record.LeadUnit);
        Assert.Equal("|市财政局|", record.CoUnits);
    }

    [Fact]
    public async Task A_sector_list_holds_filing_to_its_names_and_a_bad_csv_is_refused_whole_in_chinese()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-sector", "ProposalClerk");
        var ok = await clerk.PostAsync("/admin/proposals/directories?handler=Import", new() { ["kind"] = "sector", ["csv"] = "经济界\n教育界\n" }, "/admin/proposals/directories");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        var bad = await clerk.PostAsync("/admin/proposals/directories?handler=Import", new() { ["kind"] = "sector", ["csv"] = "经济界\n经济界\n科技界、农业界\n" }, "/admin/proposals/directories");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var said = await bad.Content.ReadAsStringAsync();
        Assert.Contains("第 2 行：“经济界”重复", said);
        Assert.Contains("每行只写一个名称", said);
        var empty = await clerk.PostAsync("/admin/proposals/directories?handler=Import", new() { ["kind"] = "sector", ["csv"] = "" }, "/admin/proposals/directories");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var unknown = await clerk.PostAsync("/admin/proposals/directories?handler=Import", new() { ["kind"] = "party", ["csv"] = "民革" }, "/admin/proposals/directories");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("未知的名录“party”", await unknown.Content.ReadAsStringAsync());
        var names = await OfficeSite.DbAsync(site, db => db.Set<ProposalDirectoryEntry>().Where(e => e.Kind == ProposalDirectoryKind.Sector).OrderBy(e => e.SortOrder).Select(e => e.Name).ToListAsync());
        Assert.Equal(["经济界", "教育界"], names);
        Assert.Equal(1, await OfficeSite.DbAsync(site, db => db.Set<AuditEntry>().CountAsync(a => a.Action == AuditActions.ProposalDirectory)));

        var (_, form) = await clerk.GetAsync("/admin/proposals/new");
        Assert.Contains("<option value=\"教育界\">教育界</option>", form);
        var filing = OfficeSite.Filing("界别不在名录的提案");
        filing["Sector"] = "经济";
        var refused = await clerk.PostAsync("/admin/proposals/new", filing, "/admin/proposals/new");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("界别“经济”不在界别名录中", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync("/admin/proposals/new", OfficeSite.Filing("界别在名录的提案"), "/admin/proposals/new")).StatusCode);
    }

    [Fact]
    public async Task Only_the_office_may_import_a_directory()
    {
        using var site = OfficeSite.Create();
        using var editor = await AdminSession.LoginAsync(site, "editor-dir", "Editor");
        var refused = await editor.PostAsync("/admin/proposals/directories?handler=Import", new() { ["kind"] = "unit", ["csv"] = "市民政局" }, "/admin");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0, await OfficeSite.DbAsync(site, db => db.Set<ProposalDirectoryEntry>().CountAsync()));
    }
}
