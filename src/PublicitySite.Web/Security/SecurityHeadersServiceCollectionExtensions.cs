using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace PublicitySite.Web.Security;

internal static class SecurityHeadersServiceCollectionExtensions
{
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        // No "Server: Kestrel": the software and its version are nobody's business.
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        // Secure whenever the request is HTTPS (directly or through a trusted proxy), and never sent cross-site.
        services.AddAntiforgery(o =>
        {
            o.SuppressXFrameOptionsHeader = true; // its SAMEORIGIN would weaken the admin's DENY; framing is decided below
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }
}
