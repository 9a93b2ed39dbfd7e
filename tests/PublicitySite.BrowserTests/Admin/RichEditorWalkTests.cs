using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PublicitySite.BrowserTests.Workflow;
using PublicitySite.Contents;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace PublicitySite.BrowserTests.Admin;

/// <summary>
/// The rich-text editor in Chromium on a 1366×768 office screen: an article typed with the toolbar and its
/// shortcuts (heading, bold, centring, a table with merged cells, an uploaded picture with alt text and
/// caption), Office clipboard HTML pasted, XSS pasted; then the public page. Screenshots go to
/// bin/…/screenshots/rich-editor/.
/// </summary>
public sealed class RichEditorWalkTests
{
    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots", "rich-editor");
    private static readonly BrowserNewContextOptions Office = new() { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "zh-CN" };

    [Fact]
    public async Task An_article_typed_with_a_heading_bold_centring_a_merged_table_and_a_picture_shows_all_of_it_on_the_public_page()
    {
        using var site = new WalkSite();
        site.Start();
        await site.AddUserAsync("rich-editor", "Editor", "富文本编辑");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await LoginAsync(browser, site);

        await page.GotoAsync("/admin/content/edit?type=News");
        await RichEditorInput.WaitReadyAsync(page);
        var readyMs = await page.EvaluateAsync<double>("() => window.richEditorReadyAt");
        Console.WriteLine($"rich editor usable {readyMs:0} ms after navigation start");
        await page.GetByLabel("标题").FillAsync("市政协召开全体会议（富文本走查）");
        await page.GetByLabel("栏目").SelectOptionAsync("工作动态");

        var body = RichEditorInput.Body(page);
        await body.ClickAsync();
        await page.Keyboard.PressAsync("Control+Alt+1");
        await page.Keyboard.InsertTextAsync("一、会议概况");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.InsertTextAsync("市政协召开");
        await page.Keyboard.PressAsync("Control+B");
        await page.Keyboard.InsertTextAsync("十四届全体会议");
        await page.Keyboard.PressAsync("Control+B");
        await page.Keyboard.InsertTextAsync("，审议通过工作报告。");
        await page.Keyboard.PressAsync("Enter");
        await Toolbar(page, "居中").ClickAsync();
        await page.Keyboard.InsertTextAsync("表一　参会情况");
        await page.Keyboard.PressAsync("Enter");
        await Toolbar(page, "左对齐").ClickAsync();

        // A table from the toolbar, filled with Tab; the last row's two right cells merged.
        await Toolbar(page, "插入表格（3行3列，首行为表头）").ClickAsync();
        foreach (var cell in new[] { "界别", "人数", "备注", "经济界", "42", "", "教育界", "36", "" })
        {
            if (cell.Length > 0)
            {
                await page.Keyboard.InsertTextAsync(cell);
            }

            await page.Keyboard.PressAsync("Tab");
        }

        // Cells are selected by dragging across them, as with a mouse in Word.
        var from = (await body.Locator("table tr").Nth(2).Locator("td").Nth(1).BoundingBoxAsync())!;
        var to = (await body.Locator("table tr").Nth(2).Locator("td").Nth(2).BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + 10, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height / 2, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await Toolbar(page, "合并单元格").ClickAsync();
        Assert.Equal("2", await body.Locator("table tr").Nth(2).Locator("td").Nth(1).GetAttributeAsync("colspan"));

        // A picture uploaded from the toolbar: the dialog asks for alt text, caption and width first.
        await body.Locator("p").Last.ClickAsync();
        var chooser = await page.RunAndWaitForFileChooserAsync(() => Toolbar(page, "上传图片").ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "plenary.jpg", MimeType = "image/jpeg", Buffer = Jpeg() });
        var dialog = page.Locator("dialog.re-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(dialog.Locator(".re-error"), "请填写替代文字");
        await dialog.GetByLabel("替代文字（必填，向读屏软件说明图片内容）").FillAsync("全体会议会场全景");
        await dialog.GetByLabel("图片说明（可选，显示在图片下方）").FillAsync("十四届全体会议现场");
        await dialog.GetByLabel("中").CheckAsync();
        await Shot(page, "01-picture-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await UploadedAsync(page, body);
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.InsertTextAsync("会议号召全体委员履职尽责。");
        await Shot(page, "02-article-typed-1366x768", fullPage: false);

        await SaveAsync(page);
        await RichEditorInput.WaitReadyAsync(page);
        Assert.Equal(1, await body.Locator("table td[colspan='2']").CountAsync());
        Assert.Equal("十四届全体会议现场", await body.Locator("figure figcaption").InnerTextAsync());
        var id = page.Url.Split('/').Last();
        await PublishAsync(site, id);

        var reader = await browser.NewContextAsync(new BrowserNewContextOptions(Office) { BaseURL = site.Address.ToString() });
        var publicPage = await reader.NewPageAsync();
        var api = JsonDocument.Parse(await (await publicPage.APIRequest.GetAsync($"/api/content/{id}")).TextAsync()).RootElement;
        Assert.Equal("html", api.GetProperty("bodyFormat").GetString());
        await publicPage.GotoAsync(api.GetProperty("url").GetString()!);
        var article = publicPage.Locator(".body");
        await Expect(article.Locator("h2"), "一、会议概况");
        await Expect(article.Locator("strong"), "十四届全体会议");
        Assert.Equal("center", await article.Locator("p.align-center").EvaluateAsync<string>("p => getComputedStyle(p).textAlign"));
        Assert.Equal(1, await article.Locator("table td[colspan='2']").CountAsync());
        Assert.Equal("全体会议会场全景", await article.Locator("figure picture img").GetAttributeAsync("alt"));
        Assert.Equal("high", await article.Locator("figure picture img").GetAttributeAsync("fetchpriority"));
        Assert.Null(await article.Locator("figure picture img").GetAttributeAsync("loading"));
        Assert.True(await article.Locator("figure picture img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the picture loads from its variants");
        await Expect(article.Locator("figcaption"), "十四届全体会议现场");
        await Shot(publicPage, "03-public-page");
        await reader.CloseAsync();
    }

    [Fact]
    public async Task Pasting_Word_WPS_and_a_web_page_keeps_their_structure_and_pasted_XSS_runs_nowhere()
    {
        using var site = new WalkSite();
        site.Start();
        await site.AddUserAsync("paste-editor", "Editor", "粘贴编辑");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await LoginAsync(browser, site, "paste-editor");
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };

        await page.GotoAsync("/admin/content/edit?type=News");
        await RichEditorInput.WaitReadyAsync(page);
        await page.GetByLabel("标题").FillAsync("粘贴走查稿件");
        await page.GetByLabel("栏目").SelectOptionAsync("工作动态");
        var body = RichEditorInput.Body(page);
        await body.ClickAsync();
        await PasteAsync(page, Corpus("word2016.html"));
        await Expect(body.Locator("h2").First, "关于加强社区养老服务的调研报告");
        Assert.Equal(3, await body.Locator("ol > li").CountAsync());
        Assert.Equal(1, await body.Locator("ol ol > li").CountAsync());
        Assert.Equal("2", await body.Locator("td[rowspan]").First.GetAttributeAsync("rowspan"));
        await Expect(page.Locator(".re-status"), "1 张图片无法从剪贴板读取");
        await Shot(page, "04-word-pasted", fullPage: false);
        await page.Keyboard.PressAsync("Control+End");
        await PasteAsync(page, Corpus("wps.html"));
        await Expect(body.Locator("ul li").Filter(new() { HasText = "参加全体会议" }), "参加全体会议");
        await page.Keyboard.PressAsync("Control+End");
        await PasteAsync(page, Corpus("webpage.html"));
        await Expect(body.Locator("blockquote"), "城市更新要坚持以人民为中心。");
        await page.Keyboard.PressAsync("Control+End");
        await PasteAsync(page, "<p>安全测试</p><img src=x onerror=\"window.pwned=1\"><a href=\"javascript:window.pwned=2\">链接</a><svg onload=\"window.pwned=3\"></svg><p onclick=\"window.pwned=4\">点击</p><script>window.pwned=5</script>");

        // The WPS picture came as a data URI: it waits for alt text (it has one, so it uploads by itself).
        await UploadedAsync(page, body);
        await SaveAsync(page);
        var id = page.Url.Split('/').Last();
        await PublishAsync(site, id);

        var reader = await browser.NewContextAsync(new BrowserNewContextOptions(Office) { BaseURL = site.Address.ToString() });
        var publicPage = await reader.NewPageAsync();
        publicPage.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        var api = await (await publicPage.APIRequest.GetAsync($"/api/content/{id}")).TextAsync();
        var url = JsonDocument.Parse(api).RootElement.GetProperty("url").GetString()!;
        await publicPage.GotoAsync(url);
        var article = publicPage.Locator(".body");
        await Expect(article, "安全测试");
        await article.GetByText("点击", new() { Exact = true }).ClickAsync(); // the pasted paragraph, not the web page's "点击查看"
        Assert.Equal(2, await article.Locator("table").CountAsync());
        Assert.Equal("会议现场", await article.Locator("figure picture img").GetAttributeAsync("alt"));
        Assert.Null(await publicPage.EvaluateAsync<object?>("() => window.pwned ?? null"));
        Assert.Equal(0, dialogs);
        var html = await article.InnerHTMLAsync();
        foreach (var gone in new[] { "mso-", "o:p", "onerror", "javascript:", "<script", "<svg", "font-family" })
        {
            Assert.DoesNotContain(gone, html, StringComparison.OrdinalIgnoreCase);
        }

        await Shot(publicPage, "05-pasted-public-page");
        await reader.CloseAsync();
    }

    private static string Corpus(string name) =>
        File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "PublicitySite.Tests", "RichText", "Corpus", name));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PublicitySite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }

    /// <summary>A paste as the browser delivers one from Word: a clipboard event carrying text/html.</summary>
    /// <summary>
    /// Pastes as the clipboard would. It first waits for the editor to have taken the caret from the keys pressed
    /// before: a synthetic paste, unlike Ctrl+V, does not wait, and would replace a picture still selected.
    /// </summary>
    private static async Task PasteAsync(IPage page, string html)
    {
        await page.WaitForFunctionAsync("() => { const e = document.querySelector('textarea[data-rich-editor]').richEditor; return !!e && e.state.selection.empty; }");
        await page.EvaluateAsync(@"html => {
            const data = new DataTransfer();
            data.setData('text/html', html);
            data.setData('text/plain', html.replace(/<[^>]+>/g, ''));
            document.querySelector('.re-content').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }", html);
    }

    private static ILocator Toolbar(IPage page, string name) =>
        page.Locator(".re-toolbar").GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static async Task PublishAsync(WalkSite site, string id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync(id);
        Assert.True(result.Succeeded);
    }

    private static async Task<IPage> LoginAsync(IBrowser browser, WalkSite site, string name = "rich-editor")
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions(Office) { BaseURL = site.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync(name);
        await page.GetByLabel("密码").FillAsync(WalkSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Locator("h1").Filter(new() { HasText = "我的待办" }).WaitForAsync();
        return page;
    }

    private static async Task Expect(ILocator locator, string text)
    {
        await locator.First.WaitForAsync(new() { Timeout = 15_000 });
        for (var i = 0; i < 50; i++)
        {
            if ((await locator.First.InnerTextAsync()).Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Contains(text, await locator.First.InnerTextAsync());
    }

    private static byte[] Jpeg()
    {
        using var image = new Image<Rgb24>(1200, 800, new Rgb24(168, 18, 28));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    private static async Task Shot(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = fullPage });
    }

    /// <summary>Saves the draft; when no confirmation comes, the failure says what the editor and the page said.</summary>
    private static async Task SaveAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        try
        {
            await Expect(page.Locator(".flash"), "草稿已保存");
        }
        catch (TimeoutException)
        {
            var errors = await page.Locator(".errors").CountAsync() > 0 ? await page.Locator(".errors").InnerTextAsync() : "";
            var status = await page.Locator(".re-status").CountAsync() > 0 ? await page.Locator(".re-status").InnerTextAsync() : "";
            throw new TimeoutException($"the draft was not saved; at {page.Url} the page said “{errors}”, the editor “{status}”");
        }
    }

    /// <summary>Waits for a picture in the text to come back from the media library; a timeout says what the editor said.</summary>
    private static async Task UploadedAsync(IPage page, ILocator body)
    {
        try
        {
            await body.Locator("figure img[src^='/media/']").WaitForAsync(new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            var figures = await body.EvaluateAsync<string>("b => [...b.querySelectorAll('figure img')].map(i => (i.getAttribute('src') || '').slice(0, 30)).join(', ')");
            throw new TimeoutException($"no uploaded picture in the text (pictures: {figures}); the editor's status: " + await page.Locator(".re-status").InnerTextAsync());
        }
    }
}
