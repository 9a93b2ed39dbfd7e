using Microsoft.Playwright;
using PublicitySite.BrowserTests.Infrastructure;

namespace PublicitySite.BrowserTests.Site;

/// <summary>
/// Every kind of page under its real Content-Security-Policy in Chromium: the browser reports no violation
/// (no script, style, image or connection refused) and the page's scripts still do their job.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserSite site)
{
    private const string Listen = "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));";

    [Theory]
    [InlineData("/")]
    [InlineData("/?elder=1")]
    [InlineData("/column/dongtai")]
    [InlineData("/news/2025/shi-zhengxie-wujie-sanci-huiyi-kaimu")]
    [InlineData("/members")]
    [InlineData("/members/shili-weiyuan-bai-xue")]
    [InlineData("/proposals")]
    [InlineData("/proposals/statistics")]
    [InlineData("/proposals/chengjiao-daqiao-hulan-weixiu")]
    [InlineData("/literature")]
    [InlineData("/literature/articles/wo-dang-minzhu-jianduyuan-de-naxie-nian")]
    [InlineData("/search?q=%E6%94%BF%E5%8D%8F")]
    [InlineData("/admin/login")]
    public async Task A_public_page_runs_under_the_policy_without_violations(string path)
    {
        var (page, messages) = await OpenAsync(await NewContextAsync(), path);

        if (await page.Locator(".sizes a[data-size='l']").CountAsync() > 0)
        {
            // site.js switches the text size in place: proof the theme's script ran.
            await page.Locator(".sizes a[data-size='l']").First.ClickAsync();
            Assert.Contains("size-l", await page.EvaluateAsync<string>("document.documentElement.className"), StringComparison.Ordinal);
            Assert.EndsWith(path, page.Url, StringComparison.Ordinal);
        }

        await AssertNoViolationsAsync(page, messages);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_api_reference_renders_under_its_hashed_policy()
    {
        var (page, messages) = await OpenAsync(await NewContextAsync(), "/api/docs/");
        await page.WaitForFunctionAsync("document.querySelector('#app') === null || document.body.innerText.length > 50", null, new() { Timeout = 20_000 });
        Assert.Contains("PublicitySite API", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        // The library probes whether eval works, inside a try/catch, and falls back when refused: that refusal
        // is the policy working, so it alone is allowed here.
        await AssertNoViolationsAsync(page, messages, "script-src eval " + site.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/api/docs/scalar.js:");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_admin_pages_and_their_scripts_work_under_the_policy()
    {
        var context = await NewContextAsync();
        var (page, messages) = await OpenAsync(context, "/admin/login");
        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync(BrowserSite.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Locator("h1").Filter(new() { HasText = "我的待办" }).WaitForAsync();

        foreach (var path in new[] { "/admin", "/admin/content", "/admin/search", "/admin/webhooks", "/admin/tokens", "/admin/settings", "/admin/users", "/admin/words", "/admin/audit", "/admin/proposals", "/admin/opinions", "/admin/media" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response?.Status == 200, $"{path}: {response?.Status}");
        }

        // The rich editor's bundle starts, and the page's inline script renders the preview as one types.
        await page.GotoAsync("/admin/content/edit?type=News");
        await Admin.RichEditorInput.ReplaceAsync(page, "正文**预览加粗甲**");
        await page.Locator("#preview strong").Filter(new() { HasText = "预览加粗甲" }).WaitForAsync(new() { Timeout = 15_000 });
        // The media library's script lists the library.
        await page.GotoAsync("/admin/media");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await AssertNoViolationsAsync(page, messages);
        await context.CloseAsync();
    }

    private Task<IBrowserContext> NewContextAsync() =>
        site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", BaseURL = site.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) });

    private static async Task<(IPage Page, List<string> Messages)> OpenAsync(IBrowserContext context, string path)
    {
        await context.AddInitScriptAsync(Listen);
        var page = await context.NewPageAsync();
        var messages = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (messages)
                {
                    messages.Add(page.Url + ": " + m.Text);
                }
            }
        };
        var response = await page.GotoAsync(path);
        Assert.True(response?.Status == 200, $"{path}: {response?.Status}");
        Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return (page, messages);
    }

    private static async Task AssertNoViolationsAsync(IPage page, List<string> messages, string? probe = null)
    {
        var reported = (await page.EvaluateAsync<string[]>("window.__csp || []"))
            .Where(v => probe is null || !v.StartsWith(probe, StringComparison.Ordinal)).ToList();
        lock (messages)
        {
            var console = messages.Where(m => probe is null || !m.Contains("'unsafe-eval'", StringComparison.Ordinal)).ToList();
            Assert.True(reported.Count == 0 && console.Count == 0, string.Join("\n", reported.Concat(console)));
        }
    }
}
