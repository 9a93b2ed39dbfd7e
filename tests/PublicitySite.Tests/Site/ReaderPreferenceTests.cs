using System.Net;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Site;

/// <summary>Elder mode and text size: links that work without JavaScript, remembered in cookies.</summary>
public sealed class ReaderPreferenceTests(SeededSiteFixture seeded) : IClassFixture<SeededSiteFixture>
{
    [Fact]
    public async Task Elder_mode_from_the_url_renders_the_page_and_is_remembered()
    {
        using var response = await seeded.Client.GetAsync(new Uri("/column/yaowen?elder=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"elder size-m\"", await response.Content.ReadAsStringAsync());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("elder=1", cookie, StringComparison.Ordinal);
        Assert.Contains("退出长者模式", await GetWithCookieAsync("/", "elder=1"));
    }

    [Fact]
    public async Task Elder_mode_is_off_without_the_cookie_and_the_toggle_offers_it()
    {
        var html = await GetWithCookieAsync("/", null);

        Assert.Contains("class=\"size-m\"", html);
        Assert.Contains("href=\"/?elder=1\"", html);
    }

    [Fact]
    public async Task Leaving_elder_mode_clears_the_cookie()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/?elder=0");
        request.Headers.Add("Cookie", "elder=1");
        using var response = await seeded.Client.SendAsync(request);

        Assert.DoesNotContain("<html lang=\"zh-CN\" class=\"elder", await response.Content.ReadAsStringAsync());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("elder=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_size_links_change_the_article_size()
    {
        using var response = await seeded.Client.GetAsync(new Uri("/news/2025/shi-zhengxie-wujie-sanci-huiyi-kaimu?size=l", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("class=\"size-l\"", html);
        Assert.Contains("href=\"?size=l\" data-size=\"l\" aria-describedby=\"size-label\" aria-current=\"true\"", html);
        Assert.Contains("class=\"size-s\"", await GetWithCookieAsync("/news/2025/shi-zhengxie-wujie-sanci-huiyi-kaimu", "textsize=s"));
    }

    [Fact]
    public async Task Cached_pages_are_kept_apart_for_each_reader_mode()
    {
        var plain = await GetWithCookieAsync("/column/dongtai", null);
        var elder = await GetWithCookieAsync("/column/dongtai", "elder=1");
        var plainAgain = await GetWithCookieAsync("/column/dongtai", null);

        Assert.DoesNotContain("<html lang=\"zh-CN\" class=\"elder", plain);
        Assert.Contains("<html lang=\"zh-CN\" class=\"elder", elder);
        Assert.DoesNotContain("<html lang=\"zh-CN\" class=\"elder", plainAgain);
    }

    private async Task<string> GetWithCookieAsync(string url, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await seeded.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
