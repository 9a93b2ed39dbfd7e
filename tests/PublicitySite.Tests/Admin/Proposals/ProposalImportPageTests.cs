using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Proposals;

namespace PublicitySite.Tests.Admin.Proposals;

public sealed partial class ProposalImportPageTests
{
    private const string Header = "提案编号,案由,提案人,界别,类别,同意公开,提交日期\n";

    [Fact]
    public async Task A_dry_run_lists_every_rows_problems_in_chinese_and_writes_nothing()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-import-bad", "ProposalClerk");
        var csv = Header
            + $"第五届第三次会议第0101号,关于增设社区食堂的提案,{OfficeSite.Member},经济界,社会建设,是,2024-06-01\n"
            + "第五届第三次会议第0102号,关于加强河道治理的提案,不存在的委员,经济界,生态文明建设,是,2024-13-01\n";

        var response = await Upload(clerk, csv);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("共 2 行，1 行有问题", html);
        Assert.Contains("未知的委员“不存在的委员”（委员库中没有此人）", html);
        Assert.Contains("提交日期“2024-13-01”无效", html);
        Assert.DoesNotContain("确认导入", html);
        Assert.Equal(0, await OfficeSite.DbAsync(site, db => db.Set<ProposalRecord>().CountAsync()));

        // A confirmation sent anyway with the faulty text is all-or-nothing: the good row is not written either.
        var forced = await clerk.PostAsync("/admin/proposals/import?handler=Confirm", new() { ["text"] = csv, ["format"] = "csv", ["fileName"] = "bad.csv" }, "/admin/proposals/import");
        Assert.Equal(HttpStatusCode.BadRequest, forced.StatusCode);
        Assert.Contains("未导入任何提案", await forced.Content.ReadAsStringAsync());
        Assert.Equal(0, await OfficeSite.DbAsync(site, db => db.Set<ProposalRecord>().CountAsync()));
    }

    [Fact]
    public async Task A_clean_dry_run_offers_confirmation_and_the_confirmed_run_writes_every_row()
    {
        using var site = OfficeSite.Create();
        await OfficeSite.MemberAsync(site);
        using var clerk = await AdminSession.LoginAsync(site, "clerk-import-ok", "ProposalClerk");
        var csv = Header
            + $"第五届第三次会议第0101号,关于增设社区食堂的提案,{OfficeSite.Member},经济界,社会建设,是,2024-06-01\n"
            + $"第五届第三次会议第0102号,\"关于加强河道治理的提案\",{OfficeSite.Member},经济界,生态文明建设,否,2024-06-02\n";

        var dry = await (await Upload(clerk, csv)).Content.ReadAsStringAsync();
        Assert.Contains("检查通过", dry);
        Assert.Equal(0, await OfficeSite.DbAsync(site, db => db.Set<ProposalRecord>().CountAsync()));

        var text = WebUtility.HtmlDecode(HiddenText().Match(dry).Groups[1].Value);
        var confirmed = await clerk.PostAsync("/admin/proposals/import?handler=Confirm", new() { ["text"] = text, ["format"] = "csv", ["fileName"] = "batch.csv" }, "/admin/proposals/import");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var numbers = await OfficeSite.DbAsync(site, db => db.Set<ProposalRecord>().OrderBy(r => r.Seq).Select(r => r.Number).ToListAsync());
        Assert.Equal(["第五届第三次会议第0101号", "第五届第三次会议第0102号"], numbers);
        var (_, list) = await clerk.GetAsync("/admin/proposals");
        Assert.Contains("已导入 2 件提案", list);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_or_empty_gets_a_chinese_message()
    {
        using var site = OfficeSite.Create();
        using var clerk = await AdminSession.LoginAsync(site, "clerk-import-gbk", "ProposalClerk");

        var gbk = await clerk.PostFileAsync("/admin/proposals/import?handler=Check", [], "file", [0xB0, 0xB8, 0xD3, 0xC9, 0xFF, 0xFE, 0x0A], "gbk.csv", "/admin/proposals/import");
        Assert.Equal(HttpStatusCode.BadRequest, gbk.StatusCode);
        Assert.Contains("不是 UTF-8 编码", await gbk.Content.ReadAsStringAsync());

        var none = await clerk.PostAsync("/admin/proposals/import?handler=Check", [], "/admin/proposals/import");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("请选择要导入的", await none.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> Upload(AdminSession clerk, string csv) =>
        clerk.PostFileAsync("/admin/proposals/import?handler=Check", [], "file", Encoding.UTF8.GetBytes(csv), "batch.csv", "/admin/proposals/import");

    [GeneratedRegex("<textarea name=\"text\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex HiddenText();
}
