using Microsoft.Extensions.DependencyInjection;

namespace PublicitySite.MemberRecord;

internal static class MemberRecordServiceCollectionExtensions
{
    /// <summary>履职档案: 社情民意 from the portal and their adoption, meeting rosters, the yearly record and points.</summary>
    public static IServiceCollection AddMemberRecordCore(this IServiceCollection services)
    {
        services.AddScoped<PortalOpinions>();
        services.AddScoped<OpinionQueries>();
        services.AddScoped<MeetingRoster>();
        services.AddScoped<DutyRecords>();
        return services;
    }
}
