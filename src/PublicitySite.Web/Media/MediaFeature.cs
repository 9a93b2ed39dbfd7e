using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using PublicitySite.Contents.Definitions;
using PublicitySite.Media;
using PublicitySite.Web.Site;

namespace PublicitySite.Web.Media;

public static class MediaFeature
{
    /// <summary>Policy for uploading and editing media (recipe permission <c>media.upload</c>).</summary>
    public const string UploadPolicy = Permissions.UploadMedia;

    /// <summary>Policy for deleting media (recipe permission <c>media.manage</c>).</summary>
    public const string ManagePolicy = Permissions.ManageMedia;

    /// <summary>The media core, its authorization policies and its Liquid filters.</summary>
    public static IServiceCollection AddMediaFeature(this IServiceCollection services)
    {
        services.AddMedia();
        services.AddMemoryCache();
        services.AddSingleton<IThemeFilters, MediaThemeFilters>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(UploadPolicy, p => p.AddAuthenticationSchemes(Auth.AuthSchemes.Token, Auth.AuthSchemes.Admin).RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(Permissions.UploadMedia), new TokenScopeRequirement(PublicitySite.Users.TokenScopes.UploadMedia)))
            .AddPolicy(ManagePolicy, p => p.AddAuthenticationSchemes(Auth.AuthSchemes.Token, Auth.AuthSchemes.Admin).RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(Permissions.ManageMedia), new TokenScopeRequirement(PublicitySite.Users.TokenScopes.UploadMedia)));
        services.AddSingleton<IAuthorizationHandler, TokenScopeHandler>();
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
