using Microsoft.AspNetCore.Antiforgery;
using PublicitySite.Commands;
using PublicitySite.MemberPortal;
using PublicitySite.Proposals;
using PublicitySite.Web.Site;
using PublicitySite.Workflow;
using static PublicitySite.Web.MemberPortal.MemberPortalEndpoints;

namespace PublicitySite.Web.MemberPortal;

/// <summary>The portal's forms: each checks the sign-in and the antiforgery token, then calls one command.</summary>
internal static class MemberPortalForms
{
    public static async Task<IResult> SaveAsync(HttpContext http, long? id, PortalProposals proposals, PortalQueries queries, SitePages pages, CancellationToken ct)
    {
        var (me, refused) = await BeginAsync(http, pages);
        if (me is null)
        {
            return refused!;
        }

        var form = await http.Request.ReadFormAsync(ct);
        var input = new PortalDraftInput(form["title"], form["grounds"], form["suggestions"], form["category"]);
        var saved = await proposals.SaveDraftAsync(me, id, input, ct);
        if (saved.Value is { } draft)
        {
            return Results.Redirect($"{Home}/proposals/{draft.Id}?saved=1");
        }

        var failure = saved.Failure!;
        if (failure is Failure.NotFound)
        {
            return await NotFoundAsync(http, pages);
        }

        var files = id is { } existing ? await http.RequestServices.GetRequiredService<PortalAttachments>().ListAsync(me, existing, ct) : [];
        return await PageAsync(http, pages, "member/edit", "撰写提案", EditModel(http, id, input, proposals.Categories, Messages(failure), files), StatusOf(failure));
    }

    public static async Task<IResult> InviteAsync(long id, HttpContext http, PortalProposals proposals, PortalQueries queries, MemberAccounts accounts, SitePages pages, CancellationToken ct)
    {
        var (me, refused) = await BeginAsync(http, pages);
        if (me is null)
        {
            return refused!;
        }

        var form = await http.Request.ReadFormAsync(ct);
        var invited = await proposals.InviteAsync(me, id, form["cosigner"], ct);
        return invited.Succeeded
            ? Results.Redirect($"{Home}/proposals/{id}")
            : await ShowAsync(http, me, id, queries, accounts, pages, null, Messages(invited.Failure!), StatusOf(invited.Failure!), ct);
    }

    public static async Task<IResult> SubmitAsync(long id, HttpContext http, PortalProposals proposals, PortalQueries queries, MemberAccounts accounts, SitePages pages, CancellationToken ct)
    {
        var (me, refused) = await BeginAsync(http, pages);
        if (me is null)
        {
            return refused!;
        }

        var form = await http.Request.ReadFormAsync(ct);
        var consent = form["public"].ToString() switch
        {
            "yes" => true,
            "no" => (bool?)false,
            _ => null,
        };
        if (consent is null)
        {
            return await ShowAsync(http, me, id, queries, accounts, pages, null, ["请选择是否同意公开本提案"], StatusCodes.Status400BadRequest, ct);
        }

        var submitted = await proposals.SubmitAsync(me, id, consent.Value, ct);
        return submitted.Succeeded
            ? Results.Redirect($"{Home}/proposals/{id}?submitted=1")
            : await ShowAsync(http, me, id, queries, accounts, pages, null, Messages(submitted.Failure!), StatusOf(submitted.Failure!), ct);
    }

    public static async Task<IResult> CosignAsync(long id, HttpContext http, PortalProposals proposals, PortalQueries queries, MemberAccounts accounts, SitePages pages, CancellationToken ct)
    {
        var (me, refused) = await BeginAsync(http, pages);
        if (me is null)
        {
            return refused!;
        }

        var form = await http.Request.ReadFormAsync(ct);
        var answer = form["answer"].ToString();
        if (answer is not ("confirm" or "decline"))
        {
            return await ShowAsync(http, me, id, queries, accounts, pages, null, ["请选择确认联名或谢绝"], StatusCodes.Status400BadRequest, ct);
        }

        var answered = await proposals.RespondAsync(me, id, answer == "confirm", ct);
        return answered.Succeeded
            ? Results.Redirect($"{Home}/proposals/{id}")
            : await ShowAsync(http, me, id, queries, accounts, pages, null, Messages(answered.Failure!), StatusOf(answered.Failure!), ct);
    }

    public static async Task<IResult> EvaluateAsync(long id, HttpContext http, PortalProposals proposals, PortalQueries queries, MemberAccounts accounts, SitePages pages, CancellationToken ct)
    {
        var (me, refused) = await BeginAsync(http, pages);
        if (me is null)
        {
            return refused!;
        }

        var form = await http.Request.ReadFormAsync(ct);
        var evaluated = await proposals.EvaluateAsync(me, id, form["verdict"], form["comment"], ct);
        return evaluated.Succeeded
            ? Results.Redirect($"{Home}/proposals/{id}?evaluated=1")
            : await ShowAsync(http, me, id, queries, accounts, pages, null, Messages(evaluated.Failure!), StatusOf(evaluated.Failure!), ct);
    }

