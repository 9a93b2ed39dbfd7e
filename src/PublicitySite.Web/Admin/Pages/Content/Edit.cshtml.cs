using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.RichText;
using PublicitySite.Words;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Admin.Pages.Content;

/// <summary>
/// The editor: fields from the recipe, server-rendered Markdown preview, and the buttons the user's role may
/// use at the item's stage. Every button goes through <see cref="WorkflowService"/>, like the API.
/// </summary>
public sealed class EditModel(WorkflowService workflow, WorkflowQueries queries, BodyRenderer bodies, PreviewLinks links) : AdminPage
{
    public WorkItem? Work { get; private set; }

    public ContentTypeDefinition? Type { get; private set; }

    public IReadOnlyList<EditorField> Fields { get; private set; } = [];

    public JsonObject Values { get; private set; } = [];

    public int Version { get; private set; }

    public string? PreviewHtml { get; private set; }

    public WordCheckResult? WordCheck { get; private set; }

    /// <summary>On a save conflict: the version someone else saved meanwhile, shown beside the user's own text.</summary>
    public ContentItemVersion? Theirs { get; private set; }

    public IReadOnlyList<DiffSpan>? ConflictDiff { get; private set; }

    public string? NewPreviewLink { get; private set; }

    public IReadOnlyList<PreviewLink> Links { get; private set; } = [];

    public IReadOnlyList<WorkflowStage> Stages => Type is null ? [] : Policy.StagesOf(Type.Name);

    public int Stage => Work?.Review is { Stage: >= 0 } r && Work.Latest.Status == ContentStatus.InReview ? Math.Min(r.Stage, Stages.Count - 1) : -1;

    public bool IsNew => Work is null;

    public bool CanSave => Type is not null && (IsNew ? Policy.Has(Me, Permissions.CreateContent, Type.Name, null) : Policy.CanEdit(Me, Work!.Item, Work.Latest.Column));

    /// <summary>
    /// A proposal's facts (提案者, 界别, 主办/协办单位, 办理进程, 委员评价) and its publication belong to the office
    /// page: this editor keeps its text only, so no second screen can contradict the office record.
    /// </summary>
    public bool IsProposal => Type?.Name == PublicitySite.Proposals.ProposalVisibility.ContentType;

    public bool CanSubmit => !IsProposal && Work is { Latest.Status: ContentStatus.Draft } w && Policy.Has(Me, Permissions.SubmitContent, w.Item.ContentType, w.Latest.Column) && Policy.CanEdit(Me, w.Item, w.Latest.Column);

    public bool CanUnpublish => Work is { Item.PublishedVersion: not null } w && Policy.Has(Me, Permissions.UnpublishContent, w.Item.ContentType, w.Latest.Column);

    public bool CanRepublish => Work is { Latest.Status: ContentStatus.Unpublished } w && Policy.Has(Me, Permissions.PublishContent, w.Item.ContentType, w.Latest.Column);

    public bool CanViewDrafts => Work is { } w && (Policy.Has(Me, Permissions.ViewDrafts, w.Item.ContentType, w.Latest.Column) || Policy.CanEdit(Me, w.Item, w.Latest.Column));

