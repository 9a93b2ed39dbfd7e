using PublicitySite.Proposals;
using PublicitySite.Web.Admin.Menu;

namespace PublicitySite.Web.Proposals;

internal static class ProposalsWebServiceCollectionExtensions
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
}
