using PublicitySite.Proposals;
using PublicitySite.Web.Admin.Menu;

namespace PublicitySite.Web.Proposals;

/// <summary>The 提案追踪 feature's entry points: <c>services.AddProposals()</c> and <c>app.MapProposals()</c>.</summary>
public static class ProposalEndpoints
{
    /// <summary>Web side only: the core services come with <c>AddPublicityCore()</c> so every host (CLI, tests) keeps records in step.</summary>
    public static IServiceCollection AddProposals(this IServiceCollection services)
    {
        services.AddOptions<ProposalOptions>().BindConfiguration(ProposalOptions.Section);
        services.AddHostedService<OverdueJob>();
        services.AddAdminMenuEntry("提案", "提案办理", "/admin/proposals", p => Admin.OfficeAccess.Proposals(p.Policy, p.Me));
        services.AddAdminMenuEntry("提案", "承办单位和界别名录", "/admin/proposals/directories", p => Admin.OfficeAccess.Proposals(p.Policy, p.Me), 1);
        return services;
    }

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
