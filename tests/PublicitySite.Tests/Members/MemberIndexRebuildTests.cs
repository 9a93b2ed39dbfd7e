using Microsoft.EntityFrameworkCore;
using PublicitySite.Literature;
using PublicitySite.Members;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Literature;

namespace PublicitySite.Tests.Members;

/// <summary>The member and article indexes are derived data: lost rows come back from the content on the next read.</summary>
public sealed class MemberIndexRebuildTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Emptied_indexes_are_rebuilt_from_published_content_on_the_next_read(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);
        var an = await MemberData.PublishAsync(host.Services, "Member", MemberData.Member("示例委员 安明", "an"));
        await MemberData.PublishAsync(host.Services, "Proposal", MemberDirectoryTests.Proposal("关于护栏的提案", 1, ["示例委员 安明"]));
        var collection = await LiteratureData.CollectionAsync(host.Services, "第一辑", 1, "vol-1");
        await MemberData.PublishAsync(host.Services, "LiteratureArticle", LiteratureData.Article("一篇", collection, 1, "1-2"));
        await host.RunAsync<AppDbContext>(async d =>
        {
            await d.Set<MemberIndexEntry>().ExecuteDeleteAsync();
            await d.Set<MemberLink>().ExecuteDeleteAsync();
            await d.Set<LiteratureArticleEntry>().ExecuteDeleteAsync();
        });

        var members = await host.RunAsync<MemberDirectory, MemberDirectoryResult>(d => d.ListAsync(new MemberFilter()));
        var records = await host.RunAsync<MemberDirectory, MemberRecords>(async d => await d.RecordsAsync((await d.GetAsync(an))!));
        var contents = await host.RunAsync<LiteratureCatalog, IReadOnlyList<LiteratureArticleEntry>>(c => c.ContentsAsync(collection));

        Assert.Equal("示例委员 安明", Assert.Single(members.Members).Name);
        Assert.Equal("关于护栏的提案", Assert.Single(records.ProposalsLed).Title);
        Assert.Equal("一篇", Assert.Single(contents).Title);
    }
}
