using Microsoft.EntityFrameworkCore;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.Mail;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.MemberPortal;

/// <summary>What waits for the office, by kind; each count is only for roles that handle it.</summary>
public sealed record OfficeMessageCounts(int ToReview, int Evaluated, int FailedMail)
{
    public int Total => ToReview + Evaluated + FailedMail;
}

/// <summary>
/// The admin's 消息 badge: proposals submitted and waiting in 待审查, members' evaluations received (已评价, not
/// yet 办结), and mails that failed. Proposal counts for roles holding <c>proposals.record</c>; failed mails
/// for those who look after mail.
/// </summary>
public sealed class OfficeMessages(AppDbContext db, CommandAccess access, MailOutbox outbox)
{
    public async Task<OfficeMessageCounts> CountAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        int toReview = 0, evaluated = 0, failed = 0;
        if (access.Allows(actor, Permissions.RecordProposals))
        {
            var counts = await db.Set<ProposalRecord>().AsNoTracking()
                .Where(r => r.Status == ProposalStatus.Filed || r.Status == ProposalStatus.Evaluated)
                .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            toReview = counts.FirstOrDefault(c => c.Key == ProposalStatus.Filed)?.Count ?? 0;
            evaluated = counts.FirstOrDefault(c => c.Key == ProposalStatus.Evaluated)?.Count ?? 0;
        }

        if (outbox.MayManage(actor))
        {
            failed = await outbox.FailedCountAsync(cancellationToken);
        }

        return new OfficeMessageCounts(toReview, evaluated, failed);
    }
}
