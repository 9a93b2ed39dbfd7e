using Microsoft.AspNetCore.Antiforgery;
using PublicitySite.Commands;
using PublicitySite.MemberPortal;
using PublicitySite.Web.Auth;
using PublicitySite.Web.Caching;
using PublicitySite.Web.Site;
using PublicitySite.Workflow;

namespace PublicitySite.Web.MemberPortal;

/// <summary>
/// 委员之家 at /member: the member's own pages in the public theme. Thin adapters: reads come from
/// <see cref="PortalQueries"/>, every change goes through <see cref="PortalProposals"/>, and a refusal is shown
/// on the page it came from with the status the API would give.
/// </summary>
internal static class MemberPortalEndpoints
{
    public const string Home = "/member";

    public static IEndpointRouteBuilder MapMemberPortal(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Home).ExcludeFromDescription();
        group.MapGet("", HomeAsync);
        group.MapGet("/proposals/new", NewAsync);
        group.MapGet("/proposals/{id:long}", DetailAsync);
        group.MapGet("/proposals/{id:long}/edit", EditAsync);
        group.MapPost("/proposals", (HttpContext http, PortalProposals proposals, PortalQueries queries, SitePages pages, CancellationToken ct) =>
            MemberPortalForms.SaveAsync(http, null, proposals, queries, pages, ct));
        group.MapPost("/proposals/{id:long}", (long id, HttpContext http, PortalProposals proposals, PortalQueries queries, SitePages pages, CancellationToken ct) =>
            MemberPortalForms.SaveAsync(http, id, proposals, queries, pages, ct));
        group.MapPost("/proposals/{id:long}/invite", MemberPortalForms.InviteAsync);
        group.MapPost("/proposals/{id:long}/submit", MemberPortalForms.SubmitAsync);
        group.MapPost("/proposals/{id:long}/cosign", MemberPortalForms.CosignAsync);
        group.MapPost("/proposals/{id:long}/evaluate", MemberPortalForms.EvaluateAsync);
        group.MapPost("/proposals/{id:long}/consent", MemberPortalForms.WithdrawConsentAsync);
        group.MapPost("/proposals/{id:long}/attachments", MemberPortalAttachments.UploadAsync);
        group.MapPost("/proposals/{id:long}/attachments/{attachmentId:long}/delete", MemberPortalAttachments.DeleteAsync);
        group.MapGet("/proposals/{id:long}/attachments/{attachmentId:long}", MemberPortalAttachments.DownloadAsync);
        return routes;
    }

    private static async Task<IResult> HomeAsync(HttpContext http, PortalQueries queries, SitePages pages, CancellationToken ct)
    {
        if (await SignedInMemberAsync(http) is not { Member: { } me } signed)
        {
            return await RefuseAsync(http, pages);
        }

        var mine = await queries.MineAsync(me, ct);
        var adopted = await http.RequestServices.GetRequiredService<PublicitySite.MemberRecord.OpinionQueries>().NoticesAsync(me, ct);
        var notices = (await queries.NoticesAsync(me, ct)).Select(n => (Notice: n, Link: $"{Home}/proposals/{n.Id}"))
            .Concat(adopted.Select(n => (Notice: n, Link: $"{Home}/opinions/{n.Id}")))
            .OrderByDescending(n => n.Notice.AtUtc)
            .Select(n => new { n.Notice.Id, n.Notice.Title, n.Notice.Text, n.Link, At = SiteTimeText(n.Notice.AtUtc) }).ToList();
        var invitations = (await queries.InvitationsAsync(me, ct))
            .Select(x => new { x.Item.Id, x.Item.Title, x.Item.Lead, x.Item.Number, x.Item.Status, Answer = Answer(x.State), Pending = x.State == CosignState.Invited })
            .ToList();
        var model = new
        {
            signed.Name,
            Mine = mine,
            Invitations = invitations,
            Notices = notices,
        };
        return await PageAsync(http, pages, "member/home", "委员之家", model);
    }

    private static async Task<IResult> NewAsync(HttpContext http, PortalProposals proposals, SitePages pages)
    {
        if (await SignedInMemberAsync(http) is not { Member: not null })
        {
            return await RefuseAsync(http, pages);
        }

        return await PageAsync(http, pages, "member/edit", "撰写提案", EditModel(http, null, new PortalDraftInput("", "", "", null), proposals.Categories, []));
    }

    private static async Task<IResult> DetailAsync(long id, string? q, HttpContext http, PortalQueries queries, PortalProposals proposals, MemberAccounts accounts, SitePages pages, CancellationToken ct)
    {
        if (await SignedInMemberAsync(http) is not { Member: { } me })
        {
            return await RefuseAsync(http, pages);
        }

        await proposals.MarkSeenAsync(me, id, ct);
        return await MemberPortalForms.ShowAsync(http, me, id, queries, accounts, pages, q, [], StatusCodes.Status200OK, ct);
    }

    private static async Task<IResult> EditAsync(long id, HttpContext http, PortalQueries queries, PortalProposals proposals, SitePages pages, CancellationToken ct)
    {
        if (await SignedInMemberAsync(http) is not { Member: { } me })
        {
            return await RefuseAsync(http, pages);
        }

        return await EditPageAsync(http, me, id, queries, proposals, pages, [], StatusCodes.Status200OK, ct)
            ?? await PageAsync(http, pages, "message", FailureTexts.NotFoundTitle, new { Title = "草稿不存在", Text = "没有找到这份草稿，或它已经提交。" }, StatusCodes.Status404NotFound);
    }

    /// <summary>The draft's edit page with its attachments and the last action's errors; null when it is not the member's draft.</summary>
    internal static async Task<IResult?> EditPageAsync(HttpContext http, Actor me, long id, PortalQueries queries, PortalProposals proposals, SitePages pages, IReadOnlyList<string> errors, int status, CancellationToken ct)
    {
        if (await queries.DetailAsync(me, id, ct) is not { IsLead: true, Proposal: { State: PortalProposalState.Draft } p })
        {
            return null;
        }

        var files = await http.RequestServices.GetRequiredService<PortalAttachments>().ListAsync(me, id, ct);
        return await PageAsync(http, pages, "member/edit", "修改提案草稿", EditModel(http, id, new PortalDraftInput(p.Title, p.Grounds, p.Suggestions, p.Category), proposals.Categories, errors, files), status);
    }

    internal static object EditModel(HttpContext http, long? id, PortalDraftInput input, IReadOnlyList<string> categories, IReadOnlyList<string> errors, IReadOnlyList<PortalAttachment>? files = null) => new
    {
        Id = id,
        Attachments = MemberPortalAttachments.Rows(id ?? 0, files ?? []),
        AttachmentLimit = PortalAttachments.MaxPerProposal,
        AttachmentFull = (files?.Count ?? 0) >= PortalAttachments.MaxPerProposal,
        AttachmentSize = PortalAttachments.Size(http.RequestServices.GetRequiredService<PortalAttachments>().MaxFileBytes),
        http.RequestServices.GetRequiredService<PortalProposals>().CosignerRule,
        Attached = http.Request.Query.ContainsKey("attached"),
        Removed = http.Request.Query.ContainsKey("removed"),
        Action = id is { } existing ? $"{Home}/proposals/{existing}" : $"{Home}/proposals",
        input.Title,
        input.Grounds,
        input.Suggestions,
        input.Category,
        Categories = categories,
        Errors = errors,
        Csrf = Csrf(http),
    };

    private static string SiteTimeText(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, PublicitySite.Contents.SiteTime.Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    internal static string Answer(CosignState state) => state switch
    {
        CosignState.Confirmed => "已确认",
        CosignState.Declined => "已谢绝",
        _ => "待确认",
    };

    /// <summary>The signed-in member, or null (signed out, or a user who is no member).</summary>
    internal static async Task<(Actor? Member, string Name)?> SignedInMemberAsync(HttpContext http)
    {
        PageCache.DoNotStore(http);
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        if (await http.RequestServices.GetRequiredService<ActorAccessor>().GetAsync(http) is not { } actor)
        {
            return null;
        }

        var account = await http.RequestServices.GetRequiredService<MemberAccounts>().OfAsync(actor.Name, http.RequestAborted);
        return account is null ? (null, actor.Name) : (actor, account.Name);
    }

    /// <summary>Signed out: to the sign-in page. Signed in as someone who is no member: a plain refusal.</summary>
    internal static async Task<IResult> RefuseAsync(HttpContext http, SitePages pages)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return Results.Redirect("/admin/login");
        }

        var layout = await pages.LayoutAsync(http, "委员之家");
        return await pages.PageAsync(http, "message", new { Title = "委员之家仅供委员使用", Text = "您的账户不是委员账户。委员账户由提案委开通。" }, layout, status: StatusCodes.Status403Forbidden);
    }

    internal static async Task<IResult> PageAsync(HttpContext http, SitePages pages, string view, string title, object model, int status = StatusCodes.Status200OK)
    {
        var layout = await pages.LayoutAsync(http, title);
        return await pages.PageAsync(http, view, model, layout, status: status);
    }

    internal static object Csrf(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return new { Name = tokens.FormFieldName, Value = tokens.RequestToken };
    }

    internal static int StatusOf(Failure failure) => failure switch
    {
        Failure.NotFound => StatusCodes.Status404NotFound,
        Failure.Forbidden => StatusCodes.Status403Forbidden,
        Failure.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    internal static IReadOnlyList<string> Messages(Failure failure) =>
        failure is Failure.Invalid invalid ? [.. invalid.Fields.Select(f => f.Message)] : [failure.Detail];
}
