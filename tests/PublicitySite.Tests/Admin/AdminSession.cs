using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;

namespace PublicitySite.Tests.Admin;

/// <summary>A signed-in browser-like session over HTTPS: cookies kept, antiforgery token read from the pages.</summary>
internal sealed partial class AdminSession(HttpClient client) : IDisposable
{
    private string? token;

    public HttpClient Client => client;

    public static HttpClient NewClient(TestSite site) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    public static async Task<AdminSession> LoginAsync(TestSite site, string name, string role)
    {
        await site.Services.UserAsync(name, role);
        var session = new AdminSession(NewClient(site));
        var response = await session.PostAsync("/admin/login", new() { ["name"] = name, ["password"] = Editorial.Password }, "/admin/login");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Takes the antiforgery token for the next posts from <paramref name="page"/> (a page with a form).</summary>
    public async Task ReadTokenAsync(string page)
    {
        var (_, html) = await GetAsync(page);
        token = TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on " + page);
    }

    /// <summary>Posts a form as the page would, with the session's antiforgery token (read from <paramref name="tokenPage"/>).</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string> fields, string tokenPage = "/admin")
    {
        if (token is null || tokenPage == "/admin/login")
        {
            var (_, html) = await GetAsync(tokenPage);
            token = TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on " + tokenPage);
        }

        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        var response = await client.PostAsync(url, new FormUrlEncodedContent(form));
        if (tokenPage == "/admin/login")
        {
            token = null; // a new identity needs a new token
        }

        return response;
    }

    /// <summary>Posts a form whose names repeat (one per row), in the order given, with the session's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostRowsAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string tokenPage = "/admin")
    {
        if (token is null)
        {
            var (_, html) = await GetAsync(tokenPage);
            token = TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on " + tokenPage);
        }

        return await client.PostAsync(url, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    /// <summary>
    /// Posts the second sign-in step as its page would (token read from that page, which exists only after a
    /// passed password step); a signed-in identity needs a new token, so the next post reads one.
    /// </summary>
    public async Task<HttpResponseMessage> PostSecondStepAsync(string code)
    {
        var (_, html) = await GetAsync("/admin/login/two-factor");
        token = TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        var form = new Dictionary<string, string> { ["code"] = code, ["__RequestVerificationToken"] = token ?? "" };
        var response = await client.PostAsync("/admin/login/two-factor", new FormUrlEncodedContent(form));
        token = null;
        return response;
    }

    /// <summary>Posts a multipart form with one file, as a form with <c>enctype="multipart/form-data"</c> would.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string url, Dictionary<string, string> fields, string fileField, byte[] file, string fileName, string tokenPage)
    {
        var (_, html) = await GetAsync(tokenPage);
        token = TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on " + tokenPage);
        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(file), fileField, fileName);
        return await client.PostAsync(url, form);
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
