using Microsoft.Extensions.DependencyInjection;

namespace PublicitySite.MemberPortal;

internal static class MemberPortalServiceCollectionExtensions
{
    /// <summary>委员之家: member accounts, the portal's proposal commands and reads.</summary>
    public static IServiceCollection AddMemberPortalCore(this IServiceCollection services)
    {
        services.AddScoped<MemberAccounts>();
        services.AddScoped<PortalProposals>();
        services.AddScoped<PortalQueries>();
        services.AddScoped<PortalAttachments>();
        services.AddScoped<PortalMail>();
        services.AddScoped<OfficeMessages>();
        services.AddScoped<PublicitySite.Proposals.IProposalEventStager>(sp => sp.GetRequiredService<PortalMail>());
        return services;
    }
}