    public static async Task<IResult> WithdrawConsentAsync(long id, HttpContext http, PortalProposals proposals, PortalQueries queries, MemberAccounts accounts, SitePages pages, CancellationToken ct)
    {
        var (me, refused) = await BeginAsync(http, pages);
        if (me is null)
        {
            return refused!;
        }

        var withdrawn = await proposals.WithdrawConsentAsync(me, id, ct);
        return withdrawn.Succeeded
            ? Results.Redirect($"{Home}/proposals/{id}?withdrawn=1")
            : await ShowAsync(http, me, id, queries, accounts, pages, null, Messages(withdrawn.Failure!), StatusOf(withdrawn.Failure!), ct);
    }

    /// <summary>The proposal's page, with the results of a name search for co-signers and the last action's errors.</summary>
    public static async Task<IResult> ShowAsync(HttpContext http, Actor me, long id, PortalQueries queries, MemberAccounts accounts, SitePages pages, string? q, IReadOnlyList<string> errors, int status, CancellationToken ct)
    {
        if (await queries.DetailAsync(me, id, ct) is not { } d)
        {
            return await NotFoundAsync(http, pages);
        }

        var p = d.Proposal;
        var draft = p.State == PortalProposalState.Draft;
        var found = d.IsLead && draft && !string.IsNullOrWhiteSpace(q)
            ? (await accounts.SearchAsync(q, me.Name, ct)).Where(a => d.Cosigners.All(c => c.UserName != a.UserName)).Select(a => new { a.UserName, a.Name }).ToList()
            : [];
        var files = await http.RequestServices.GetRequiredService<PortalAttachments>().ListAsync(me, id, ct);
        var model = new
        {
            p.Id,
            p.Title,
            Attachments = MemberPortalAttachments.Rows(id, files),
            p.Grounds,
            p.Suggestions,
            p.Category,
            Draft = draft,
            CosignerRule = http.RequestServices.GetRequiredService<PortalProposals>().CosignerRule,
            d.IsLead,
            d.Lead,
            Invitation = d.MyInvitation is { } mine ? Answer(mine) : null,
            CanAnswer = d.MyInvitation == CosignState.Invited,
            Cosigners = d.Cosigners.Select(c => new { c.Name, Answer = Answer(c.State) }).ToList(),
            Consent = p.PublicConsent ? "同意公开" : "不同意公开",
            ConsentWithdrawable = d.IsLead && !draft && p.PublicConsent && !d.Published,
            ConsentFinal = d.IsLead && p.PublicConsent && d.Published,
            Withdrawn = http.Request.Query.ContainsKey("withdrawn"),
            d.Number,
            d.Status,
            Timeline = d.Timeline.Select(s => new { Date = s.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), s.Name, s.Detail }).ToList(),
            Reply = d.Reply is { } r ? new { r.ReplyClass, r.ReplyText, r.ReplyPdf, r.Unit, r.ReplyRefNo, Date = r.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } : null,
            d.Verdict,
            Comment = d.EvaluationComment,
            d.CanEvaluate,
            Verdicts = ProposalLifecycle.Verdicts,
            Query = q,
            Found = found,
            Searched = !string.IsNullOrWhiteSpace(q),
            Errors = errors,
            Saved = http.Request.Query.ContainsKey("saved"),
            Submitted = http.Request.Query.ContainsKey("submitted"),
            Evaluated = http.Request.Query.ContainsKey("evaluated"),
            Csrf = Csrf(http),
        };
        return await PageAsync(http, pages, "member/detail", p.Title, model, status);
    }

    /// <summary>The signed-in member after a valid antiforgery token, or the answer that refuses the form.</summary>
    internal static async Task<(Actor? Member, IResult? Refused)> BeginAsync(HttpContext http, SitePages pages)
    {
        if (await SignedInMemberAsync(http) is not { Member: { } me })
        {
            return (null, await RefuseAsync(http, pages));
        }

        return await CheckFormAsync(http, pages) is { } expired ? (null, expired) : (me, null);
    }

    /// <summary>Null when the form's antiforgery token is valid; otherwise the page that says the form expired.</summary>
    internal static async Task<IResult?> CheckFormAsync(HttpContext http, SitePages pages)
    {
        if (!await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return await PageAsync(http, pages, "message", FailureTexts.FormExpired, new { Title = FailureTexts.FormExpired, Text = "表单已失效（可能停留太久或已在别处登录），请返回上一页刷新后重试。" }, StatusCodes.Status400BadRequest);
        }

        return null;
    }

    internal static async Task<IResult> NotFoundAsync(HttpContext http, SitePages pages) =>
        await PageAsync(http, pages, "message", FailureTexts.NotFoundTitle, new { Title = ProposalTexts.Missing, Text = "没有找到这件提案，或您无权查看。" }, StatusCodes.Status404NotFound);
}