    public async Task<IActionResult> OnGetAsync(string? id, string? type, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, type, cancellationToken))
        {
            return NotFound();
        }

        if (IsNew && IsProposal)
        {
            return Redirect("/admin/proposals/new");
        }

        if (Work is { Latest.Status: ContentStatus.InReview })
        {
            // Submitted text is read-only while it is reviewed: the author and reviewers see it where it is decided.
            return Redirect($"/admin/content/review/{Work.Item.Id}");
        }

        if (Work is not null && !CanViewDrafts)
        {
            return Forbidden(WorkflowTexts.ViewRefused);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? id, string? type, int version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, type, cancellationToken))
        {
            return NotFound();
        }

        // Shown again on a refusal, so the form keeps what was typed. The workflow checks Media fields and
        // rewrites an accepted value to the bare id in this same object.
        var values = EditorFields.Read(Request.Form, Fields, Values);
        Values = values;
        if (IsNew)
        {
            var created = await workflow.CreateAsync(Me, Type!.Name, values, cancellationToken);
            if (created.Failure is { } refused)
            {
                return Refused(refused);
            }

            Flash = "草稿已保存（第 1 版）" + WordsNote(created.Value!);
            return Redirect($"/admin/content/edit/{created.Value!.Version.ContentItemId}");
        }

        var result = await workflow.UpdateAsync(Me, id!, version, values, cancellationToken);
        if (ContentFailures.CurrentVersion(result.Failure) is { } current)
        {
            // Keep the user's text in the form and show what the other person saved, so nothing is lost.
            Theirs = await queries.VersionAsync(id!, current, cancellationToken);
            ConflictDiff = TextDiff.Compare(BodyRenderer.ToDiffText(RichBody.OfJson(Theirs?.Data)), BodyRenderer.ToDiffText(RichBody.Of(values, BuiltInParts.MarkdownBody, "Markdown")));
            Version = current;
            return Refused(result.Failure!);
        }

        if (result.Failure is { } failure)
        {
            return Refused(failure);
        }

        Flash = $"已保存为第 {result.Value!.Version.Number} 版草稿" + WordsNote(result.Value);
        return Redirect($"/admin/content/edit/{id}");
    }

    public async Task<IActionResult> OnPostPreviewAsync(string? id, string? type, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, type, cancellationToken))
        {
            return NotFound();
        }

        var html = LivePreviewEndpoint.Render(Request.Form, bodies);
        Values = EditorFields.Read(Request.Form, Fields, Values);
        PreviewHtml = html;
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(string id, int version, bool wordsChecked, CancellationToken cancellationToken) =>
        ActAsync(id, w => w.SubmitAsync(Me, id, version, wordsChecked, cancellationToken), r => $"已提交至“{r.StageName}”", cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(string id, int version, DateTime? at, CancellationToken cancellationToken) =>
        ActAsync(id, w => w.PublishAsync(Me, id, version, ToUtc(at), cancellationToken), Done, cancellationToken);

    public Task<IActionResult> OnPostUnpublishAsync(string id, DateTime? at, CancellationToken cancellationToken) =>
        ActAsync(id, w => w.UnpublishAsync(Me, id, ToUtc(at), cancellationToken), _ => at is null ? "已撤下" : "已安排定时撤下", cancellationToken);

    public async Task<IActionResult> OnPostLinkAsync(string id, int version, int hours, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, null, cancellationToken))
        {
            return NotFound();
        }

        if (!CanViewDrafts)
        {
            return Forbidden("您无权为此内容生成预览链接");
        }

        var (_, token) = await links.CreateAsync(Me, id, version, TimeSpan.FromHours(Math.Clamp(hours, 1, 24 * 7)), cancellationToken);
        NewPreviewLink = $"{Request.Scheme}://{Request.Host}/preview/{token}";
        Links = await links.ListAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, long link, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, null, cancellationToken))
        {
            return NotFound();
        }

        if (!CanViewDrafts)
        {
            return Forbidden("您无权撤销此预览链接");
        }

        await links.RevokeAsync(Me, id, link, cancellationToken);
        Flash = "预览链接已撤销";
        return Redirect($"/admin/content/edit/{id}");
    }

    public string LocalInput(DateTime? utc) => utc is { } t ? SiteTime.ToLocal(t).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";

    private async Task<IActionResult> ActAsync(string id, Func<WorkflowService, Task<Result<WorkflowChange>>> action, Func<WorkflowChange, string> done, CancellationToken cancellationToken)
    {
        var result = await action(workflow);
        if (!await LoadAsync(id, null, cancellationToken))
        {
            return NotFound();
        }

        if (result.Failure is { } failure)
        {
            // The list below shows what stopped this submission, not the check of the saved text.
            WordCheck = (failure as Failure.WordsFound)?.Check;
            return Refused(failure);
        }

        Flash = done(result.Value!);
        return Redirect(result.Value!.Version.Status == ContentStatus.InReview ? $"/admin/content/review/{id}" : $"/admin/content/edit/{id}");
    }

    private static string Done(WorkflowChange change) => change.Version.Status switch
    {
        ContentStatus.Published => "已签发，内容已发布",
        ContentStatus.Scheduled => "已签发，将按设定时间发布",
        _ => "已办理",
    };

    private static DateTime? ToUtc(DateTime? local) => EditorTime.ToUtc(local);

    private static string WordsNote(WorkflowChange saved) => saved.WordCheck is { Hits.Count: > 0 } check
        ? $"；错敏词检查发现 {check.Hits.Count} 处（见下方列表），{(check.HasBlocking ? "须修改后才能提交" : "提交前请逐条核对")}"
        : "";

    /// <summary>What the rich editor opens with: the field's HTML, or its Markdown rendered (saved as HTML from then on).</summary>
    public string RichHtml(EditorField field) => EditorFields.RichHtml(Values, field, bodies);

    private async Task<bool> LoadAsync(string? id, string? type, CancellationToken cancellationToken)
    {
        var site = Policy.Site;
        if (id is not null)
        {
            Work = await queries.GetAsync(id, cancellationToken);
            if (Work is null)
            {
                return false;
            }

            Type = site.FindType(Work.Item.ContentType);
            Values = EditorFields.Flatten(Work.Latest.Data);
            Version = Work.Latest.Number;
            // A draft shows the check of its current text (saving warns); a submitted version the check it passed.
            WordCheck = Work.Latest.Status == ContentStatus.Draft
                ? await workflow.CheckWordsAsync(Work.Latest, cancellationToken)
                : WordCheckResult.FromJson(Work.Review?.WordCheck);
            Links = await links.ListAsync(id, cancellationToken);
        }
        else
        {
            Type = site.FindType(type ?? "News") ?? (site.Types is [var first, ..] ? first : null);
        }

        if (Type is null)
        {
            return false;
        }

        var columns = site.ColumnsOf(Type.Name).Select(c => c.Name).Where(c => Policy.Has(Me, Permissions.CreateContent, Type.Name, c) || Policy.Has(Me, Permissions.EditAnyContent, Type.Name, c));
        Fields = EditorFields.For(site, Type, columns);
        if (IsProposal)
        {
            // Left out of the form, these values are carried over unchanged from the latest version on save.
            Fields = [.. Fields.Where(f => f.Part != PublicitySite.Proposals.ProposalVisibility.Part)];
        }

        return true;
    }
}
