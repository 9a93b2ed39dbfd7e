using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using PublicitySite.Contents.Definitions;
using PublicitySite.Web.Admin.Notices;

namespace PublicitySite.Web.Auth;

internal static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// The admin cookie (secure, HttpOnly, SameSite=Strict; idle and absolute limits and the security stamp from
    /// <see cref="SessionValidator"/>) as the default scheme, and the
    /// bearer scheme for API tokens, which API endpoints name through <see cref="AuthSchemes.TokenPolicy"/>.
    /// </summary>
    public static IServiceCollection AddEditorialAuth(this IServiceCollection services)
    {
        services.AddAuthentication(AuthSchemes.Admin)
            .AddCookie(AuthSchemes.Admin, o =>
            {
                o.Cookie.Name = AuthSchemes.AdminCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.Path = "/";
                o.LoginPath = "/admin/login";
                o.LogoutPath = "/admin/logout";
                o.AccessDeniedPath = "/admin/denied";
                o.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
                // API endpoints that also accept the admin session answer with status codes, never a redirect
                // (and leave the response alone when the bearer scheme has already answered it).
                o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(AuthSchemes.Token, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthSchemes.TokenPolicy, p => p.AddAuthenticationSchemes(AuthSchemes.Token).RequireAuthenticatedUser());
        services.AddPermissionPolicies();
        services.AddOptions<LoginOptions>().BindConfiguration(LoginOptions.Section);
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section);
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>, SessionValidator.ConfigureCookie>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<LoginGuard>();
        services.AddSingleton<LoginChallenge>();
        services.AddSingleton<SecondStepTickets>();
        services.AddOptions<PublicitySite.Users.TwoFactorOptions>().BindConfiguration(PublicitySite.Users.TwoFactorOptions.Section);
        services.AddAdminNotices<SignInNotices>();
        services.AddMemoryCache();
        services.AddScoped<LoginService>();
        services.AddScoped<ActorAccessor>();
        return services;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Response.HasStarted)
        {
            // The bearer scheme, challenged or forbidding first under the same policy, has already answered.
            return Task.CompletedTask;
        }

        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    public static IServiceCollection AddAdminNetworks(this IServiceCollection services)
    {
        services.AddOptions<AdminNetworkOptions>().BindConfiguration(AdminNetworkOptions.Section);
        return services;
    }

    /// <summary>
    /// The one authorization mechanism: a policy per recipe permission, named as the permission
    /// (<c>RequireAuthorization(Permissions.RecordProposals)</c>), admitting the admin cookie and API tokens alike.
    /// </summary>
    public static IServiceCollection AddPermissionPolicies(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        var builder = services.AddAuthorizationBuilder();
        foreach (var permission in Permissions.All)
        {
            builder.AddPolicy(permission, p => p.AddAuthenticationSchemes(AuthSchemes.Token, AuthSchemes.Admin)
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(permission)));
        }

        return services;
    }
}
