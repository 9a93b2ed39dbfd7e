using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Seeding;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Seeding;

public sealed class ContentImporterTests
{
    [Fact]
    public async Task The_seed_imports_at_least_forty_published_items_in_every_type_and_column()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        var report = await host.RunAsync<ContentImporter, ImportReport>(i => i.ImportFolderAsync(RepositoryPaths.Seed, "admin"));

        Assert.Empty(report.Skipped);
        Assert.True(report.Published >= 40, $"only {report.Published} published");
        var byType = await host.RunAsync<AppDbContext, Dictionary<string, int>>(d => d.ContentItemVersions.Where(v => v.Published)
            .GroupBy(v => v.ContentType).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count));
        foreach (var type in new[] { "News", "Member", "Proposal", "LiteratureCollection", "LiteratureArticle", "Page" })
        {
            Assert.True(byType.GetValueOrDefault(type) > 0, $"no published {type}");
        }

        var columns = await host.RunAsync<AppDbContext, List<string?>>(d => d.ContentItemVersions.Where(v => v.Published && v.ContentType == "News").Select(v => v.Column).Distinct().ToListAsync());
        string[] expected = ["图片新闻", "专委会工作", "工作动态", "政协要闻", "视察调研", "通知公告", "领导讲话"];
        Assert.Equal(expected.Order(), columns.Order());
    }

    [Fact]
    public async Task The_speeches_are_clean_of_the_download_site_footer()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        await host.RunAsync<ContentImporter, ImportReport>(i => i.ImportFolderAsync(RepositoryPaths.Seed, "admin"));

        var speeches = await host.RunAsync<AppDbContext, List<string>>(d => d.ContentItemVersions.Where(v => v.Published && v.Column == "领导讲话").Select(v => v.Data).ToListAsync());
        Assert.Equal(5, speeches.Count);
        Assert.DoesNotContain(speeches, s => s.Contains("zhann", StringComparison.OrdinalIgnoreCase) || s.Contains("收集整理", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Importing_the_same_folder_twice_adds_nothing_the_second_time()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        var first = await host.RunAsync<ContentImporter, ImportReport>(i => i.ImportFolderAsync(RepositoryPaths.Seed, "admin"));
        var second = await host.RunAsync<ContentImporter, ImportReport>(i => i.ImportFolderAsync(RepositoryPaths.Seed, "admin"));

        Assert.Empty(second.Imported);
        Assert.Equal(first.Imported.Count, second.AlreadyPresent.Count);
        Assert.Equal(first.Imported.Count, await host.RunAsync<AppDbContext, int>(d => d.ContentItems.CountAsync()));
    }

    [Fact]
    public async Task A_file_with_bad_front_matter_is_skipped_by_name_and_the_rest_imports()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        var folder = Directory.CreateDirectory(Path.Combine(host.Paths.DataDir, "import")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "good.md"), "---\ntype: News\ntitle: 好文件\ncolumn: 工作动态\nslug: good\n---\n正文");
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.md"), "---\ntype: News\ntitle: [未闭合\n---\n正文");
        await File.WriteAllTextAsync(Path.Combine(folder, "nomatter.md"), "只有正文，没有 front matter");
        await File.WriteAllTextAsync(Path.Combine(folder, "badcolumn.md"), "---\ntype: News\ntitle: 栏目错误\ncolumn: 火星新闻\n---\n正文");

        var report = await host.RunAsync<ContentImporter, ImportReport>(i => i.ImportFolderAsync(folder, "admin"));

        Assert.Equal(["good.md"], report.Imported);
        Assert.Equal(["badcolumn.md", "broken.md", "nomatter.md"], report.Skipped.Select(s => s.File).Order());
        Assert.Contains(report.Skipped, s => s.File == "badcolumn.md" && s.Problem.Contains("火星新闻", StringComparison.Ordinal));
        Assert.Contains(report.Skipped, s => s.File == "nomatter.md" && s.Problem.Contains("元数据", StringComparison.Ordinal)); // said in Chinese, as the operator reads it
        Assert.NotNull(await host.RunAsync<ContentQueries, (PublishedEntry?, string?)>(q => q.FindByPathAsync("news/" + DateTime.UtcNow.AddHours(8).Year + "/good")).ContinueWith(t => t.Result.Item1));
    }

    [Fact]
    public async Task Literature_articles_belong_to_the_collection_of_their_folder_and_news_link_members_by_name()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        await host.RunAsync<ContentImporter, ImportReport>(i => i.ImportFolderAsync(RepositoryPaths.Seed, "admin"));

        var (collections, articles, members, linked) = await host.RunAsync<AppDbContext, (HashSet<string>, List<string>, HashSet<string>, List<string>)>(async d =>
        {
            var c = (await d.ContentItems.Where(i => i.ContentType == "LiteratureCollection").Select(i => i.Id).ToListAsync()).ToHashSet();
            var a = await d.ContentItemVersions.Where(v => v.ContentType == "LiteratureArticle").Select(v => v.Data).ToListAsync();
            var m = (await d.ContentItems.Where(i => i.ContentType == "Member").Select(i => i.Id).ToListAsync()).ToHashSet();
            var n = await d.ContentItemVersions.Where(v => v.ContentType == "News" && v.Data.Contains("\"Members\":[\"")).Select(v => v.Data).ToListAsync();
            return (c, a, m, n);
        });

        Assert.NotEmpty(articles);
        Assert.All(articles, data => Assert.Contains(ContentData.GetList(ContentData.Parse(data), "LiteratureArticlePart", "Collection").Single(), collections));
        Assert.NotEmpty(linked);
        Assert.All(linked, data => Assert.All(ContentData.GetList(ContentData.Parse(data), "NewsPart", "Members"), id => Assert.Contains(id, members)));
    }
}
