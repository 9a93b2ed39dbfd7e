using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Contents;

namespace PublicitySite.Members;

internal static class MembersServiceCollectionExtensions
{
    /// <summary>委员风采 and 社情民意: the member index (kept by a change sink), directory and profile reads.</summary>
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddScoped<MembersIndexer>();
        services.AddScoped<IContentChangeSink>(sp => sp.GetRequiredService<MembersIndexer>());
        services.AddScoped<MemberDirectory>();
        services.AddScoped<SocialOpinions>();
        return services;
    }
}
