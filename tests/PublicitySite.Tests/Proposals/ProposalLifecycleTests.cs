using PublicitySite.Proposals;

namespace PublicitySite.Tests.Proposals;

/// <summary>The state machine on its own: every status against every kind of event.</summary>
public sealed class ProposalLifecycleTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private readonly ProposalLifecycle lifecycle = new(new ProposalRules());

    /// <summary>Written out by hand from the proposal office's rules, independently of the implementation's table.</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["待审查"] = ["立案", "不立案", "并案", "转为意见建议"],
        ["已立案"] = ["交办"],
        ["不立案"] = [],
        ["已并案"] = [],
        ["转为意见建议"] = [],
        ["已交办"] = ["办理中", "退回改办", "延期", "催办", "已答复"],
        ["退回改办"] = ["交办", "办理中"],
        ["办理中"] = ["延期", "催办", "已答复"],
        ["已答复"] = ["评价"],
        ["已评价（满意）"] = ["办结"],
        ["已评价（不满意）"] = ["再办理"],
        ["再办理"] = ["办理中", "延期", "催办", "已答复"],
        ["已办结"] = [],
    };

    /// <summary>A path of events that reaches each status.</summary>
    private static readonly Dictionary<string, string[]> Paths = new()
    {
        ["待审查"] = ["待审查"],
        ["已立案"] = ["待审查", "立案"],
        ["不立案"] = ["待审查", "不立案"],
        ["已并案"] = ["待审查", "并案"],
        ["转为意见建议"] = ["待审查", "转为意见建议"],
        ["已交办"] = ["待审查", "立案", "交办"],
        ["退回改办"] = ["待审查", "立案", "交办", "退回改办"],
        ["办理中"] = ["待审查", "立案", "交办", "办理中"],
        ["已答复"] = ["待审查", "立案", "交办", "办理中", "已答复"],
        ["已评价（满意）"] = ["待审查", "立案", "交办", "办理中", "已答复", "评价:满意"],
        ["已评价（不满意）"] = ["待审查", "立案", "交办", "办理中", "已答复", "评价:不满意"],
        ["再办理"] = ["待审查", "立案", "交办", "办理中", "已答复", "评价:不满意", "再办理"],
        ["已办结"] = ["待审查", "立案", "交办", "办理中", "已答复", "评价:满意", "办结"],
    };

    public static TheoryData<string> States() => [.. Expected.Keys];

    [Theory]
    [MemberData(nameof(States))]
    public void Every_kind_of_event_is_allowed_or_refused_exactly_as_the_rules_say(string state)
    {
        var current = Reach(Paths[state]);

        foreach (var kind in ProposalNames.AllKinds)
        {
            var verdict = kind == "评价" ? "满意" : null;
            var error = lifecycle.Check(current, Event(kind, verdict), Today);
            if (Expected[state].Contains(kind))
            {
                Assert.True(error is null, $"{state} → {kind} should be allowed but was refused: {error}");
            }
            else
            {
                Assert.False(error is null, $"{state} → {kind} should be refused");
                Assert.Contains("不能记录", error, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_first_event_must_be_the_filing()
    {
        Assert.Null(lifecycle.Check(new ProposalState(), Event("待审查"), Today));
        Assert.Contains("第一条记录应为“待审查”", lifecycle.Check(new ProposalState(), Event("立案"), Today), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_before_assignment_is_refused_with_the_reason()
    {
        var accepted = Reach(["待审查", "立案"]);

        var error = lifecycle.Check(accepted, Event("已答复"), Today);

        Assert.Equal("提案当前状态为“已立案”，不能记录“已答复”。答复须在交办之后。可记录：交办", error);
    }

    [Fact]
    public void A_verdict_before_a_reply_is_refused_with_the_reason()
    {
        var error = lifecycle.Check(Reach(["待审查", "立案", "交办"]), Event("评价", "满意"), Today);

        Assert.Contains("评价须在答复之后", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_is_derived_from_the_events_and_extensions_and_urging_leave_it_alone()
    {
        var state = Reach(["待审查", "立案", "交办", "办理中", "延期", "催办"]);

        Assert.Equal(ProposalStatus.InProgress, state.Status);
        Assert.Equal(new DateOnly(2026, 1, 10).AddMonths(3).AddMonths(1), state.DueOn);
    }

    [Fact]
    public void An_unsatisfied_member_reopens_the_proposal_and_it_can_close_after_the_second_reply()
    {
        var state = Reach(["待审查", "立案", "交办", "已答复", "评价:不满意", "再办理", "已答复", "评价:不满意"]);

        Assert.Equal(ProposalStatus.Evaluated, state.Status);
        Assert.Equal(1, state.Reopened);
        Assert.Null(lifecycle.Check(state, Event("办结"), Today));
    }

    [Theory]
    [InlineData("不立案", null, "不立案须说明理由")]
    [InlineData("并案", null, "并案须注明并入哪件提案")]
    public void Review_outcomes_need_their_details(string kind, string? note, string message)
    {
        var error = lifecycle.Check(Reach(["待审查"]), new ProposalEvent { ContentItemId = "x", Kind = Kind(kind), Date = Today, Note = note }, Today);

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_needs_a_result_class_from_the_configured_scheme()
    {
        var assigned = Reach(["待审查", "立案", "交办"]);
        var local = new ProposalLifecycle(new ProposalRules { ReplyClasses = new Dictionary<string, string> { ["一"] = "采纳", ["二"] = "参考" } });

        Assert.Contains("办理结果类别", lifecycle.Check(assigned, Reply("D"), Today), StringComparison.Ordinal);
        Assert.Null(lifecycle.Check(assigned, Reply("A"), Today));
        Assert.Contains("一 采纳", local.Check(assigned, Reply("A"), Today), StringComparison.Ordinal);
        Assert.Null(local.Check(assigned, Reply("一"), Today));
    }

    [Fact]
    public void A_unit_may_return_a_wrong_assignment_only_within_ten_days()
    {
        var assigned = Reach(["待审查", "立案", "交办"]); // 交办 on 2026-01-10

        Assert.Null(lifecycle.Check(assigned, Event("退回改办") with { Date = new DateOnly(2026, 1, 20) }, Today));
        Assert.Contains("10 日内", lifecycle.Check(assigned, Event("退回改办") with { Date = new DateOnly(2026, 1, 21) }, Today), StringComparison.Ordinal);
    }

    [Fact]
    public void Events_cannot_go_back_in_time_or_be_recorded_ahead()
    {
        var filed = Reach(["待审查"]);

        Assert.Contains("早于上一条记录", lifecycle.Check(filed, Event("立案") with { Date = new DateOnly(2025, 12, 31) }, Today), StringComparison.Ordinal);
        Assert.Contains("晚于今天", lifecycle.Check(filed, Event("立案") with { Date = Today.AddDays(1) }, Today), StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_reply_after_the_deadline_is_not_on_time()
    {
        var late = Reach(["待审查", "立案", "交办"]);
        late = lifecycle.Apply(late, Reply("B") with { Date = new DateOnly(2026, 4, 11) });
        var onTime = lifecycle.Apply(Reach(["待审查", "立案", "交办"]), Reply("B") with { Date = new DateOnly(2026, 4, 10) });

        Assert.False(late.RepliedOnTime);
        Assert.True(onTime.RepliedOnTime);
    }

    private ProposalState Reach(string[] path)
    {
        var state = new ProposalState();
        var date = new DateOnly(2026, 1, 10);
        foreach (var step in path)
        {
            var parts = step.Split(':');
            var e = Event(parts[0], parts.Length > 1 ? parts[1] : null) with { Date = date };
            Assert.Null(lifecycle.Check(state, e, Today));
            state = lifecycle.Apply(state, e);
        }

        return state;
    }

    private static ProposalEventKind Kind(string name) =>
        ProposalNames.TryParseKind(name, out var kind) ? kind : throw new ArgumentException(name);

    private static ProposalEvent Event(string kind, string? verdict = null) => new()
    {
        ContentItemId = "x",
        Kind = Kind(kind),
        Date = new DateOnly(2026, 1, 10),
        Note = "说明",
        Unit = "市交通运输局",
        MergedInto = "第五届第一次会议第0001号",
        ReplyClass = "A",
        ReplyText = "答复内容",
        Verdict = verdict ?? "满意",
    };

    private static ProposalEvent Reply(string cls) => Event("已答复") with { ReplyClass = cls };
}
