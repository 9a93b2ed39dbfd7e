using PublicitySite.Commands;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Proposals;

/// <summary>
/// A confirmed import and a clerk's filing racing for the same numbers: the import is refused whole with a
/// Chinese message naming the row and the number, or goes through whole; no call throws and no number is shared.
/// </summary>
public sealed class ProposalImportRaceTests
{
    private const string Header = "编号,案由,提案者类别,提案者,界别,类别,重点提案,主办单位,协办单位,同意公开,提交日期\n";

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_number_filed_after_the_check_refuses_the_import_naming_the_row_and_writes_nothing(Db db)
    {
        var race = new FileBeforeNextTransaction();
        await using var host = await CoreHost.StartAsync(db, configure: s => Configure(s, race));
        var csv = Header
            + "第五届第三次会议第0005号,关于导入甲,sector,经济界,经济界,经济建设,否,,,是,2025-01-10\n"
            + "第五届第三次会议第0001号,关于导入乙,sector,经济界,经济界,经济建设,否,,,是,2025-01-10\n";
        var dry = await host.RunAsync<ProposalImporter, ProposalImportResult>(async i => (await i.ImportAsync(TestActors.Clerk("clerk"), new ProposalImportRequest(csv, "csv", DryRun: true))).Report());
        Assert.Equal(0, dry.ProblemCount);

        // The filing commits after the confirmed run has checked its rows, just before its transaction begins.
        race.Arm(() => host.RunAsync<ProposalOffice, Result<ProposalChange>>(o => o.FileAsync(TestActors.Clerk("clerk"), Filing("抢先登记的提案"))));
        var result = await host.RunAsync<ProposalImporter, ProposalImportResult>(async i => (await i.ImportAsync(TestActors.Clerk("clerk"), new ProposalImportRequest(csv, "csv", DryRun: false))).Report());

        var filed = race.Outcome!.Value;
        Assert.True(filed.Succeeded, filed.Failure?.Detail);
        Assert.False(result.Committed);
        Assert.Contains("第 2 行写入失败，已全部撤销：编号第五届第三次会议第0001号已被占用", Assert.Single(result.Errors), StringComparison.Ordinal);
        var items = await host.RunAsync<AppDbContext, List<string>>(d => d.ContentItems.Where(i => i.ContentType == "Proposal").Select(i => i.Id).ToListAsync());
        Assert.Equal([filed.Value!.ContentItemId!], items);
        var record = Assert.Single(await host.RunAsync<AppDbContext, List<ProposalRecord>>(d => d.Set<ProposalRecord>().AsNoTracking().ToListAsync()));
        Assert.Equal((filed.Value!.ContentItemId, 1), (record.ContentItemId, record.Seq));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Filings_and_an_import_at_the_same_moment_never_throw_and_never_share_a_number(Db db)
    {
        await using var host = await CoreHost.StartAsync(db, configure: s => s.AddSingleton<TimeProvider>(new TestClock(ProposalTestData.Start)));
        // The import claims 0001–0006, the very numbers the filings will reach for.
        var csv = Header + string.Concat(Enumerable.Range(1, 6).Select(n => $"第五届第三次会议第{n:D4}号,关于同时导入{n},sector,经济界,经济界,经济建设,否,,,是,2025-01-10\n"));
        using var start = new ManualResetEventSlim();
        var filings = Enumerable.Range(1, 6).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await host.RunAsync<ProposalOffice, Result<ProposalChange>>(o => o.FileAsync(TestActors.Clerk($"clerk{i}"), Filing($"同时登记的提案{i}")));
        })).ToList();
        var import = Task.Run(async () =>
        {
            start.Wait();
            return await host.RunAsync<ProposalImporter, ProposalImportResult>(async i => (await i.ImportAsync(TestActors.Clerk("importer"), new ProposalImportRequest(csv, "csv", DryRun: false))).Report());
        });
        start.Set();
        var outcomes = await Task.WhenAll(filings);
        var imported = await import;

        Assert.All(outcomes, o => Assert.True(o.Succeeded || o.Failure!.Detail.Contains("提案编号未能分配", StringComparison.Ordinal), o.Failure?.Detail));
        if (!imported.Committed)
        {
            // Refused either by the check (a row's number 已存在) or inside the transaction (已被占用), always in Chinese.
            var reasons = imported.Errors.Concat(imported.Rows.SelectMany(r => r.Problems)).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.Matches("已存在|已被占用", r));
        }

        var records = await host.RunAsync<AppDbContext, List<ProposalRecord>>(d => d.Set<ProposalRecord>().AsNoTracking().ToListAsync());
        var items = await host.RunAsync<AppDbContext, List<string>>(d => d.ContentItemVersions.Where(v => v.ContentType == "Proposal" && v.Latest).Select(v => v.Slug!).ToListAsync());
        // Every proposal written holds its own number: one record per item, and no slug (t5-3-0001) twice.
        Assert.Equal(items.Count, records.Count);
        Assert.Equal(items.Count, items.Distinct().Count());
        Assert.Equal(records.Count, records.Select(r => r.Seq).Distinct().Count());
        Assert.Equal(outcomes.Count(o => o.Succeeded) + (imported.Committed ? 6 : 0), records.Count);
        Assert.Equal(imported.Committed ? 6 : 0, records.Count(r => r.Title.StartsWith("关于同时导入", StringComparison.Ordinal)));
    }

    private static void Configure(IServiceCollection services, FileBeforeNextTransaction race)
    {
        services.AddSingleton<TimeProvider>(new TestClock(ProposalTestData.Start));
        services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(race));
        services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(race));
    }

    private static ProposalFiling Filing(string title) => new()
    {
        Title = title, Body = "建议内容。", FiledOn = new DateOnly(2025, 1, 10), Proposers = ["经济界"], ProposerType = "sector", Sector = "经济界", Public = true,
    };

    /// <summary>Runs a filing once, when the next transaction is about to begin (the import's, after its check).</summary>
    private sealed class FileBeforeNextTransaction : DbTransactionInterceptor
    {
        private Func<Task<Result<ProposalChange>>>? pending;

        public Result<ProposalChange>? Outcome { get; private set; }

        public void Arm(Func<Task<Result<ProposalChange>>> filing) => pending = filing;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            // Taken before running, so the filing's own transaction does not fire it again.
            if (Interlocked.Exchange(ref pending, null) is { } filing)
            {
                Outcome = await filing();
            }

            return result;
        }
    }
}
