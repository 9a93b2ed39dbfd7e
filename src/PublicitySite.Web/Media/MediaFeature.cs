using Microsoft.AspNetCore.Authentication;
using PublicitySite.Contents.Definitions;
using PublicitySite.Media;
using PublicitySite.Web.Admin.Menu;
using PublicitySite.Web.Site;

namespace PublicitySite.Web.Media;

internal static class MediaFeature
{
    /// <summary>Policy for uploading and editing media (recipe permission <c>media.upload</c>).</summary>
    public const string UploadPolicy = Permissions.UploadMedia;

    /// <summary>Policy for deleting media (recipe permission <c>media.manage</c>).</summary>
    public const string ManagePolicy = Permissions.ManageMedia;

    /// <summary>The media core and its Liquid filters; its policies are the recipe permissions' (<see cref="Auth.AuthServiceCollectionExtensions.AddPermissionPolicies"/>).</summary>
    public static IServiceCollection AddMediaFeature(this IServiceCollection services)
    {
        services.AddMedia();
        services.AddAdminMenuEntry("媒体", "媒体库", "/admin/media", p => p.Can(Permissions.UploadMedia));
        services.AddMemoryCache();
        services.AddSingleton<IThemeFilters, MediaThemeFilters>();
        services.AddAuthentication();
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            if (o.DefaultScheme is null && o.DefaultChallengeScheme is null && o.DefaultAuthenticateScheme is null && !o.Schemes.Any())
            {
                o.AddScheme<NoSignInHandler>(NoSignInHandler.SchemeName, null);
                o.DefaultScheme = NoSignInHandler.SchemeName;
            }
        });
        return services;
    }
}
