using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicitySite.BrowserTests.Workflow;
using PublicitySite.Contents;
using PublicitySite.MemberPortal;
using PublicitySite.Proposals;
using PublicitySite.Storage;

namespace PublicitySite.BrowserTests.MemberPortal;

/// <summary>
/// 委员之家 on a phone (390×844) in Chromium: a member writes and submits a proposal with one co-signer, the
/// co-signer confirms, the clerk files it (立案) and assigns it (交办) and records the reply, and the member
/// evaluates it; once published, the public proposal page, the member's public profile and both members'
/// 履职档案 show it. Screenshots of each step go to bin/…/screenshots/member-portal/.
/// </summary>
public sealed class MemberPortalWalkTests
{
    private const string Title = "关于在老旧小区加装电梯的提案";

    private const string Attachment = "加装电梯调研报告.pdf";

    private static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots", "member-portal");

    [Fact]
    public async Task A_member_proposal_goes_from_the_phone_through_the_office_and_back_to_the_members_verdict()
    {
        using var site = new WalkSite();
        site.Start();
        await AddMemberAsync(site, "wy-zhou", "示例委员周");
        await AddMemberAsync(site, "wy-wu", "示例委员吴");
        await site.AddUserAsync("tian", "ProposalClerk", "田清");
        Directory.CreateDirectory(Shots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);

        var lead = await PhoneAsync(browser, site, "wy-zhou");
        await Shot(lead, "01-lead-home");
        await NoSeriousAccessibilityProblemsAsync(lead);
        await lead.GetByRole(AriaRole.Link, new() { Name = "撰写提案" }).ClickAsync();
        await lead.GetByLabel("案由（提案标题）").FillAsync(Title);
        await lead.GetByLabel("类别").SelectOptionAsync("社会建设");
        await lead.GetByLabel("案据（现状与问题）").FillAsync("全市 2000 年前建成的住宅小区中，六层以下无电梯楼栋约 3200 栋，老年住户上下楼困难。");
        await lead.GetByLabel("建议（具体措施）").FillAsync("一、简化加装电梯审批；\n二、设立财政补贴；\n三、引导住户协商分摊费用。");
        await Shot(lead, "02-writing");
        await lead.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await lead.GetByText("草稿已保存。").WaitForAsync();
        await lead.GetByLabel("委员姓名").FillAsync("吴");
        await lead.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "邀请联名" }).ClickAsync();
        await lead.GetByText("示例委员吴（待确认）").WaitForAsync();
        await Shot(lead, "03-draft-with-invited-cosigner");
        await NoSeriousAccessibilityProblemsAsync(lead);
        var draft = lead.Url;
        await lead.GetByRole(AriaRole.Link, new() { Name = "修改草稿、添加附件" }).ClickAsync();
        await lead.GetByLabel("选择文件").SetInputFilesAsync(new FilePayload { Name = Attachment, MimeType = "application/pdf", Buffer = Pdf });
        await lead.GetByRole(AriaRole.Button, new() { Name = "上传附件" }).ClickAsync();
        await lead.GetByText("附件已上传。").WaitForAsync();
        Assert.Contains("PDF", await lead.Locator(".mp-files").InnerTextAsync(), StringComparison.Ordinal);
        await lead.Locator("#mp-files").ScrollIntoViewIfNeededAsync();
        await lead.ScreenshotAsync(new() { Path = Path.Combine(Shots, "03b-attachment-uploaded.png") });
        await NoSeriousAccessibilityProblemsAsync(lead);
        await lead.GotoAsync(draft);
        await lead.Locator(".mp-files").GetByRole(AriaRole.Link, new() { Name = Attachment }).WaitForAsync();
        await lead.GetByLabel("同意公开", new() { Exact = true }).CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "提交提案" }).ClickAsync();
        await lead.GetByText("提案已提交提案委，等待审查。").WaitForAsync();
        Assert.Contains("待审查", await lead.Locator(".mp-number").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(lead, "04-submitted");

        var cosigner = await PhoneAsync(browser, site, "wy-wu");
        Assert.Equal("1", await cosigner.Locator(".mp-badge").InnerTextAsync());
        Assert.Contains("示例委员周 委员邀请您联名", await cosigner.Locator("#mp-notices").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(cosigner, "05-cosigner-inbox");
        await cosigner.Locator("#mp-notices").GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await cosigner.GetByRole(AriaRole.Button, new() { Name = "确认联名" }).ClickAsync();
        await cosigner.GetByText("您已确认联名。").WaitForAsync();
        await Shot(cosigner, "06-cosigner-confirmed");

        var itemId = await ItemIdAsync(site);
        var clerk = await SignInAsync(browser, site, "tian", new() { Width = 1280, Height = 900 });
        await clerk.GotoAsync($"/admin/proposals/{itemId}");
        Assert.Contains("示例委员周、示例委员吴", await clerk.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(Attachment, await clerk.Locator("#portal-attachments").InnerTextAsync(), StringComparison.Ordinal);
        await RecordAsync(clerk, "accept", "立案", null);
        await RecordAsync(clerk, "assign", "交办", async form => await form.GetByLabel("主办单位", new() { Exact = true }).FillAsync("市住房和城乡建设局"));
        await RecordAsync(clerk, "reply", "已答复", async form =>
        {
            await form.GetByLabel("办理结果类别").SelectOptionAsync("B");
            await form.GetByLabel("答复内容（Markdown，公开时删去个人联系方式及涉密内容）").FillAsync("我局已会同财政部门起草加装电梯补贴办法，拟于明年实施。");
        });
        await Shot(clerk, "07-clerk-replied");

        var detail = new Uri(lead.Url).AbsolutePath;
        await lead.GotoAsync("/member");
        Assert.Contains("答复已到，请评价", await lead.Locator("#mp-notices").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(lead, "08a-lead-messages");
        await lead.GotoAsync(detail);
        Assert.Contains("已答复", await lead.Locator(".mp-number").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("主办单位：市住房和城乡建设局", await lead.Locator(".mp-timeline").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("示例委员吴", await lead.Locator(".mp-facts").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(lead, "08-lead-reads-the-reply");
        await lead.GetByLabel("基本满意").CheckAsync();
        await lead.GetByLabel("意见（选填）").FillAsync("希望补贴标准向高龄住户倾斜。");
        await lead.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await lead.GetByText("评价已提交。").WaitForAsync();
        Assert.Contains("已评价", await lead.Locator(".mp-number").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(lead, "09-evaluated");
        await NoSeriousAccessibilityProblemsAsync(lead);

        await lead.GotoAsync("/member?elder=1");
        await Shot(lead, "10-home-in-elder-mode");
        Assert.True(await lead.EvaluateAsync<bool>("document.documentElement.classList.contains('elder')"));
        await lead.GotoAsync("/member?elder=0");

        // 6. The head of the proposal committee publishes it (the member consented); then the public proposal
        // page, the member's public profile and the member's own 履职档案 all show it.
        await site.AddUserAsync("zhang", "ProposalHead", "张审批");
        var head = await SignInAsync(browser, site, "zhang", new() { Width = 1280, Height = 900 });
        await head.GotoAsync($"/admin/proposals/{itemId}");
        await head.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await head.WaitForLoadStateAsync();
        Assert.Contains("已发布", await head.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        var (publicPath, profilePath) = await PublicPathsAsync(site, itemId, "示例委员周");

        await lead.GotoAsync(publicPath);
        var proposalPage = await lead.Locator("main").InnerTextAsync();
        Assert.Contains(Title, proposalPage, StringComparison.Ordinal);
        Assert.Contains("示例委员周（领衔）、示例委员吴", proposalPage, StringComparison.Ordinal);
        Assert.Contains("基本满意", proposalPage, StringComparison.Ordinal);
        Assert.DoesNotContain("希望补贴标准向高龄住户倾斜", proposalPage, StringComparison.Ordinal); // the comment is the member's, not the public's
        await Shot(lead, "11-public-proposal-page");
        await NoSeriousAccessibilityProblemsAsync(lead);

        await lead.GotoAsync(profilePath);
        var profile = lead.Locator("main");
        await profile.GetByRole(AriaRole.Link, new() { Name = Title }).WaitForAsync();
        Assert.Contains("领衔提案 1 件", await profile.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(lead, "12-member-public-profile");

        await lead.GotoAsync("/member");
        await lead.GetByRole(AriaRole.Link, new() { Name = "履职档案" }).ClickAsync();
        var record = lead.Locator("#rc-proposals");
        await record.GetByRole(AriaRole.Link, new() { Name = Title }).WaitForAsync();
        Assert.Contains("领衔", await record.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("已评价", await record.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("10", await lead.Locator("#rc-total").InnerTextAsync()); // 立案提案 10, by the recipe
        await Shot(lead, "13-lead-record");
        await NoSeriousAccessibilityProblemsAsync(lead);
        await cosigner.GotoAsync("/member/record");
        Assert.Contains("联名", await cosigner.Locator("#rc-proposals").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("3", await cosigner.Locator("#rc-total").InnerTextAsync()); // 联名提案 3
        await Shot(cosigner, "14-cosigner-record");
        await lead.GotoAsync("/member/record/report");
        Assert.Contains("领衔提案 1 件", await lead.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(lead, "15-lead-report");
    }

    /// <summary>The proposal's public address and the lead member's public profile, as the indexes hold them.</summary>
    private static async Task<(string Proposal, string Profile)> PublicPathsAsync(WalkSite site, string itemId, string member)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var proposal = await db.Set<ProposalRecord>().Where(r => r.ContentItemId == itemId).Select(r => r.Path).SingleAsync();
        var profile = await db.Set<PublicitySite.Members.MemberIndexEntry>().Where(m => m.Name == member).Select(m => m.Path).SingleAsync();
        return ("/" + proposal!.TrimStart('/'), "/" + profile.TrimStart('/'));
    }

    private static async Task AddMemberAsync(WalkSite site, string userName, string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var created = await contents.CreateAsync("Member", new JsonObject { ["title"] = name, ["body"] = "示例委员", ["sector"] = "经济界" }, "admin");
        await contents.PublishAsync(created.Value!.ContentItemId);
        var (_, errors) = await scope.ServiceProvider.GetRequiredService<MemberAccounts>()
            .AddAsync(PublicitySite.Workflow.Actor.System, userName, created.Value.ContentItemId, WalkSite.Password, generated: false);
        Assert.Empty(errors);
    }

    private static async Task<string> ItemIdAsync(WalkSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<PortalProposal>().Where(p => p.Title == Title).Select(p => p.ContentItemId!).SingleAsync();
    }

    private static async Task<IPage> PhoneAsync(IBrowser browser, WalkSite site, string name)
    {
        var page = await SignInAsync(browser, site, name, new() { Width = 390, Height = 844 });
        await page.WaitForURLAsync("**/member");
        return page;
    }

    private static async Task<IPage> SignInAsync(IBrowser browser, WalkSite site, string name, ViewportSize viewport)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport, Locale = "zh-CN", BaseURL = site.Address.ToString(), HasTouch = viewport.Width < 500 });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync(name);
        await page.GetByLabel("密码").FillAsync(WalkSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Locator("h1").WaitForAsync();
        return page;
    }

    private static async Task RecordAsync(IPage clerk, string key, string name, Func<ILocator, Task>? fill)
    {
        var form = clerk.Locator($"form[aria-labelledby='f-{key}']");
        if (fill is not null)
        {
            await fill(form);
        }

        await form.GetByRole(AriaRole.Button, new() { Name = $"登记“{name}”" }).ClickAsync();
        await clerk.WaitForLoadStateAsync();
        Assert.True(await clerk.Locator(".flash").CountAsync() == 1, await clerk.Locator("main").InnerTextAsync());
    }

    private static async Task NoSeriousAccessibilityProblemsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} 处)");
        Assert.Empty(serious);
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
}
