using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PublicitySite.Contents;
using PublicitySite.Media;

namespace PublicitySite.Proposals;

internal static class ProposalServiceCollectionExtensions
{
    /// <summary>The proposal lifecycle, its derived records, the office's services and the public reads.</summary>
    public static IServiceCollection AddProposalsCore(this IServiceCollection services)
    {
        services.AddOptions<ProposalOptions>();
        services.AddSingleton(sp => ProposalRules.From(sp.GetRequiredService<IOptions<ProposalOptions>>().Value));
        services.AddSingleton<ProposalLifecycle>();
        services.AddSingleton<ProposalTimelineReader>();
        services.AddScoped<ProposalIndexer>();
        services.AddScoped<IContentChangeSink>(sp => sp.GetRequiredService<ProposalIndexer>());
        services.AddScoped<ProposalOffice>();
        services.AddScoped<ProposalPublication>();
        services.AddScoped<ProposalDirectory>();
        services.AddScoped<ProposalQueries>();
        services.AddScoped<ProposalStatistics>();
        services.AddScoped<ProposalDeadlines>();
        services.AddScoped<ProposalImporter>();
        services.AddScoped<ProposalOfficeQueries>();
        services.AddScoped<ProposalExport>();
        services.AddScoped<IMediaUsageSource, ProposalReplyMedia>();
        return services;
    }
}
