
namespace PublicitySite.Web.Proposals;

/// <summary>The 提案追踪 feature's entry points: <c>services.AddProposals()</c> and <c>app.MapProposals()</c>.</summary>
internal static class ProposalEndpoints
{
    /// <summary>Must come before the site's catch-all, which would otherwise render proposals as plain articles.</summary>
    public static IEndpointRouteBuilder MapProposals(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/proposals", ProposalPages.List).ExcludeFromDescription();
        routes.MapGet("/proposals/statistics", ProposalPages.Statistics).ExcludeFromDescription();
        routes.MapGet("/proposals/feed.xml", ProposalFeed.Rss).ExcludeFromDescription();
        routes.MapGet("/proposals/{slug}", ProposalPages.Detail).ExcludeFromDescription();
        routes.MapProposalApi();
        return routes;
    }
}
