using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Curation;
using PublicitySite.Settings;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.Curation;

/// <summary>头条, 置顶, 推荐, highlights, 信息归档, 公告条, 网站地图 and the picture column's cover rule, over real HTTP.</summary>
[Collection(CuratedSiteCollection.Name)]
public sealed class CurationTests(CuratedSite curated)
{
    private HttpClient Client() => new() { BaseAddress = curated.BaseAddress };

    [Fact]
    public async Task Only_roles_that_may_sign_off_curate_and_each_change_is_audited()
    {
        var editor = await curated.CurateAsync(curated.PinnedId, new CurationRequest { Featured = true }, new Actor("editor1", "Editor"));
        Assert.Contains("签发", Assert.IsType<Failure.Forbidden>(editor.Failure).Detail);

        var publisher = await curated.CurateAsync(curated.PinnedId, new CurationRequest { TitleBold = true }, new Actor("signer1", "Publisher"));
        Assert.True(publisher.Succeeded);
        await using var scope = curated.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var line = await db.Set<AuditEntry>().Where(a => a.Action == AuditActions.Curated && a.Target == curated.PinnedId).OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal("signer1", line.Actor);
        Assert.Contains("设为标题加粗", line.Detail);
        Assert.True((await curated.CurateAsync(curated.PinnedId, new CurationRequest { TitleBold = false })).Succeeded);
    }

    [Fact]
    public async Task Bad_requests_are_refused_in_chinese()
    {
        var colour = await curated.CurateAsync(curated.PinnedId, new CurationRequest { TitleColor = "pink" });
        Assert.Contains("标题颜色", Assert.IsType<Failure.Invalid>(colour.Failure).Detail);
        var past = await curated.CurateAsync(curated.PinnedId, new CurationRequest { Pinned = true, PinnedUntilUtc = curated.Clock.GetUtcNow().UtcDateTime.AddDays(-1) });
        Assert.Contains("置顶截止时间", past.Failure!.Detail);
        var missing = await curated.CurateAsync("nosuchitem", new CurationRequest { Headline = true });
        Assert.IsType<Failure.NotFound>(missing.Failure);
    }

