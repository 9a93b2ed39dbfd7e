using System.Text.Json.Nodes;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Contents;

public sealed class SlugRulesTests
{
    [Theory]
    [InlineData("Zhengxie Gongzuo_Jiaoliuhui", "zhengxie-gongzuo-jiaoliuhui")]
    [InlineData("  a--b  ", "a-b")]
    [InlineData("2024-hui", "2024-hui")]
    public void Typed_slugs_are_normalised(string typed, string expected)
    {
        Assert.True(SlugRules.TryNormalize(typed, out var slug, out _));
        Assert.Equal(expected, slug);
    }

    [Theory]
    [InlineData("政协会议")]
    [InlineData("a/b")]
    [InlineData("../etc")]
    [InlineData("---")]
    public void Slugs_that_would_surprise_are_refused_not_mangled(string typed)
    {
        Assert.False(SlugRules.TryNormalize(typed, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("市政协召开工作交流会", "shi-zheng-xie-zhao-kai-gong-zuo-jiao-liu-hui")]
    [InlineData("2024年政协工作要点（全文）", "2024-nian-zheng-xie-gong-zuo-yao-dian-quan-wen")]
    [InlineData("关于加强基层协商民主建设推动社会治理现代化的调研报告", "guan-yu-jia-qiang-ji-ceng-xie-shang-min-zhu-jian")]
    public void An_empty_slug_reads_as_the_pinyin_of_the_title_cut_at_a_word(string title, string expected)
    {
        var slug = SlugRules.FromTitle(title);
        Assert.Equal(expected, slug);
        Assert.True(SlugRules.IsValid(slug!));
        Assert.True(slug!.Length <= SlugRules.FromTitleLength);
    }

    [Fact]
    public void A_title_with_nothing_to_spell_gives_no_slug()
    {
        Assert.Null(SlugRules.FromTitle("？！——"));
        Assert.Equal("admin-1", SlugRules.FromTitle("Admin"));
    }

    [Fact]
    public async Task Items_published_without_a_slug_get_their_titles_pinyin_made_unique_never_their_id()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        var paths = new List<string?>();
        for (var i = 0; i < 2; i++)
        {
            var id = (await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("News", new JsonObject { ["title"] = "委员视察调研", ["column"] = "工作动态" }, "e"))).Value!.ContentItemId;
            await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.PublishAsync(id));
            var path = (await host.RunAsync<ContentQueries, PublishedEntry?>(q => q.GetAsync(id)))!.Item.Path;
            Assert.DoesNotContain(id, path!, StringComparison.Ordinal);
            paths.Add(path);
        }

        var year = SiteTime.ToLocal(DateTime.UtcNow).Year;
        Assert.Equal([$"news/{year}/wei-yuan-shi-cha-diao-yan", $"news/{year}/wei-yuan-shi-cha-diao-yan-2"], paths);
    }

    [Fact]
    public async Task Two_items_with_the_same_slug_get_distinct_paths()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        var paths = new List<string?>();
        for (var i = 0; i < 2; i++)
        {
            var id = (await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("News", new JsonObject { ["title"] = "同名", ["column"] = "工作动态", ["slug"] = "tongming" }, "e"))).Value!.ContentItemId;
            var published = await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.PublishAsync(id));
            paths.Add((await host.RunAsync<ContentQueries, PublishedEntry?>(q => q.GetAsync(id)))!.Item.Path);
        }

        var year = SiteTime.ToLocal(DateTime.UtcNow).Year;
        Assert.Equal([$"news/{year}/tongming", $"news/{year}/tongming-2"], paths);
    }

    [Fact]
    public async Task A_retitled_item_keeps_its_old_address_as_a_redirect()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        var id = (await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("Page", new JsonObject { ["title"] = "旧名", ["slug"] = "jiu-ming" }, "e"))).Value!.ContentItemId;
        await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.PublishAsync(id));
        await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.UpdateAsync(id, 1, new JsonObject { ["title"] = "新名", ["slug"] = "xin-ming" }, "e"));
        await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.PublishAsync(id));

        var (entry, redirect) = await host.RunAsync<ContentQueries, (PublishedEntry?, string?)>(q => q.FindByPathAsync("pages/jiu-ming"));
        var (current, _) = await host.RunAsync<ContentQueries, (PublishedEntry?, string?)>(q => q.FindByPathAsync("pages/xin-ming"));

        Assert.Null(entry);
        Assert.Equal("/pages/xin-ming", redirect);
        Assert.Equal("新名", current!.Version.Title);
    }
}
