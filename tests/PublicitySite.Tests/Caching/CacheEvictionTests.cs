using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Site;

namespace PublicitySite.Tests.Caching;

/// <summary>
/// The page cache serves stored pages until a change they depend on is committed, and never shows a draft.
/// Each test has its own empty site.
/// </summary>
public sealed class CacheEvictionTests
{
    [Fact]
    public async Task Pages_are_served_from_the_cache_until_a_change_evicts_them()
    {
        await using var site = new TestSite(seed: false);
        var reader = SiteContent.Reader(site);
        var id = await SiteContent.CreateNewsAsync(site, "原来的标题", slug: "cached-item");
        var url = await SiteContent.PublishAsync(site, id);
        Assert.Contains("原来的标题", await reader.GetStringAsync(new Uri(url, UriKind.Relative)));

        // Changed behind the content manager's back: no change notice, so the cached page stays.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.ContentItemVersions.Where(v => v.ContentItemId == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.Title, "绕过管理器的标题").SetProperty(v => v.ContentHash, "changed"));
        }

        Assert.Contains("原来的标题", await reader.GetStringAsync(new Uri(url, UriKind.Relative)));

        await SiteContent.EditAsync(site, id, "正式修改的标题");
        await SiteContent.PublishAsync(site, id);
        var html = await reader.GetStringAsync(new Uri(url, UriKind.Relative));
        Assert.Contains("正式修改的标题", html);
        Assert.DoesNotContain("原来的标题", html);
    }

    [Fact]
    public async Task Publishing_shows_the_item_at_once_on_the_cached_home_column_and_feed()
    {
        await using var site = new TestSite(seed: false);
        var reader = SiteContent.Reader(site);
        await SiteContent.PublishNewsAsync(site, "第一条要闻");
        foreach (var url in new[] { "/", "/column/yaowen", "/rss.xml", "/sitemap.xml" })
        {
            Assert.DoesNotContain("第二条要闻", await reader.GetStringAsync(new Uri(url, UriKind.Relative)));
        }

        var second = await SiteContent.PublishNewsAsync(site, "第二条要闻", slug: "second-news");

        foreach (var url in new[] { "/", "/column/yaowen", "/rss.xml" })
        {
            Assert.Contains("第二条要闻", await reader.GetStringAsync(new Uri(url, UriKind.Relative)));
        }

        Assert.Contains(second, await reader.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
    }

    [Fact]
    public async Task A_draft_is_never_shown_and_saving_one_leaves_the_public_page_alone()
    {
        await using var site = new TestSite(seed: false);
        var reader = SiteContent.Reader(site);
        var id = await SiteContent.CreateNewsAsync(site, "已发布的标题", slug: "with-draft");
        var url = await SiteContent.PublishAsync(site, id);
        await SiteContent.CreateNewsAsync(site, "从未发布的草稿", slug: "never-published");
        await SiteContent.EditAsync(site, id, "尚在审核的新标题");

        foreach (var page in new[] { "/", "/column/yaowen", "/rss.xml", "/sitemap.xml", url, "/search?q=" + Uri.EscapeDataString("草稿") })
        {
            var html = await reader.GetStringAsync(new Uri(page, UriKind.Relative));
            Assert.DoesNotContain("从未发布的草稿", html);
            Assert.DoesNotContain("尚在审核的新标题", html);
        }

        Assert.Contains("已发布的标题", await reader.GetStringAsync(new Uri(url, UriKind.Relative)));
        using var draft = await reader.GetAsync(new Uri("/news/" + DateTime.UtcNow.Year + "/never-published", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
    }

    [Fact]
    public async Task Unpublishing_takes_a_cached_article_and_its_list_entry_down_at_once()
    {
        await using var site = new TestSite(seed: false);
        var reader = SiteContent.Reader(site);
        var id = await SiteContent.CreateNewsAsync(site, "将要撤下的文章", slug: "to-withdraw");
        var url = await SiteContent.PublishAsync(site, id);
        Assert.Contains("将要撤下的文章", await reader.GetStringAsync(new Uri("/column/yaowen", UriKind.Relative)));
        Assert.Contains("将要撤下的文章", await reader.GetStringAsync(new Uri(url, UriKind.Relative)));

        await SiteContent.UnpublishAsync(site, id);

        using var gone = await reader.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.DoesNotContain("将要撤下的文章", await reader.GetStringAsync(new Uri("/column/yaowen", UriKind.Relative)));
    }

    [Fact]
    public async Task Publishing_a_neighbour_updates_the_previous_and_next_links_of_a_cached_article()
    {
        await using var site = new TestSite(seed: false);
        var reader = SiteContent.Reader(site);
        var first = await SiteContent.PublishNewsAsync(site, "较早的一篇", slug: "older");
        Assert.Contains("没有了", await reader.GetStringAsync(new Uri(first, UriKind.Relative)));

        await SiteContent.PublishNewsAsync(site, "较新的一篇", slug: "newer");

        Assert.Contains("较新的一篇", await reader.GetStringAsync(new Uri(first, UriKind.Relative)));
    }

    [Fact]
    public async Task An_elder_mode_reader_who_is_never_page_cached_sees_a_publication_on_the_home_page_at_once()
    {
        await using var site = new TestSite(seed: false);
        var reader = SiteContent.Reader(site);
        await SiteContent.PublishNewsAsync(site, "长者模式首页第一条");
        Assert.DoesNotContain("长者模式首页第二条", await reader.GetStringAsync(new Uri("/?elder=1", UriKind.Relative)));
        Assert.Contains("长者模式首页第一条", await reader.GetStringAsync(new Uri("/?elder=1", UriKind.Relative)));

        await SiteContent.PublishNewsAsync(site, "长者模式首页第二条", slug: "elder-second");

        Assert.Contains("长者模式首页第二条", await reader.GetStringAsync(new Uri("/?elder=1", UriKind.Relative)));
    }

    [Fact]
    public async Task Moving_an_item_to_another_column_takes_it_off_its_old_neighbours_cached_pages()
    {
        await using var site = new TestSite(seed: false);
        var reader = SiteContent.Reader(site);
        var first = await SiteContent.PublishNewsAsync(site, "留在要闻的一篇", slug: "stays");
        var movingId = await SiteContent.CreateNewsAsync(site, "将要移走的一篇", slug: "moves");
        await SiteContent.PublishAsync(site, movingId);
        Assert.Contains("将要移走的一篇", await reader.GetStringAsync(new Uri(first, UriKind.Relative)));

        await SiteContent.EditAsync(site, movingId, "将要移走的一篇", column: "工作动态");
        await SiteContent.PublishAsync(site, movingId);

        var html = await reader.GetStringAsync(new Uri(first, UriKind.Relative));
        Assert.DoesNotContain("将要移走的一篇", html);
        Assert.Contains("没有了", html);
    }

    [Fact]
    public async Task A_settings_change_shows_on_every_cached_page_at_once()
    {
        await using var site = new TestSite(seed: false);
        var reader = SiteContent.Reader(site);
        var url = await SiteContent.PublishNewsAsync(site, "一篇文章");
        Assert.Contains("示ICP备00000000号", await reader.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Contains("示ICP备00000000号", await reader.GetStringAsync(new Uri(url, UriKind.Relative)));

        var result = await SiteContent.UpdateSettingsAsync(site, new() { ["IcpNumber"] = "陕ICP备12345678号", ["SiteName"] = "示例市政协" });

        Assert.True(result.Succeeded);
        foreach (var page in new[] { "/", url })
        {
            var html = await reader.GetStringAsync(new Uri(page, UriKind.Relative));
            Assert.Contains("陕ICP备12345678号", html);
            Assert.Contains("<meta name=\"SiteName\" content=\"示例市政协\">", html);
        }

        Assert.Contains("示例市政协 - 新闻", await reader.GetStringAsync(new Uri("/rss.xml", UriKind.Relative)));
    }

    [Fact]
    public async Task Requests_with_credentials_are_never_served_from_the_cache()
    {
        await using var site = new TestSite(seed: false);
        var reader = SiteContent.Reader(site);
        var id = await SiteContent.CreateNewsAsync(site, "缓存前的标题", slug: "auth-bypass");
        var url = await SiteContent.PublishAsync(site, id);
        Assert.Contains("缓存前的标题", await reader.GetStringAsync(new Uri(url, UriKind.Relative)));
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.ContentItemVersions.Where(v => v.ContentItemId == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.Title, "数据库中的标题").SetProperty(v => v.ContentHash, "changed"));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "anything");
        using var response = await reader.SendAsync(request);

        Assert.Contains("数据库中的标题", await response.Content.ReadAsStringAsync());
        Assert.Contains("缓存前的标题", await reader.GetStringAsync(new Uri(url, UriKind.Relative)));
    }

    [Fact]
    public async Task Column_pages_link_previous_and_next_pages_with_rel()
    {
        await using var site = new TestSite(seed: false);
        for (var i = 1; i <= 22; i++)
        {
            await SiteContent.PublishNewsAsync(site, $"工作动态第{i}条", column: "工作动态", slug: $"item-{i}");
        }

        var reader = SiteContent.Reader(site);
        var first = await reader.GetStringAsync(new Uri("/column/dongtai", UriKind.Relative));
        var second = await reader.GetStringAsync(new Uri("/column/dongtai?page=2", UriKind.Relative));

        Assert.Contains("<link rel=\"next\" href=\"/column/dongtai?page=2\">", first);
        Assert.DoesNotContain("rel=\"prev\"", first);
        Assert.Contains("<link rel=\"prev\" href=\"/column/dongtai\">", second);
        Assert.DoesNotContain("rel=\"next\"", second);
        Assert.Contains("工作动态第22条", first);
        Assert.Contains("工作动态第1条", second);
        Assert.DoesNotContain("工作动态第1条<", first);
    }

    [Fact]
    public async Task Applying_a_recipe_with_a_renamed_column_shows_in_the_cached_navigation()
    {
        await using var site = new TestSite(seed: false);
        var reader = SiteContent.Reader(site);
        Assert.Contains(">视察调研<", await reader.GetStringAsync(new Uri("/", UriKind.Relative)));

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<PublicitySite.Contents.Definitions.SiteDefinitionStore>();
            var current = store.Current;
            store.Publish(current with { Columns = [.. current.Columns.Select(c => c.Key == "shicha" ? c with { Name = "视察与调研" } : c)] });
        }

        var html = await reader.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains(">视察与调研<", html);
        Assert.DoesNotContain(">视察调研<", html);
    }
}
