using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Proposals;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Proposals;

/// <summary>Builds proposals and members through the real services, for tests that need a few of their own.</summary>
internal static class ProposalTestData
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 2, 0, 0, TimeSpan.Zero);

    public static Task<CoreHost> HostAsync(Db db, TestClock? clock = null) =>
        CoreHost.StartAsync(db, configure: clock is null ? null : s => s.AddSingleton<TimeProvider>(clock));

    public static async Task<string> MemberAsync(CoreHost host, string name)
    {
        var created = await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("Member", new JsonObject { ["title"] = name, ["body"] = "简介", ["sector"] = "经济界" }, "admin"));
        Assert.True(created.Succeeded, created.Failure?.Detail);
        await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.PublishAsync(created.Value!.ContentItemId));
        return created.Value!.ContentItemId;
    }

    /// <summary>Files a proposal, publishes it, and records the given steps (kind names) on successive days.</summary>
    public static async Task<string> ProposalAsync(CoreHost host, string title, DateOnly filed, bool isPublic = true, string[]? proposers = null, string category = "社会建设", bool key = false, params string[] steps)
    {
        var filing = new ProposalFiling
        {
            Title = title, Body = "建议内容。", FiledOn = filed, Proposers = proposers ?? ["示例委员 甲"], ProposerType = proposers is null ? "sector" : "member",
            Category = category, Public = isPublic, Key = key, Supervisor = key ? "副主席（示例）" : null, Sector = "经济界",
        };
        var outcome = await host.RunAsync<ProposalOffice, Result<ProposalChange>>(o => o.FileAsync(TestActors.Clerk("clerk"), filing));
        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
        var id = outcome.Value!.ContentItemId!;
        Assert.True((await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.PublishAsync(id))).Succeeded);
        var date = filed;
        foreach (var step in steps)
        {
            date = date.AddDays(1);
            var result = await host.RunAsync<ProposalOffice, Result<ProposalChange>>(o => o.RecordAsync(TestActors.Clerk("clerk"), id, Step(step, date)));
            Assert.True(result.Succeeded, $"{step}: {result.Failure?.Detail}");
        }

        return id;
    }

    public static ProposalEventInput Step(string kind, DateOnly date) => kind switch
    {
        "交办" => new ProposalEventInput { Kind = kind, Date = date, Unit = "市交通运输局", CoUnits = ["市财政局"] },
        "已答复" => new ProposalEventInput { Kind = kind, Date = date, ReplyClass = "A", ReplyText = "已办理。", ReplyRefNo = "答复〔2025〕1号" },
        "评价" => new ProposalEventInput { Kind = kind, Date = date, Verdict = "满意" },
        "不立案" => new ProposalEventInput { Kind = kind, Date = date, Note = "不属于提案范围" },
        _ => new ProposalEventInput { Kind = kind, Date = date },
    };
}
