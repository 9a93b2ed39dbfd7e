using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Markdown;
using PublicitySite.Proposals;
using PublicitySite.Web.Site;

namespace PublicitySite.Web.Proposals;

/// <summary>The public 提案追踪 column: the filtered list, each proposal's page and the session statistics.</summary>
internal static class ProposalPages
{
    public const string ColumnName = "提案追踪";

    public static async Task<IResult> List(HttpContext http, ProposalQueries queries, SitePages pages, CancellationToken cancellationToken)
    {
        var site = await pages.SiteAsync(http);
        var theme = pages.Theme;
        var (filter, _, error) = ProposalFilterParser.Parse(http.Request.Query);
        if (filter is null)
        {
            return await Message(http, theme, site, StatusCodes.Status400BadRequest, FailureTexts.BadFilter, error!);
        }

        var page = await queries.ListAsync(filter, cancellationToken);
        var facets = await queries.FacetsAsync(cancellationToken);
        var session = filter.Term is { } t && filter.Meeting is { } m ? $"{t}-{m}" : null;
        string PageUrl(int n) => "/proposals" + Query(http.Request.Query, ("page", n == 1 ? null : n.ToString(CultureInfo.InvariantCulture)));
        var model = new
        {
            Total = page.Total,
            Items = page.Items.Select(ProposalSummary.From).ToList(),
            Page = page.PageNumber,
            page.PageCount,
            Previous = page.PageNumber > 1 ? PageUrl(page.PageNumber - 1) : null,
            Next = page.PageNumber < page.PageCount ? PageUrl(page.PageNumber + 1) : null,
            Filters = new
            {
                Session = session,
                Status = filter.Status is { } s ? ProposalNames.Of(s) : null,
                filter.Category,
                filter.Unit,
                Key = filter.Key == true ? "true" : null,
                filter.Sector,
            },
            Sessions = facets.Sessions.Select(x => new { Value = $"{x.Term}-{x.Meeting}", Label = ProposalNumbering.Session(x.Term, x.Meeting) }).ToList(),
            Statuses = ProposalNames.AllStatuses,
            facets.Categories,
            facets.Units,
            facets.Sectors,
            Filtered = filter.Term is not null || filter.Status is not null || filter.Category is not null || filter.Unit is not null || filter.Key is not null || filter.Sector is not null,
        };
        return Html(await theme.RenderPageAsync("proposals/list", model, SitePages.Layout(http, site, $"{ColumnName} - {site.Name}", ColumnName, "提案从提交、审查、交办、答复到评价的办理进程")));
    }

    public static async Task<IResult> Detail(string slug, ContentQueries contents, ProposalQueries queries, ProposalRules rules, ContentViewFactory views, MarkdownRenderer markdown, SitePages pages, HttpContext http, CancellationToken cancellationToken)
    {
        var site = await pages.SiteAsync(http);
        var theme = pages.Theme;
        var (entry, redirect) = await contents.FindByPathAsync("proposals/" + slug.TrimEnd('/'), cancellationToken);
        if (redirect is not null)
        {
            return Results.Redirect(redirect, permanent: true);
        }

        if (entry is null || entry.Item.ContentType != ProposalVisibility.ContentType || await queries.GetAsync(entry.Item.Id, cancellationToken) is not { } detail)
        {
            return await Message(http, theme, site, StatusCodes.Status404NotFound, FailureTexts.PageMissing, "您访问的提案不存在或尚未公开。");
        }

        var content = views.Create(detail.Entry);
        var view = ProposalDetailView.From(detail, rules, markdown, content.BodyHtml, content.Summary);
        var layout = SitePages.Layout(http, site, $"{view.Summary.Title} - {ColumnName} - {site.Name}", ColumnName, content.Summary) with
        {
            ArticleTitle = view.Summary.Title,
            PubDate = content.PublishedUtc,
            ContentSource = "政协提案委员会",
            Canonical = view.Summary.Url,
        };
        return Html(await theme.RenderPageAsync("proposals/detail", new { Proposal = view, content.Sample }, layout));
    }

