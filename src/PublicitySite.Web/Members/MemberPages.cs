using System.Text.Json.Nodes;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Members;
using PublicitySite.Web.Site;
using MemberCard = PublicitySite.Members.MemberCard;

namespace PublicitySite.Web.Members;

/// <summary>Public pages of 委员风采 and 社情民意: the directory, a member's profile, the 社情民意 list and items.</summary>
internal static class MemberPages
{
    public const int OpinionPageSize = 20;

    /// <summary>The 届次 choice that lists members of every term (an empty choice means the current term).</summary>
    public const string AllTerms = "全部";
    public static readonly string[] Letters = [.. "ABCDEFGHJKLMNOPQRSTWXYZ".Select(c => c.ToString())];

    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/members", Directory);
        routes.MapGet("/members/{slug}", Profile);
        routes.MapGet("/social-opinions", Opinions);
        routes.MapGet("/social-opinions/{id}", Opinion);
        routes.MapMemberApi();
        return routes;
    }

    private static async Task<IResult> Directory(string? term, string? sector, string? party, string? q, ThemeRenderer theme, SiteDefinitionStore definitions, MemberDirectory directory, SitePages pages, HttpContext http, CancellationToken cancellationToken)
    {
        var currentTerm = directory.CurrentTerm;
        var chosenTerm = string.IsNullOrWhiteSpace(term) ? currentTerm : term.Trim() == AllTerms ? null : term.Trim();
        var filter = new MemberFilter(chosenTerm, Clean(sector), Clean(party), Clean(q));
        var result = await directory.ListAsync(filter, cancellationToken);
        var present = result.Groups.Select(g => g.Letter).ToHashSet();
        var model = new
        {
            Filter = filter,
            result.Terms,
            result.Sectors,
            result.Parties,
            Total = result.Members.Count,
            Groups = result.Groups.Select(g => new { g.Letter, Members = g.Members.Select(Card).ToList() }).ToList(),
            Jump = Letters.Append("#").Where(l => l != "#" || present.Contains("#")).Select(l => new { Letter = l, Present = present.Contains(l) }).ToList(),
            AllTerms,
            Filtered = filter.Sector is not null || filter.Party is not null || filter.Name is not null,
        };
        var site = await pages.SiteAsync(http);
        return Html(await theme.RenderPageAsync("members/index", model, SitePages.Layout(http, site, $"委员风采 - {site.Name}", "委员风采", "本届政协委员名录，可按界别、党派筛选，按姓氏拼音排序。")));
    }

    private static async Task<IResult> Profile(string slug, ThemeRenderer theme, SiteDefinitionStore definitions, ContentQueries queries, ContentViewFactory views, MemberDirectory directory, SitePages pages, HttpContext http, CancellationToken cancellationToken)
    {
        var (entry, redirect) = await queries.FindByPathAsync("members/" + slug, cancellationToken);
        if (redirect is not null)
        {
            return Results.Redirect(redirect, permanent: true);
        }

        if (entry is null || entry.Version.ContentType != MembersIndexer.MemberType || await directory.GetAsync(entry.Item.Id, cancellationToken) is not { } member)
        {
            return await NotFoundAsync(pages, http);
        }

        var view = views.Create(entry);
        var records = await directory.RecordsAsync(member, cancellationToken);
        var model = new
        {
            Member = Card(member),
            view.BodyHtml,
            view.Summary,
            view.Sample,
            Activities = Activities(view.Parts),
            Led = records.ProposalsLed,
            Cosigned = records.ProposalsCosigned,
            records.News,
            records.Opinions,
        };
        var site = await pages.SiteAsync(http);
        var layout = SitePages.Layout(http, site, $"{member.Name} - 委员风采 - {site.Name}", "委员风采", view.Summary) with { ArticleTitle = member.Name, PubDate = view.PublishedUtc, Canonical = view.Url };
        return Html(await theme.RenderPageAsync("members/profile", model, layout));
    }

    private static async Task<IResult> Opinions(string? year, string? page, ThemeRenderer theme, SiteDefinitionStore definitions, SocialOpinions opinions, SitePages pages, HttpContext http, CancellationToken cancellationToken)
    {
        // Query values are parsed here, not bound as int: a mistyped ?page=abc should show the list, not a bare 400.
        var number = int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        int? chosen = int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 1949 and <= 2200 ? y : null;
        return await OpinionsAsync(chosen, number, theme, definitions, opinions, pages, http, cancellationToken);
    }

    private static async Task<IResult> OpinionsAsync(int? year, int number, ThemeRenderer theme, SiteDefinitionStore definitions, SocialOpinions opinions, SitePages pages, HttpContext http, CancellationToken cancellationToken)
    {
        var list = await opinions.ListPublishedAsync(year, number, OpinionPageSize, cancellationToken);
        var counts = await opinions.YearlyCountsAsync(cancellationToken);
        var query = year is { } chosenYear ? $"year={chosenYear}&" : "";
        var model = new
        {
            Year = year,
            Counts = counts,
            Total = list.Total,
            Items = list.Items.Select(e => EntryModel.From(e)).ToList(),
            Page = number,
            list.PageCount,
            Previous = number > 1 ? $"/social-opinions?{query}page={number - 1}" : null,
            Next = number < list.PageCount ? $"/social-opinions?{query}page={number + 1}" : null,
        };
        var site = await pages.SiteAsync(http);
        return Html(await theme.RenderPageAsync("members/opinions", model, SitePages.Layout(http, site, $"社情民意 - {site.Name}", "社情民意")));
    }

    private static async Task<IResult> Opinion(string id, ThemeRenderer theme, SiteDefinitionStore definitions, ContentQueries queries, ContentViewFactory views, MemberDirectory directory, PublicitySite.RichText.BodyRenderer bodies, SitePages pages, HttpContext http, CancellationToken cancellationToken)
    {
        var (entry, _) = await queries.FindByPathAsync("social-opinions/" + id, cancellationToken);
        if (entry is null || entry.Version.ContentType != SocialOpinions.Type)
        {
            return await NotFoundAsync(pages, http);
        }

        var view = views.Create(entry);
        var part = view.Parts["SocialOpinionPart"] as JsonObject ?? [];
        var reporters = new List<MemberCard>();
        foreach (var memberId in part["Reporters"] is JsonArray a ? a.Select(n => n?.ToString() ?? "") : [])
        {
            if (await directory.GetAsync(memberId, cancellationToken) is { } card)
            {
                reporters.Add(card);
            }
        }

        var model = new
        {
            Item = view,
            Situation = bodies.ToHtml(PublicitySite.RichText.RichBody.Of(part, "SocialOpinionPart", "Situation")),
            Suggestion = bodies.ToHtml(PublicitySite.RichText.RichBody.Of(part, "SocialOpinionPart", "Suggestion")),
            Category = part["Category"]?.ToString(),
            Adoption = part["Adoption"]?.ToString(),
            Reporters = reporters.Select(Card).ToList(),
            Others = part["OtherReporters"] is JsonArray o ? o.Select(n => n?.ToString()).ToList() : [],
        };
        var site = await pages.SiteAsync(http);
        var layout = SitePages.Layout(http, site, $"{view.Title} - 社情民意 - {site.Name}", "社情民意", view.Summary) with { ArticleTitle = view.Title, PubDate = view.PublishedUtc, Canonical = view.Url };
        return Html(await theme.RenderPageAsync("members/opinion", model, layout));
    }

    internal static object Card(MemberCard m) => new
    {
        m.Id,
        m.Name,
        m.PersonName,
        m.Url,
        m.Initial,
        m.Term,
        m.Sector,
        m.Party,
        m.Posts,
        m.WorkUnit,
        m.JobTitle,
        Photo = MediaUrl(m.Photo),
        Monogram = m.PersonName.Length > 0 ? m.PersonName[..1] : "委",
        m.Sample,
    };

    /// <summary>A media field holds a URL or a media id; ids are served under /media/.</summary>
    internal static string? MediaUrl(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : value.StartsWith('/') || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? value
        : "/media/" + Uri.EscapeDataString(value);

    private static List<object> Activities(JsonObject parts) =>
        parts["MemberPart"] is JsonObject p && p["Activities"] is JsonArray list
            ? list.OfType<JsonObject>()
                .Select(a => new { Date = a["Date"]?.ToString(), Title = a["Title"]?.ToString(), Note = a["Note"]?.ToString() })
                .OrderByDescending(a => a.Date, StringComparer.Ordinal)
                .Cast<object>().ToList()
            : [];

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static Task<IResult> NotFoundAsync(SitePages pages, HttpContext http) => pages.NotFoundAsync(http);

    internal static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");
}
