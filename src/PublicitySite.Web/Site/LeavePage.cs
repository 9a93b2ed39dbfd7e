namespace PublicitySite.Web.Site;

/// <summary>
/// 即将离开本站: the page an outside menu link (友情链接, an outside entry of the main menu or footer) leads to
/// first, as government sites do. It names the address and offers 继续访问 and 返回; only addresses the menus
/// hold are offered, so the page cannot be used to lend the site's name to any other link.
/// </summary>
internal static class LeavePage
{
    public static async Task<IResult> RenderAsync(HttpContext context, SitePages pages, string? to)
    {
        var layout = await pages.LayoutAsync(context, "即将离开本站");
        var site = layout.Site;
        var known = site.Columns.Concat(site.Footer).Concat(site.Friends.SelectMany(g => g.Links))
            .FirstOrDefault(l => l.Outside && to is { Length: > 0 } && l.Url == "/leave?to=" + Uri.EscapeDataString(to));
        if (known is null || to is null)
        {
            return await pages.PageAsync(context, "message", new { Title = "链接无效", Text = "这个外部链接不在本站的导航中，请从本站页面上的链接进入。" }, layout, status: StatusCodes.Status404NotFound);
        }

        layout = layout with { Description = "您即将离开本站，前往外部网站。" };
        return await pages.PageAsync(context, "leave", new { Name = known.Name, To = to }, layout);
    }
}