    public static async Task<IResult> Statistics(HttpContext http, ProposalQueries queries, ProposalStatistics statistics, SitePages pages, CancellationToken cancellationToken)
    {
        var site = await pages.SiteAsync(http);
        var theme = pages.Theme;
        var (filter, _, error) = ProposalFilterParser.Parse(http.Request.Query);
        if (filter is null)
        {
            return await Message(http, theme, site, StatusCodes.Status400BadRequest, FailureTexts.BadFilter, error!);
        }

        var facets = await queries.FacetsAsync(cancellationToken);
        if ((filter.Term, filter.Meeting) is not (int term, int meeting))
        {
            if (facets.Sessions.Count == 0)
            {
                return await Message(http, theme, site, StatusCodes.Status200OK, "提案办理情况统计", "目前还没有公开的提案，暂无统计。");
            }

            (term, meeting) = facets.Sessions[0];
        }

        var stats = await statistics.ForSessionAsync(term, meeting, cancellationToken);
        var list = $"/proposals?session={term}-{meeting}";
        var model = new
        {
            Session = ProposalNumbering.Session(term, meeting),
            SessionValue = $"{term}-{meeting}",
            Sessions = facets.Sessions.Select(x => new { Value = $"{x.Term}-{x.Meeting}", Label = ProposalNumbering.Session(x.Term, x.Meeting) }).ToList(),
            stats.Total,
            ListUrl = list,
            Charts = new[]
            {
                Chart.From("by-status", "按办理状态", stats.ByStatus, stats.Total, c => $"{list}&status={Uri.EscapeDataString(c.Filter!)}"),
                Chart.From("by-category", "按类别", stats.ByCategory, stats.Total, c => $"{list}&category={Uri.EscapeDataString(c.Filter!)}"),
                Chart.From("by-unit", "按承办单位（含协办）", stats.ByUnit, stats.Total, c => $"{list}&unit={Uri.EscapeDataString(c.Filter!)}"),
                Chart.From("reply-class", "答复办理结果", stats.ByReplyClass, stats.ByReplyClass.Sum(c => c.Count)),
                Chart.From("satisfaction", "委员评价（满意度）", stats.Satisfaction, stats.Satisfaction.Sum(c => c.Count)),
            },
            stats.Replied,
            stats.RepliedOnTime,
            stats.Overdue,
            OnTimeRate = stats.OnTimeRate is { } rate ? (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—",
            OnTimeWidth = stats.OnTimeRate is { } r ? (int)Math.Round(r * 100) : 0,
            KeyProposals = stats.KeyProposals.Select(ProposalSummary.From).ToList(),
        };
        return Html(await theme.RenderPageAsync("proposals/statistics", model, SitePages.Layout(http, site, $"提案统计 - {model.Session} - {site.Name}", ColumnName, $"{model.Session}提案办理情况统计")));
    }

    /// <summary>The current query string with some values replaced (null removes).</summary>
    internal static string Query(IQueryCollection query, params (string Key, string? Value)[] changes)
    {
        var builder = new QueryBuilder();
        foreach (var (key, values) in query)
        {
            if (!changes.Any(c => c.Key.Equals(key, StringComparison.OrdinalIgnoreCase)) && values.ToString().Length > 0)
            {
                builder.Add(key, values.ToString());
            }
        }

        foreach (var (key, value) in changes.Where(c => c.Value is not null))
        {
            builder.Add(key, value!);
        }

        return builder.ToQueryString().ToString();
    }

    private static async Task<IResult> Message(HttpContext http, ThemeRenderer theme, SiteModel site, int status, string title, string text)
    {
        var html = await theme.RenderPageAsync("proposals/message", new { Title = title, Text = text }, SitePages.Layout(http, site, $"{title} - {site.Name}", ColumnName));
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");
}
