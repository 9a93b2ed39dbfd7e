using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Curation;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Admin.Pages.Content;

/// <summary>
/// 头条, 置顶 (with an end), 推荐 and the title highlight of one item. The content list's one-click buttons post
/// here too (<c>flag</c> and <c>on</c>) and go back to the list. All changes go through <see cref="CurationService"/>.
/// </summary>
public sealed class CurateModel(WorkflowQueries queries, CurationService curation) : AdminPage
{
    public WorkItem? Work { get; private set; }

    public CurationFlags Flags { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }

        return Page();
    }

    /// <summary>One click: <paramref name="flag"/> (headline, pinned, featured, bold) set to <paramref name="on"/>.</summary>
    public async Task<IActionResult> OnPostToggleAsync(string id, string flag, bool on, string? returnUrl, CancellationToken cancellationToken)
    {
        var request = flag switch
        {
            "headline" => new CurationRequest { Headline = on },
            "pinned" => new CurationRequest { Pinned = on },
            "featured" => new CurationRequest { Featured = on },
            "bold" => new CurationRequest { TitleBold = on },
            _ => null,
        };
        if (request is null)
        {
            return await RefuseAsync(id, new Failure.Invalid("flag", "未知的设置项"), cancellationToken);
        }

        var result = await curation.UpdateAsync(Me, id, request, cancellationToken);
        if (result.Failure is { } failure)
        {
            return await RefuseAsync(id, failure, cancellationToken);
        }

        Flash = "已保存，前台首页和栏目已更新";
        return LocalRedirect(returnUrl is { Length: > 0 } back && Url.IsLocalUrl(back) ? back : $"/admin/content/curate/{id}");
    }

    public async Task<IActionResult> OnPostAsync(string id, bool headline, bool pinned, string? pinnedUntil, bool featured, string? titleColor, bool titleBold, CancellationToken cancellationToken)
    {
        DateTime? until = null;
        if (!string.IsNullOrWhiteSpace(pinnedUntil))
        {
            if (!DateTime.TryParse(pinnedUntil, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return await RefuseAsync(id, new Failure.Invalid("pinnedUntil", "置顶截止时间格式不正确"), cancellationToken);
            }

            until = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), SiteTime.Zone);
        }

        var request = new CurationRequest
        {
            Headline = headline,
            Pinned = pinned,
            PinnedUntilUtc = until,
            Featured = featured,
            TitleColor = titleColor ?? "",
            TitleBold = titleBold,
        };
        var result = await curation.UpdateAsync(Me, id, request, cancellationToken);
        if (result.Failure is { } failure)
        {
            return await RefuseAsync(id, failure, cancellationToken);
        }

        Flash = "已保存，前台首页和栏目已更新";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Work = await queries.GetAsync(id, cancellationToken);
        if (Work is null)
        {
            return NotFound();
        }

        Flags = (await curation.GetAsync(cancellationToken)).Of(id) ?? new CurationFlags();
        return null;
    }

    private async Task<IActionResult> RefuseAsync(string id, Failure failure, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing && failure is not Failure.NotFound)
        {
            return missing;
        }

        return Refused(failure);
    }

    public bool MayCurate => Work is not null && Policy.Has(Me, Permissions.PublishContent, Work.Item.ContentType, Work.Latest.Column);
}
