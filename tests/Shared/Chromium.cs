using Microsoft.Playwright;

namespace PublicitySite.Testing;

/// <summary>
/// The system's headless Chromium for browser tests of both test projects (never a downloaded one). It is
/// named by <c>PUBLICITY_CHROMIUM</c>; without it a browser test fails and says so, rather than passing
/// without having looked at a page.
/// </summary>
public static class Chromium
{
    public const string Variable = "PUBLICITY_CHROMIUM";

    // No sandbox: the tests run as root in containers. The rest keeps the browser from reaching the network
    // on its own while a test runs.
    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static string ExecutablePath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrEmpty(path))
            {
                throw new InvalidOperationException(
                    $"Browser tests need Chromium: set {Variable} to its executable, for example {Variable}=$(command -v chromium) (tests/run.sh does this).");
            }

            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"{Variable} names {path}, which does not exist: point it at the Chromium executable.");
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Args });
}
