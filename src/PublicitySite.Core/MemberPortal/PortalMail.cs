using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicitySite.Mail;
using PublicitySite.Proposals;
using PublicitySite.Storage;

namespace PublicitySite.MemberPortal;

/// <summary>
/// What a member is told, in the portal's 消息 and by e-mail: a co-sign request, a 审查 decision (立案, 不立案,
/// 并案, 转为意见建议), 交办, and a reply to evaluate. The e-mail goes to the account's address, or else the
/// private 电子邮箱 of the member's profile, through the outbox in the transaction of the step it announces.
/// </summary>
public sealed class PortalMail(AppDbContext db, MailOutbox outbox, IOptions<MailOptions> options) : IProposalEventStager
{
    /// <summary>The steps a lead member hears of.</summary>
    public static readonly IReadOnlySet<ProposalEventKind> Told = new HashSet<ProposalEventKind>
    {
        ProposalEventKind.Accept, ProposalEventKind.Reject, ProposalEventKind.Merge, ProposalEventKind.Convert,
        ProposalEventKind.Assign, ProposalEventKind.Reply,
    };

    /// <summary>The line a member reads for an office step on their proposal.</summary>
    public static string NoticeText(ProposalEventKind kind) => kind switch
    {
        ProposalEventKind.Accept => "提案已立案",
        ProposalEventKind.Reject => "提案不予立案",
        ProposalEventKind.Merge => "提案已并案办理",
        ProposalEventKind.Convert => "提案已转为意见建议",
        ProposalEventKind.Assign => "提案已交办",
        ProposalEventKind.Reply => "答复已到，请评价",
        _ => "提案委登记了“" + ProposalNames.Of(kind) + "”",
    };

    public async Task StageAsync(ProposalEvent recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (!outbox.Enabled || !Told.Contains(recorded.Kind))
        {
            return;
        }

        var proposal = await db.Set<PortalProposal>().AsNoTracking().FirstOrDefaultAsync(p => p.ContentItemId == recorded.ContentItemId, cancellationToken);
        if (proposal is null || proposal.Owner == recorded.RecordedBy)
        {
            return;
        }

        var number = await db.Set<ProposalRecord>().AsNoTracking().Where(r => r.ContentItemId == recorded.ContentItemId).Select(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        var detail = recorded.Kind switch
        {
            ProposalEventKind.Reject => "理由：" + recorded.Note,
            ProposalEventKind.Merge => "并入：" + recorded.MergedInto,
            ProposalEventKind.Assign => "主办单位：" + recorded.Unit + (recorded.CoUnits is { } co ? "；协办单位：" + co : ""),
            ProposalEventKind.Reply => "请登录委员之家阅读答复，并作出满意、基本满意或不满意的评价。",
            _ => recorded.Note,
        };
        var body = $"您好：\n\n您的提案《{proposal.Title}》（{number}）：{NoticeText(recorded.Kind)}。\n"
            + (string.IsNullOrEmpty(detail) ? "" : detail + "\n")
            + $"\n查看详情：{Link(proposal.Id)}\n\n（本邮件由系统自动发送，请勿回复。）\n";
        outbox.Stage(await AddressOfAsync(proposal.Owner, cancellationToken), proposal.Owner, $"【委员之家】{NoticeText(recorded.Kind)}：{proposal.Title}", body);
    }

    /// <summary>Queues the co-sign request to the invited member, on the caller's context.</summary>
    public async Task StageInvitationAsync(PortalProposal proposal, string lead, PortalCosigner invited, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(invited);
        if (!outbox.Enabled)
        {
            return;
        }

        var body = $"{invited.Name} 委员，您好：\n\n{lead} 委员邀请您联名提案《{proposal.Title}》。\n请登录委员之家确认或谢绝：{Link(proposal.Id)}\n\n（本邮件由系统自动发送，请勿回复。）\n";
        outbox.Stage(await AddressOfAsync(invited.UserName, cancellationToken), invited.UserName, $"【委员之家】{lead} 委员邀请您联名：{proposal.Title}", body);
    }

    /// <summary>The account's e-mail, or else the 电子邮箱 of the member's profile.</summary>
    public async Task<string?> AddressOfAsync(string userName, CancellationToken cancellationToken)
    {
        var own = await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(own))
        {
            return own;
        }

        var memberId = await db.Set<MemberAccount>().AsNoTracking().Where(a => a.UserName == userName).Select(a => a.MemberId).FirstOrDefaultAsync(cancellationToken);
        var data = memberId is null ? null : await db.ContentItemVersions.AsNoTracking()
            .Where(v => v.ContentItemId == memberId && v.Latest).Select(v => v.Data).FirstOrDefaultAsync(cancellationToken);
        return data is null ? null : MemberAccounts.ProfileField(data, "Email");
    }

    private string Link(long id)
    {
        var path = "/member/proposals/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return options.Value.SiteUrl is { Length: > 0 } site ? site.TrimEnd('/') + path : path;
    }
}
