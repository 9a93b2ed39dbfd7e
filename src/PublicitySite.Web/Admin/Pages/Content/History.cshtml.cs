using PublicitySite.RichText;
using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Admin.Pages.Content;

/// <summary>Who saved, submitted, approved or rejected each version; a character diff of any two; restore.</summary>
public sealed class HistoryModel(WorkflowQueries queries, WorkflowService workflow) : AdminPage
{
    public WorkItem? Work { get; private set; }

    public IReadOnlyList<VersionInfo> Versions { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public int? A { get; set; }

    [BindProperty(SupportsGet = true)] public int? B { get; set; }

    public IReadOnlyList<(string Label, IReadOnlyList<DiffSpan> Spans)>? Diff { get; private set; }

    public bool CanRestore => Work is { } w && Versions.Count > 1 && Policy.CanEdit(Me, w.Item, w.Latest.Column);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (A is { } a && B is { } b)
        {
            var older = Versions.FirstOrDefault(v => v.Version.Number == a)?.Version;
            var newer = Versions.FirstOrDefault(v => v.Version.Number == b)?.Version;
            if (older is null || newer is null)
            {
                Errors.Add("所选版本不存在");
            }
            else
            {
                Diff = Compare(older, newer);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(string id, int from, int? expected, CancellationToken cancellationToken)
    {
        var result = await workflow.RestoreAsync(Me, id, from, expected, cancellationToken);
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (result.Failure is { } failure)
        {
            return Refused(failure);
        }

        Flash = $"已将第 {from} 版恢复为第 {result.Value!.Version.Number} 版草稿";
        return Redirect($"/admin/content/edit/{id}");
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Work = await queries.GetAsync(id, cancellationToken);
        if (Work is null)
        {
            return NotFound();
        }

        if (!Policy.Has(Me, Permissions.ViewDrafts, Work.Item.ContentType, Work.Latest.Column) && !Policy.CanEdit(Me, Work.Item, Work.Latest.Column))
        {
            return Forbidden(WorkflowTexts.HistoryRefused);
        }

        Versions = await queries.VersionsAsync(id, cancellationToken);
        A ??= Versions.Count > 1 ? Versions[1].Version.Number : null;
        B ??= Versions.Count > 1 ? Versions[0].Version.Number : null;
        return null;
    }

    private static List<(string, IReadOnlyList<DiffSpan>)> Compare(ContentItemVersion older, ContentItemVersion newer)
    {
        var a = ContentData.Parse(older.Data);
        var b = ContentData.Parse(newer.Data);
        var result = new List<(string, IReadOnlyList<DiffSpan>)> { ("标题", TextDiff.Compare(older.Title, newer.Title)) };
        // The body is compared as text in both formats: an editor sees changed words, not changed tags.
        result.Add(("摘要", TextDiff.Compare(ContentData.GetString(a, BuiltInParts.Summary, "Summary"), ContentData.GetString(b, BuiltInParts.Summary, "Summary"))));
        result.Add(("正文", TextDiff.Compare(BodyRenderer.ToDiffText(RichBody.Of(a)), BodyRenderer.ToDiffText(RichBody.Of(b)))));
        foreach (var (part, field, label) in new[] { (BuiltInParts.Byline, "Source", "来源"), (BuiltInParts.Byline, "Author", "作者") })
        {
            result.Add((label, TextDiff.Compare(ContentData.GetString(a, part, field), ContentData.GetString(b, part, field))));
        }

        if (older.Column != newer.Column)
        {
            result.Add(("栏目", TextDiff.Compare(older.Column, newer.Column)));
        }

        return result;
    }
}
