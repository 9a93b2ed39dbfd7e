using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.Media;
using PublicitySite.Proposals;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.MemberPortal;

/// <summary>An attachment's bytes, opened for someone allowed to read them.</summary>
public sealed record PortalAttachmentFile(PortalAttachment Attachment, Stream Content)
{
    public string ContentType => Attachment.Format.ContentType();
}

/// <summary>
/// 附件 of a portal proposal: PDFs and pictures a member adds while the proposal is a draft. Each file passes the
/// media library's own checks (<see cref="MediaUploader.CheckAsync"/>), and its bytes are kept under a private
/// store key with no public address. The lead adds and removes them (acting member, <c>proposals.submit</c>,
/// ownership, draft only, one transaction with the audit line <c>portal.attachment</c>); the lead, the co-signers
/// invited or confirmed, and, once submitted, the office (<c>proposals.record</c>) read them. Anyone else finds
/// nothing.
/// </summary>
public sealed class PortalAttachments(
    AppDbContext db,
    CommandAccess access,
    MemberAccounts accounts,
    MediaUploader uploader,
    IMediaStore store,
    IOptions<MediaOptions> media,
    AuditLog audit,
    TimeProvider clock)
{
    /// <summary>Most files one proposal carries.</summary>
    public const int MaxPerProposal = 10;

    /// <summary>What a member may attach: documents and ordinary pictures, never office files or animations.</summary>
    public static readonly IReadOnlyList<MediaFormat> Accepted = [MediaFormat.Pdf, MediaFormat.Jpeg, MediaFormat.Png, MediaFormat.Webp];

    public const string AcceptedList = "PDF 文档或 JPEG、PNG、WebP 图片";

    private static readonly Failure.NotFound Missing = new(ProposalTexts.Missing);

    /// <summary>The largest file, the media library's limit.</summary>
    public long MaxFileBytes => media.Value.MaxFileBytes;

    /// <summary>A size as the pages show it (the media library's wording: 1.2 MB, 300 KB).</summary>
    public static string Size(long bytes) => MediaText.Size(bytes);

    /// <summary>Checks a file like a media upload and attaches it to one of the member's drafts.</summary>
    public async Task<Result<PortalAttachment>> AddAsync(Actor actor, long proposalId, Stream content, string? fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var draft = await DraftAsync(actor, proposalId, "提案已提交，不能再添加附件", cancellationToken);
        if (draft.Value is not { } proposal)
        {
            return draft.Failure!;
        }

        if (await db.Set<PortalAttachment>().CountAsync(a => a.PortalProposalId == proposalId, cancellationToken) >= MaxPerProposal)
        {
            return new Failure.Invalid("file", $"每件提案最多 {MaxPerProposal} 个附件，请先删除不需要的附件");
        }

        var check = await uploader.CheckAsync(content, cancellationToken);
        if (check.Value is not (var format, var file))
        {
            return check.Failure switch
            {
                Failure.TooLarge => new Failure.TooLarge($"附件超过 {MediaText.Size(MaxFileBytes)} 的上限"),
                Failure.Unsupported unsupported => new Failure.Unsupported($"附件“{Shown(fileName)}”不是可接受的文件：{unsupported.Detail}。附件只接受{AcceptedList}"),
                var refused => new Failure.Invalid("file", $"附件“{Shown(fileName)}”未被接收：{refused!.Detail}"),
            };
        }

        if (!Accepted.Contains(format))
        {
            return new Failure.Unsupported($"附件“{Shown(fileName)}”是 {format.Extension().ToUpperInvariant()} 文件，附件只接受{AcceptedList}");
        }

        var bytes = file.Bytes;
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var key = MediaKeys.Attachment(hash, format);
        if (!await store.ExistsAsync(key, cancellationToken))
        {
            await store.SaveAsync(key, bytes, cancellationToken);
        }

        var row = new PortalAttachment
        {
            PortalProposalId = proposalId,
            FileName = MediaText.CleanFileName(fileName, format),
            Format = format,
            Hash = hash,
            Length = bytes.Length,
            UploadedBy = actor.Name,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        proposal.UpdatedUtc = row.CreatedUtc;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Set<PortalAttachment>().Add(row);
        audit.Stage(actor.Name, AuditActions.PortalAttachment, Target(proposalId), $"添加附件 {row.FileName}（{MediaText.Size(row.Length)}）", address: actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return row;
    }

    /// <summary>Removes an attachment from one of the member's drafts; its bytes go unless another attachment has them.</summary>
    public async Task<Result<PortalAttachment>> DeleteAsync(Actor actor, long proposalId, long attachmentId, CancellationToken cancellationToken = default)
    {
        if (await DraftAsync(actor, proposalId, "提案已提交，不能再删除附件", cancellationToken) is { Failure: { } refused })
        {
            return refused;
        }

        if (await db.Set<PortalAttachment>().FirstOrDefaultAsync(a => a.Id == attachmentId && a.PortalProposalId == proposalId, cancellationToken) is not { } row)
        {
            return new Failure.NotFound(PortalTexts.AttachmentMissing);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Set<PortalAttachment>().Remove(row);
        audit.Stage(actor.Name, AuditActions.PortalAttachment, Target(proposalId), $"删除附件 {row.FileName}", address: actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (!await db.Set<PortalAttachment>().AnyAsync(a => a.Hash == row.Hash && a.Format == row.Format, cancellationToken))
        {
            await store.DeleteAsync(MediaKeys.Attachment(row.Hash, row.Format), cancellationToken);
        }

        return row;
    }

    /// <summary>The proposal's attachments for someone who may read them; empty for anyone else.</summary>
    public async Task<IReadOnlyList<PortalAttachment>> ListAsync(Actor actor, long proposalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await MayReadAsync(actor, proposalId, cancellationToken)
            ? await db.Set<PortalAttachment>().AsNoTracking().Where(a => a.PortalProposalId == proposalId).OrderBy(a => a.Id).ToListAsync(cancellationToken)
            : [];
    }

    /// <summary>For the office's proposal page: the portal proposal behind the office's item and its attachments.</summary>
    public async Task<(long PortalId, IReadOnlyList<PortalAttachment> Files)?> OfSubmittedAsync(Actor actor, string contentItemId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!access.Allows(actor, Permissions.RecordProposals)
            || await db.Set<PortalProposal>().AsNoTracking().Where(p => p.ContentItemId == contentItemId).Select(p => (long?)p.Id).FirstOrDefaultAsync(cancellationToken) is not { } id)
        {
            return null;
        }

        return (id, await ListAsync(actor, id, cancellationToken));
    }

    /// <summary>An attachment's bytes for someone who may read them; null ("not there") for anyone else.</summary>
    public async Task<PortalAttachmentFile?> OpenAsync(Actor? actor, long proposalId, long attachmentId, CancellationToken cancellationToken = default)
    {
        if (actor is null || !await MayReadAsync(actor, proposalId, cancellationToken)
            || await db.Set<PortalAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.PortalProposalId == proposalId, cancellationToken) is not { } row)
        {
            return null;
        }

        return await store.OpenReadAsync(MediaKeys.Attachment(row.Hash, row.Format), cancellationToken) is { } content
            ? new PortalAttachmentFile(row, content)
            : null;
    }

    /// <summary>
    /// The lead and the co-signers still asked or confirmed (a member who declined has left it); the office only
    /// once the proposal is submitted, as a draft is the member's own.
    /// </summary>
    private async Task<bool> MayReadAsync(Actor actor, long proposalId, CancellationToken cancellationToken)
    {
        var proposal = await db.Set<PortalProposal>().AsNoTracking().Include(p => p.Cosigners).FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null)
        {
            return false;
        }

        if (access.Allows(actor, Permissions.SubmitProposals)
            && (proposal.Owner == actor.Name || proposal.Cosigners.Any(c => c.UserName == actor.Name && c.State != CosignState.Declined)))
        {
            return true;
        }

        return proposal.State == PortalProposalState.Submitted && access.Allows(actor, Permissions.RecordProposals);
    }

    /// <summary>The member's own draft, or why not: another member's proposal is not there; a submitted one is final.</summary>
    private async Task<Result<PortalProposal>> DraftAsync(Actor actor, long proposalId, string submitted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (access.Check(actor, Permissions.SubmitProposals) is { } denied)
        {
            return denied;
        }

        if (await accounts.OfAsync(actor.Name, cancellationToken) is null)
        {
            return new Failure.Forbidden(PortalTexts.NoProfile);
        }

        if (await db.Set<PortalProposal>().FirstOrDefaultAsync(p => p.Id == proposalId && p.Owner == actor.Name, cancellationToken) is not { } proposal)
        {
            return Missing;
        }

        return proposal.State == PortalProposalState.Draft ? proposal : new Failure.Conflict(submitted);
    }

    private static string Shown(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        return name.Length switch
        {
            0 => "未命名",
            > 80 => name[..80],
            _ => name,
        };
    }

    private static string Target(long id) => "portal/" + id.ToString(CultureInfo.InvariantCulture);
}
