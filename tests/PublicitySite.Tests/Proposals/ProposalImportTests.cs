using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Proposals;

/// <summary>Batch import from another proposal system: a dry run that names every problem, an all-or-nothing real run.</summary>
public sealed class ProposalImportTests
{
    private const string Header = "编号,案由,提案者类别,提案者,界别,类别,重点提案,主办单位,协办单位,同意公开,提交日期\n";

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_dry_run_reports_every_rows_problems_in_chinese_and_writes_nothing(Db db)
    {
        await using var host = await ProposalTestData.HostAsync(db, new TestClock(ProposalTestData.Start));
        await ProposalTestData.MemberAsync(host, "示例委员 甲");
        await ProposalTestData.ProposalAsync(host, "已有的提案", new DateOnly(2025, 1, 5));
        var csv = Header
            + "第五届第三次会议第0002号,关于好提案,member,示例委员 甲,经济界,经济建设,否,,,是,2025-01-10\n"
            + "第五届第三次会议第0003号,关于未知委员,member,示例委员 无此人,经济界,经济建设,否,,,是,2025-01-10\n"
            + "第五届第三次会议第0001号,关于重号,sector,经济界,经济界,经济建设,否,,,是,2025-01-10\n"
            + "第五届第三次会议第0002号,关于批内重号,sector,经济界,经济界,经济建设,否,,,是,2025-01-10\n"
            + "第五届第三次会议第0005号,关于坏日期,sector,经济界,经济界,经济建设,否,,,是,2025-13-45\n"
            + "第五届第三次会议第0006号,关于截止后提交,sector,经济界,经济界,经济建设,否,,,是,2025-01-25\n"
            + "第五届第三次会议第0007号,关于坏类别,sector,经济界,经济界,国防建设,否,,,是,2025-01-10\n";

        var result = await host.RunAsync<ProposalImporter, ProposalImportResult>(async i => (await i.ImportAsync(TestActors.Clerk("clerk"), new ProposalImportRequest(csv, "csv", DryRun: true))).Report());

        Assert.True(result.DryRun);
        Assert.False(result.Committed);
        Assert.Equal(7, result.Rows.Count);
        Assert.Empty(result.Rows[0].Problems);
        Assert.Contains(result.Rows[1].Problems, p => p.Contains("未知的委员“示例委员 无此人”", StringComparison.Ordinal));
        Assert.Contains(result.Rows[2].Problems, p => p.Contains("第五届第三次会议第0001号已存在", StringComparison.Ordinal));
        Assert.Contains(result.Rows[3].Problems, p => p.Contains("与第 1 行重复", StringComparison.Ordinal));
        Assert.Contains(result.Rows[4].Problems, p => p.Contains("提交日期“2025-13-45”无效", StringComparison.Ordinal));
        Assert.Contains(result.Rows[5].Problems, p => p.Contains("应属第五届第四次会议", StringComparison.Ordinal));
        Assert.Contains(result.Rows[6].Problems, p => p.Contains("国防建设", StringComparison.Ordinal));
        Assert.Equal(1, await host.RunAsync<AppDbContext, int>(d => d.ContentItems.CountAsync(i => i.ContentType == "Proposal")));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_real_run_with_one_bad_row_writes_nothing_and_a_clean_batch_writes_everything(Db db)
    {
        await using var host = await ProposalTestData.HostAsync(db, new TestClock(ProposalTestData.Start));
        await ProposalTestData.MemberAsync(host, "示例委员 甲");
        var good = "第五届第三次会议第0010号,关于甲,member,示例委员 甲,经济界,经济建设,是,市财政局,市税务局；市统计局,是,2025-01-10\n"
            + "第五届第三次会议第0011号,关于乙,party,民建市委会,,社会建设,否,,,否,2025-01-12\n";
        var bad = good + "第五届第三次会议第0012号,关于丙,member,示例委员 乙,,社会建设,否,,,是,2025-01-12\n";

        var refused = await host.RunAsync<ProposalImporter, ProposalImportResult>(async i => (await i.ImportAsync(TestActors.Clerk("clerk"), new ProposalImportRequest(Header + bad, "csv", DryRun: false))).Report());
        Assert.False(refused.Committed);
        Assert.Equal(0, await host.RunAsync<AppDbContext, int>(d => d.ContentItems.CountAsync(i => i.ContentType == "Proposal")));

        var imported = await host.RunAsync<ProposalImporter, ProposalImportResult>(async i => (await i.ImportAsync(TestActors.Clerk("clerk"), new ProposalImportRequest(Header + good, "csv", DryRun: false, Publish: true))).Report());
        Assert.True(imported.Committed, string.Join("；", imported.Rows.SelectMany(r => r.Problems).Concat(imported.Errors)));
        var records = await host.RunAsync<AppDbContext, List<ProposalRecord>>(d => d.Set<ProposalRecord>().OrderBy(r => r.Seq).ToListAsync());
        Assert.Equal(["第五届第三次会议第0010号", "第五届第三次会议第0011号"], records.Select(r => r.Number));
        Assert.Equal([ProposalStatus.Filed, ProposalStatus.Filed], records.Select(r => r.Status));
        Assert.Equal("|市税务局|市统计局|", records[0].CoUnits);
        Assert.True(records[0].Key);
        Assert.False(records[1].PublicConsent);
        Assert.Equal(2, await host.RunAsync<AppDbContext, int>(d => d.Set<ProposalEvent>().CountAsync(e => e.Kind == ProposalEventKind.Filed)));
    }

    [Fact]
    public async Task Json_rows_bring_their_timeline_and_an_illegal_timeline_is_reported()
    {
        await using var host = await ProposalTestData.HostAsync(Db.Sqlite, new TestClock(ProposalTestData.Start));
        const string WithTimeline = """
            { "number": "5-3-20", "title": "关于有进程的提案", "proposerType": "sector", "proposers": ["经济界"], "category": "经济建设", "public": "是", "filedOn": "2025-01-10",
              "leadUnit": "市财政局",
              "timeline": [ { "status": "待审查", "date": "2025-01-10" }, { "status": "立案", "date": "2025-01-18" }, { "status": "交办", "date": "2025-02-20" } ] }
            """;
        const string ReplyBeforeAssignment = """
            { "number": "5-3-21", "title": "关于答复早于交办的提案", "proposerType": "sector", "proposers": ["经济界"], "filedOn": "2025-01-10",
              "timeline": [ { "status": "待审查", "date": "2025-01-10" }, { "status": "已答复", "date": "2025-01-18" } ] }
            """;
        const string Json = "[" + WithTimeline + "," + ReplyBeforeAssignment + "]";

        var dry = await host.RunAsync<ProposalImporter, ProposalImportResult>(async i => (await i.ImportAsync(TestActors.Clerk("clerk"), new ProposalImportRequest(Json, "json", DryRun: true))).Report());
        Assert.Empty(dry.Rows[0].Problems);
        Assert.Contains(dry.Rows[1].Problems, p => p.Contains("第 2 条", StringComparison.Ordinal) && p.Contains("不能记录“已答复”", StringComparison.Ordinal));

        var run = await host.RunAsync<ProposalImporter, ProposalImportResult>(async i => (await i.ImportAsync(TestActors.Clerk("clerk"), new ProposalImportRequest("[" + WithTimeline + "]", "json", DryRun: false))).Report());
        Assert.True(run.Committed, string.Join("；", run.Rows.SelectMany(r => r.Problems).Concat(run.Errors)));
        var record = await host.RunAsync<AppDbContext, ProposalRecord>(d => d.Set<ProposalRecord>().SingleAsync());
        Assert.Equal(ProposalStatus.Assigned, record.Status);
        Assert.Equal(new DateOnly(2025, 5, 20), record.DueOn);
    }

    [Theory]
    [InlineData("csv", "编号,案由\n\"未闭合,x\n")]
    [InlineData("json", "{ 不是 json")]
    [InlineData("json", "[]")]
    public async Task An_unreadable_or_empty_file_is_refused_with_a_message(string format, string text)
    {
        await using var host = await ProposalTestData.HostAsync(Db.Sqlite);

        var result = await host.RunAsync<ProposalImporter, ProposalImportResult>(async i => (await i.ImportAsync(TestActors.Clerk("clerk"), new ProposalImportRequest(text, format, DryRun: false))).Report());

        Assert.False(result.Committed);
        Assert.Single(result.Errors);
        Assert.Empty(await host.RunAsync<ContentQueries, Page<PublishedEntry>>(q => q.ListAsync(new ContentQuery { ContentType = "Proposal" })) is { Items: var items } ? items : []);
    }
}
