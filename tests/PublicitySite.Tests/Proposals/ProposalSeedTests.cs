using Microsoft.EntityFrameworkCore;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Proposals;

/// <summary>The seed's proposals carry their timelines in front matter; on import those become real events.</summary>
public sealed class ProposalSeedTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Every_seed_timeline_becomes_events_and_the_status_follows_from_them(Db db)
    {
        await using var host = await CoreHost.StartAsync(db, importSeed: true);
        var records = await host.RunAsync<AppDbContext, List<ProposalRecord>>(d => d.Set<ProposalRecord>().ToListAsync());
        var events = await host.RunAsync<AppDbContext, List<ProposalEvent>>(d => d.Set<ProposalEvent>().ToListAsync());
        var seedFiles = Directory.GetFiles(Path.Combine(RepositoryPaths.Seed, "proposals"), "*.md");

        Assert.Equal(seedFiles.Length, records.Count);
        foreach (var file in seedFiles)
        {
            var entries = File.ReadAllLines(file).Count(l => l.StartsWith("  - status: ", StringComparison.Ordinal));
            var slug = Path.GetFileNameWithoutExtension(file);
            var record = records.Single(r => r.Path == "proposals/" + slug);
            Assert.True(entries == events.Count(e => e.ContentItemId == record.ContentItemId), $"{slug}: {entries} timeline entries");
        }

        var gas = records.Single(r => r.Path == "proposals/tianranqi-shoufei-guifan");
        Assert.Equal(ProposalStatus.Closed, gas.Status);
        Assert.Equal("基本满意", gas.Verdict);
        Assert.Equal(["不满意", "基本满意"], events.Where(e => e.ContentItemId == gas.ContentItemId && e.Kind == ProposalEventKind.Evaluate).OrderBy(e => e.Date).Select(e => e.Verdict));

        var sewage = records.Single(r => r.Path == "proposals/gongyuanlu-wushui-paifang-zhili");
        Assert.Equal(ProposalStatus.InProgress, sewage.Status);
        Assert.Equal(new DateOnly(2025, 8, 31), sewage.DueOn);
        Assert.True(sewage.Key);

        var refused = records.Single(r => r.Path == "proposals/yiqing-yixian-yihu-renyuan-guanai");
        Assert.False(refused.PublicConsent);
    }
}
