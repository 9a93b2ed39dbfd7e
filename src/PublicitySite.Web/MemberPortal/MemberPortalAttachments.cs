using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using PublicitySite.Commands;
using PublicitySite.Media;
using PublicitySite.MemberPortal;
using PublicitySite.Proposals;
using PublicitySite.Web.Auth;
using PublicitySite.Web.Caching;
using PublicitySite.Web.Site;
using PublicitySite.Workflow;
using static PublicitySite.Web.MemberPortal.MemberPortalEndpoints;

namespace PublicitySite.Web.MemberPortal;

/// <summary>
/// 附件 of a portal proposal: the upload and delete forms of the draft's edit page, and the one route that hands
/// the files out. Adapters over <see cref="PortalAttachments"/>, which checks the file, who may change or read
/// it, and writes the audit line.
/// </summary>
internal static class MemberPortalAttachments
{
    /// <summary>Room for the form's other fields and the multipart boundaries beside the file itself.</summary>
    private const long FormOverhead = 64 * 1024;

    public static async Task<IResult> UploadAsync(long id, HttpContext http, PortalAttachments attachments, PortalQueries queries, PortalProposals proposals, MemberAccounts accounts, SitePages pages, CancellationToken ct)
    {
        if (await SignedInMemberAsync(http) is not { Member: { } me })
        {
            return await RefuseAsync(http, pages);
        }

        var limit = attachments.MaxFileBytes + FormOverhead;
        IFormFile? file;
        try
        {
            // Kestrel's own cap is 30 MB; follow the media limit so the refusal below is the one a member sees.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max)
            {
                max.MaxRequestBodySize = limit;
            }

            file = http.Request.HasFormContentType
                ? (await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit }, ct)).Files.GetFile("file")
                : null;
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            return await AfterAsync(http, me, id, queries, proposals, accounts, pages, [$"附件超过 {PortalAttachments.Size(attachments.MaxFileBytes)} 的上限"], StatusCodes.Status400BadRequest, ct);
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException)
        {
            return await AfterAsync(http, me, id, queries, proposals, accounts, pages, ["上传过程中连接中断，文件未完整收到，请重试"], StatusCodes.Status400BadRequest, ct);
        }

        if (await MemberPortalForms.CheckFormAsync(http, pages) is { } expired)
        {
            return expired;
        }

        if (file is not { Length: > 0 })
        {
            return await AfterAsync(http, me, id, queries, proposals, accounts, pages, ["请选择要上传的附件（" + PortalAttachments.AcceptedList + "）"], StatusCodes.Status400BadRequest, ct);
        }

        await using var content = file.OpenReadStream();
        var added = await attachments.AddAsync(me, id, content, file.FileName, ct);
        return added.Succeeded
            ? Results.Redirect($"{Home}/proposals/{id}/edit?attached=1#mp-files")
            : await FailedAsync(http, me, id, added.Failure!, queries, proposals, accounts, pages, ct);
    }

    public static async Task<IResult> DeleteAsync(long id, long attachmentId, HttpContext http, PortalAttachments attachments, PortalQueries queries, PortalProposals proposals, MemberAccounts accounts, SitePages pages, CancellationToken ct)
    {
        var (me, refused) = await MemberPortalForms.BeginAsync(http, pages);
        if (me is null)
        {
            return refused!;
        }

        var removed = await attachments.DeleteAsync(me, id, attachmentId, ct);
        return removed.Succeeded
            ? Results.Redirect($"{Home}/proposals/{id}/edit?removed=1#mp-files")
            : await FailedAsync(http, me, id, removed.Failure!, queries, proposals, accounts, pages, ct);
    }

    /// <summary>
    /// The file, for the lead, the co-signers and (once submitted) the office; "not there" for everyone else,
    /// signed in or not. Always a download, never rendered by the browser in the site's origin.
    /// </summary>
    public static async Task<IResult> DownloadAsync(long id, long attachmentId, HttpContext http, PortalAttachments attachments, ActorAccessor actors, SitePages pages, CancellationToken ct)
    {
        PageCache.DoNotStore(http);
        var headers = http.Response.Headers;
        headers.CacheControl = "private, no-store";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        if (await attachments.OpenAsync(await actors.GetAsync(http), id, attachmentId, ct) is not { } file)
        {
            return await PageAsync(http, pages, "message", FailureTexts.NotFoundTitle, new { Title = PortalTexts.AttachmentMissing, Text = "没有找到这个附件，或您无权查看。" }, StatusCodes.Status404NotFound);
        }

        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = file.Attachment.FileName }.ToString();
        return Results.Stream(file.Content, file.ContentType);
    }

    /// <summary>What the pages list: name, size, the checked address and the delete form's address.</summary>
    public static IReadOnlyList<object> Rows(long proposalId, IReadOnlyList<PortalAttachment> files) =>
        [.. files.Select(f => new
        {
            f.Id,
            Name = f.FileName,
            Kind = f.Format == MediaFormat.Pdf ? "PDF" : "图片",
            Size = PortalAttachments.Size(f.Length),
            Url = Address(proposalId, f.Id),
            Delete = $"{Address(proposalId, f.Id)}/delete",
        })];

    public static string Address(long proposalId, long attachmentId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Home}/proposals/{proposalId}/attachments/{attachmentId}");

    private static Task<IResult> FailedAsync(HttpContext http, Actor me, long id, Failure failure, PortalQueries queries, PortalProposals proposals, MemberAccounts accounts, SitePages pages, CancellationToken ct) =>
        failure is Failure.NotFound { Detail: ProposalTexts.Missing }
            ? MemberPortalForms.NotFoundAsync(http, pages)
            : AfterAsync(http, me, id, queries, proposals, accounts, pages, Messages(failure), StatusOf(failure), ct);

    /// <summary>The draft's edit page with the errors; once submitted (409), the proposal's own page says why.</summary>
    private static async Task<IResult> AfterAsync(HttpContext http, Actor me, long id, PortalQueries queries, PortalProposals proposals, MemberAccounts accounts, SitePages pages, IReadOnlyList<string> errors, int status, CancellationToken ct) =>
        await EditPageAsync(http, me, id, queries, proposals, pages, errors, status, ct)
            ?? await MemberPortalForms.ShowAsync(http, me, id, queries, accounts, pages, null, errors, status, ct);
}
