using Microsoft.Playwright;
using PublicitySite.BrowserTests.Workflow;
using PublicitySite.Users;

namespace PublicitySite.BrowserTests.Auth;

/// <summary>
/// A 签发人, whose role requires two-step sign-in, signs in for the first time in Chromium, is led to the
/// enrolment page, adds the key as an authenticator app would, keeps the recovery codes, and signs in again
/// with password and code. Screenshots in bin/…/screenshots/two-factor/.
/// </summary>
public sealed class TwoFactorWalkTests
{
    private const string Listen = "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";
    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots", "two-factor");

    [Fact]
    public async Task A_publisher_is_led_to_enrol_scans_the_key_and_then_signs_in_with_a_code()
    {
        using var site = new WalkSite(twoFactorRoles: "Administrator,Publisher");
        site.Start();
        await site.AddUserAsync("qianfa", "Publisher", "签发人甲");
        Directory.CreateDirectory(Shots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN", BaseURL = site.Address.ToString() });
        await context.AddInitScriptAsync(Listen);
        var page = await context.NewPageAsync();

        await SignInWithPasswordAsync(page);
        await page.Locator("h1").Filter(new() { HasText = "两步验证" }).WaitForAsync();
        Assert.EndsWith("/admin/account/two-factor", page.Url, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("document.getElementById('enrol-qr').naturalWidth > 100"), "the QR code image loads");
        await Shot(page, "01-enrolment");
        var key = (await page.Locator("#enrol-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);

        await page.GetByLabel("验证码").FillAsync(Code(key, 0));
        await page.GetByRole(AriaRole.Button, new() { Name = "确认并启用" }).ClickAsync();
        await page.Locator("#recovery-codes").WaitForAsync();
        Assert.Equal(10, await page.Locator("ol.recovery li").CountAsync());
        await Shot(page, "02-recovery-codes");
        await page.GetByRole(AriaRole.Link, new() { Name = "已保存，进入管理后台" }).ClickAsync();
        await page.Locator("h1").Filter(new() { HasText = "我的待办" }).WaitForAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__csp"));

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.Locator("h1").Filter(new() { HasText = "登录" }).WaitForAsync();
        await SignInWithPasswordAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并登录" }).WaitForAsync();
        await Shot(page, "03-second-step");
        await page.GetByLabel("验证码").FillAsync(Code(key, 1)); // the next step's code: the first one was used
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并登录" }).ClickAsync();
        await page.Locator("h1").Filter(new() { HasText = "我的待办" }).WaitForAsync();
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "管理菜单" });
        await menu.GetByText("系统", new() { Exact = true }).ClickAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = "我的账户" }).ClickAsync();
        Assert.StartsWith("已启用", (await page.Locator("#two-factor-state").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await Shot(page, "04-my-account");
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__csp"));
    }

    private static async Task SignInWithPasswordAsync(IPage page)
    {
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync("qianfa");
        await page.GetByLabel("密码").FillAsync(WalkSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    private static string Code(string key, int stepsAhead) => Totp.Code(Totp.FromBase32(key)!, Totp.StepAt(DateTimeOffset.UtcNow) + stepsAhead);

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
}
