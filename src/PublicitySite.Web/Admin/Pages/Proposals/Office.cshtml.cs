using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents;
using PublicitySite.Media;
using PublicitySite.Proposals;

namespace PublicitySite.Web.Admin.Pages.Proposals;

/// <summary>
/// One proposal's office page: facts, the full timeline and a form for each event the lifecycle allows next
/// (<see cref="ProposalLifecycle.Next"/>). Every event goes through <see cref="ProposalOffice.RecordAsync"/>,
/// which refuses what the lifecycle forbids, whatever the form sent.
/// </summary>
public sealed class OfficeModel(ProposalOffice office, ProposalPublication publication, ProposalDirectory directory, ProposalOfficeQueries queries, ProposalRules rules, ReplyPdf pdfs, PublicitySite.MemberPortal.PortalQueries portal, PublicitySite.MemberPortal.PortalAttachments attachments, TimeProvider clock) : ProposalOfficePage
{
    public ProposalCase? Case { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>The lead member's comment with their verdict, given in 委员之家 (never on the public timeline).</summary>
    public string? EvaluationComment { get; private set; }

    /// <summary>The files the member attached in 委员之家 (empty for a proposal typed in by the office), read through the checked route.</summary>
    public IReadOnlyList<(string Name, string Size, string Url)> Attachments { get; private set; } = [];

    /// <summary>The 发布 panel: consent, the recipe's review stage, the decisions so far.</summary>
    public ProposalPublicationState? Publication { get; private set; }

    /// <summary>The 发布 button is offered to whoever may act at the recipe's stage; the service checks it again.</summary>
    public bool CanDecide => Publication is { } p && Policy.CannotActAtStage(Me, ProposalVisibility.ContentType, null, p.StageIndex) is null;

    /// <summary>The opinion of a refused 发布 decision, shown again.</summary>
    public string? SentOpinion { get; private set; }

    /// <summary>承办单位名录; when it holds names, 交办 picks from it.</summary>
    public IReadOnlyList<string> Units { get; private set; } = [];

    public IReadOnlyDictionary<string, string> ReplyClasses => rules.ReplyClasses;

    public IReadOnlyList<string> Proposers => Case is null ? [] : ContentData.GetList(ContentData.Parse(Case.Latest.Data), ProposalVisibility.Part, "Proposers");

    /// <summary>What the last refused form sent, so the clerk does not type it again.</summary>
    public EventForm? Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : Missing();

    public async Task<IActionResult> OnPostRecordAsync(string id, EventForm form, IFormFile? pdf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await LoadAsync(id, cancellationToken))
        {
            return Missing();
        }

        Sent = form;
        var input = Read(form);
        if (input is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // A PDF is stored only for a reply the lifecycle allows now; any other refusal comes from RecordAsync itself.
        MediaAsset? stored = null;
        if (pdf is { Length: > 0 } && ProposalNames.TryParseKind(input.Kind, out var kind) && kind == ProposalEventKind.Reply && Case!.Next.Contains(kind))
        {
            (stored, var problem) = await pdfs.StoreAsync(Me, pdf, Case.Record.Number, cancellationToken);
            if (problem is not null)
            {
                Errors.Add(problem);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            input = input with { ReplyPdf = MediaUrls.Stable(stored!.Id) };
        }

        var result = await office.RecordAsync(Me, id, input, cancellationToken);
        if (result.Value is not { } recorded)
        {
            if (stored is not null)
            {
                await pdfs.DiscardAsync(stored, cancellationToken);
            }

            return Refused(result.Failure!);
        }

        Flash = $"已登记“{input.Kind}”，当前状态：{recorded.StatusName}";
        return Redirect($"/admin/proposals/{id}");
    }

    /// <summary>发布: one decision, made by <see cref="ProposalPublication.PublishAsync"/>; nothing else to fill in.</summary>
    public async Task<IActionResult> OnPostPublishAsync(string id, string? opinion, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return Missing();
        }

        SentOpinion = opinion;
        var result = await publication.PublishAsync(Me, id, opinion, cancellationToken);
        if (result.Value is not { } decided)
        {
            return Refused(result.Failure!);
        }

        Flash = decided.Published ? $"{decided.Number}已发布，公开页面显示本页的办理信息" : $"已审批，转“{decided.NextStage}”";
        return Redirect($"/admin/proposals/{id}");
    }

    public string ClassLabel(string? code) => code is null ? "" : $"{code} 类（{rules.ReplyClassName(code)}）";

    public string DefaultDate => Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Today = ProposalDates.Today(clock);
        Case = await queries.GetAsync(id, cancellationToken);
        EvaluationComment = Case is null ? null : await portal.EvaluationCommentAsync(id, cancellationToken);
        Attachments = Case is not null && await attachments.OfSubmittedAsync(Me, id, cancellationToken) is { } portalFiles
            ? [.. portalFiles.Files.Select(f => (f.FileName, PublicitySite.MemberPortal.PortalAttachments.Size(f.Length), PublicitySite.Web.MemberPortal.MemberPortalAttachments.Address(portalFiles.PortalId, f.Id)))]
            : [];
        Publication = Case is null ? null : await publication.StateAsync(id, cancellationToken);
        Units = await directory.NamesAsync(ProposalDirectoryKind.Unit, cancellationToken);
        return Case is not null;
    }

    private IActionResult Missing()
    {
        Errors.Add(ProposalTexts.Missing);
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>The event as the office service takes it, or null with the reasons in <see cref="AdminPage.Errors"/>.</summary>
    private ProposalEventInput? Read(EventForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Kind))
        {
            Errors.Add("未指明办理环节");
        }

        var date = ParseDate(form.Date, "日期");
        var due = string.IsNullOrWhiteSpace(form.DueOn) ? null : ParseDate(form.DueOn, "新的答复期限");
        if (Errors.Count > 0)
        {
            return null;
        }

        return new ProposalEventInput
        {
            Kind = form.Kind!.Trim(),
            Date = date,
            Note = form.Note,
            Unit = form.Unit,
            // An empty 协办 box binds as a null entry.
            CoUnits = [.. form.CoUnits.OfType<string>().SelectMany(c => c.Split(['、', '，', ',', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct()],
            MergedInto = form.MergedInto,
            DueOn = due,
            ReplyClass = form.ReplyClass,
            ReplyRefNo = form.ReplyRefNo,
            ReplyText = form.ReplyText,
            Verdict = form.Verdict,
        };
    }

    private DateOnly? ParseDate(string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Errors.Add($"{label}“{text}”无效，应为 2025-05-20 这样的日期");
        return null;
    }
}

/// <summary>What an event form posts; each form sends only the fields its kind uses.</summary>
public sealed class EventForm
{
    public string? Kind { get; set; }

    public string? Date { get; set; }

    public string? Note { get; set; }

    public string? Unit { get; set; }

    /// <summary>Several picked from the directory, or one text of names joined with 、 when there is none.</summary>
    public List<string> CoUnits { get; set; } = [];

    public string? MergedInto { get; set; }

    public string? DueOn { get; set; }

    public string? ReplyClass { get; set; }

    public string? ReplyRefNo { get; set; }

    public string? ReplyText { get; set; }

    public string? Verdict { get; set; }
}