    [Fact]
    public async Task The_home_page_follows_a_new_headline_at_once()
    {
        using var client = Client();
        var before = await client.GetStringAsync("/");
        Assert.Contains("今日头条：市政协召开全体会议", before);
        Assert.Contains("title-red title-bold", before);

        var id = await curated.PublishAsync(new JsonObject { ["title"] = "新的头条：协商议政会召开", ["column"] = "政协要闻", ["body"] = "正文。" });
        curated.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await curated.CurateAsync(id, new CurationRequest { Headline = true })).Succeeded);
        var after = await client.GetStringAsync("/");
        Assert.Contains("新的头条：协商议政会召开", Headline(after));

        Assert.True((await curated.CurateAsync(id, new CurationRequest { Headline = false })).Succeeded);
        Assert.Contains("今日头条：市政协召开全体会议", Headline(await client.GetStringAsync("/")));
    }

    [Fact]
    public async Task A_pinned_item_heads_its_column_until_its_end()
    {
        using var client = Client();
        var list = await client.GetStringAsync("/column/dongtai");
        var first = list.IndexOf("<span class=\"pin\">置顶</span>", StringComparison.Ordinal);
        Assert.True(first > 0 && list.IndexOf("置顶通知：征集年度提案线索", StringComparison.Ordinal) - first < 200, "the pinned item is the first line");
        Assert.True(first < list.IndexOf("市政协召开提案办理工作推进会", StringComparison.Ordinal));

        var board = await BoardAsync();
        var now = curated.Clock.GetUtcNow().UtcDateTime;
        Assert.True(board.Of(curated.PinnedId)!.IsPinned(now));
        Assert.False((board.Of(curated.PinnedId)! with { PinnedUntilUtc = now.AddMinutes(-1) }).IsPinned(now));
    }

    [Fact]
    public async Task An_archived_item_leaves_the_lists_but_keeps_its_page_with_a_notice()
    {
        using var client = Client();
        var list = await client.GetStringAsync("/column/dongtai");
        Assert.DoesNotContain(CuratedSite.ArchivedTitle, list);
        Assert.DoesNotContain(CuratedSite.ArchivedTitle, await client.GetStringAsync("/"));
        var page = await client.GetStringAsync(curated.ArchivedUrl);
        Assert.Contains("已归档", page);

        // 领导讲话 never expires.
        Assert.Contains("五年前的领导讲话（不归档）", await client.GetStringAsync("/column/jianghua"));
        Assert.DoesNotContain("已归档", await client.GetStringAsync(curated.SpeechUrl));
    }

    [Fact]
    public async Task Archived_items_stay_findable_by_search_and_the_filter_leaves_them_out()
    {
        using var client = Client();
        var q = Uri.EscapeDataString("五年前的");
        var found = "";
        for (var i = 0; i < 50 && !found.Contains(curated.ArchivedUrl, StringComparison.Ordinal); i++)
        {
            await Task.Delay(i == 0 ? 0 : 200); // indexing runs after the commit
            found = await client.GetStringAsync($"/search?q={q}");
        }

        Assert.Contains($"href=\"{curated.ArchivedUrl}\"", found); // titles are highlighted word by word
        Assert.Contains("含归档信息", found);
        Assert.Contains($"href=\"/search?q={q}&amp;archived=0\"", found);

        var without = await client.GetStringAsync($"/search?q={q}&archived=0");
        Assert.DoesNotContain(curated.ArchivedUrl, without);
        Assert.Contains(curated.SpeechUrl, without); // 领导讲话 never archives
        Assert.Contains("归档信息：不含归档信息", without);

        var api = await client.GetStringAsync($"/api/search?q={q}&archived=0");
        Assert.DoesNotContain(curated.ArchivedUrl, api);
        Assert.Contains(curated.ArchivedUrl, await client.GetStringAsync($"/api/search?q={q}"));
        var bad = await client.GetAsync($"/api/search?q={q}&archived=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("不含归档信息", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_notice_bar_shows_until_its_end_time()
    {
        using var client = Client();
        var until = PublicitySite.Contents.SiteTime.ToLocal(curated.Clock.GetUtcNow().UtcDateTime.AddMinutes(30)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        await curated.UpdateSettingsAsync(new() { [SiteSettingKeys.NoticeText] = "本站将于今晚进行维护", [SiteSettingKeys.NoticeUntil] = until });
        try
        {
            Assert.Contains("本站将于今晚进行维护", await client.GetStringAsync("/column/yaowen"));
            curated.Clock.Advance(TimeSpan.FromMinutes(31));
            await Task.Delay(1500); // the watcher empties the page cache once the end has passed
            Assert.DoesNotContain("本站将于今晚进行维护", await client.GetStringAsync("/column/yaowen"));
        }
        finally
        {
            await curated.UpdateSettingsAsync(new() { [SiteSettingKeys.NoticeText] = null, [SiteSettingKeys.NoticeUntil] = null });
        }
    }

    [Fact]
    public async Task Settings_refuse_a_badly_written_time()
    {
        await using var scope = curated.Site.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SiteSettingsService>().UpdateAsync(new Dictionary<string, string?> { [SiteSettingKeys.MourningUntil] = "明天" });
        Assert.False(result.Succeeded);
        Assert.Contains("哀悼模式结束时间", Assert.IsType<Failure.Invalid>(result.Failure).Detail);
    }

    [Fact]
    public async Task The_sitemap_page_lists_every_column_and_the_header_links_to_it()
    {
        using var client = Client();
        var map = await client.GetStringAsync("/sitemap");
        foreach (var column in new[] { "政协要闻", "工作动态", "图片新闻", "委员风采", "提案追踪", "文史资料" })
        {
            Assert.Contains($">{column}</a>", map);
        }

        Assert.Contains("href=\"/sitemap\"", await client.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sitemap.xml")).StatusCode);
    }

    [Fact]
    public async Task Pages_ask_the_browser_to_revalidate_and_home_has_a_description()
    {
        using var client = Client();
        var article = await client.GetAsync(curated.ArticleUrl);
        Assert.True(article.Headers.CacheControl?.NoCache, "article pages send Cache-Control: no-cache");
        var home = await client.GetStringAsync("/");
        Assert.Contains("<meta name=\"description\"", home);
        Assert.Contains("fetchpriority=\"high\"", home);
    }

    [Fact]
    public async Task A_picture_column_shows_covers_and_refuses_an_item_without_one()
    {
        using var client = Client();
        var grid = await client.GetStringAsync("/column/tupian");
        Assert.Contains("class=\"picture-grid", grid);
        Assert.True(grid.Split("<picture>").Length - 1 >= 4);

        await using var scope = curated.Site.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var result = await workflow.CreateAsync(CuratedSite.Admin, "News", new JsonObject { ["title"] = "没有封面的图片新闻", ["column"] = "图片新闻", ["body"] = "正文。" });
        Assert.IsType<Failure.Invalid>(result.Failure);
        Assert.Contains("必须有封面图", result.Failure!.Messages[0]);
    }

    [Fact]
    public async Task A_topic_page_shows_its_banner_introduction_and_sections_by_tag_and_by_hand()
    {
        using var client = Client();
        var page = await client.GetStringAsync(curated.TopicUrl);
        Assert.Equal("/zhuanti/xuexi-guanche-quanhui-jingshen", curated.TopicUrl);
        Assert.Contains("<h1>学习贯彻全会精神</h1>", page);
        Assert.Contains("深入学习贯彻全会精神", page);
        Assert.Contains("class=\"topic-banner\"", page);
        Assert.Contains("<picture>", page);
        Assert.Contains("专题要闻", page);
        Assert.Contains("学习动态", page);
        Assert.Contains("委员心得", page);
        Assert.Contains("推荐新闻第1条：全会精神学习交流", page);
        Assert.Contains("市政协召开提案办理工作推进会", page);

        // The same item is in the ended topic too (sections share the tag 全会精神).
        Assert.Contains("推荐新闻第1条：全会精神学习交流", await client.GetStringAsync(curated.PastTopicUrl));
    }

    [Fact]
    public async Task Current_topics_are_on_the_home_page_and_ended_ones_in_the_archive()
    {
        using var client = Client();
        var home = await client.GetStringAsync("/");
        Assert.Contains("id=\"block-topics\"", home);
        Assert.Contains("学习贯彻全会精神", home);
        Assert.DoesNotContain("往年两会专题", home);

        var index = await client.GetStringAsync("/zhuanti");
        var archive = index[index.IndexOf("id=\"topic-archive-title\"", StringComparison.Ordinal)..];
        Assert.Contains("往年两会专题", archive);
        Assert.DoesNotContain("学习贯彻全会精神", archive);
        Assert.Contains("学习贯彻全会精神", await client.GetStringAsync("/sitemap"));
    }

    [Fact]
    public void Topics_are_reviewed_content_defined_in_the_recipe()
    {
        var site = curated.Site.Services.GetRequiredService<PublicitySite.Contents.Definitions.SiteDefinitionStore>().Current;
        var type = site.FindType("Topic");
        Assert.NotNull(type);
        Assert.Contains("TopicPart", type.Parts);
        Assert.Equal(["初审", "终审签发"], new WorkflowPolicy(site).StagesOf("Topic").Select(s => s.Name));
    }

    private static string Headline(string home)
    {
        var start = home.IndexOf("class=\"headline\"", StringComparison.Ordinal);
        return home[start..home.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private async Task<CurationBoard> BoardAsync()
    {
        await using var scope = curated.Site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CurationService>().GetAsync();
    }
}
