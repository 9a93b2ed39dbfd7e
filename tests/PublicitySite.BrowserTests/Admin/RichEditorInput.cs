using Microsoft.Playwright;

namespace PublicitySite.BrowserTests.Admin;

/// <summary>Typing into the admin's rich-text editor as a person does: click in, type, use its shortcuts.</summary>
public static class RichEditorInput
{
    public static ILocator Body(IPage page) => page.Locator(".re-content").First;

    public static async Task WaitReadyAsync(IPage page) =>
        await page.Locator("html[data-rich-editor=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });

    /// <summary>
    /// Replaces the body with <paramref name="text"/>: <c>**…**</c> is typed with Ctrl+B around it and a blank
    /// line starts a new paragraph, so the Markdown-looking test texts read as the editor would make them.
    /// </summary>
    public static async Task ReplaceAsync(IPage page, string text)
    {
        await WaitReadyAsync(page);
        var body = Body(page);
        await body.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        var paragraphs = text.Split("\n\n");
        for (var p = 0; p < paragraphs.Length; p++)
        {
            if (p > 0)
            {
                await page.Keyboard.PressAsync("Enter");
            }

            var parts = paragraphs[p].Split("**");
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    await page.Keyboard.PressAsync("Control+B");
                }

                if (parts[i].Length > 0)
                {
                    await page.Keyboard.InsertTextAsync(parts[i]);
                }
            }
        }
    }
}
