namespace PublicitySite.Web.Hosting;

/// <summary>
/// Start-up work the framework does eagerly that a public reader never needs, left to first use instead.
/// </summary>
internal static class OnDemandLoading
{
    // The framework's hosted service that reads the data-protection key ring at start, so that the first
    // sign-in does not. Reading it loads the XML stack (about 4 MB held for the life of the process), while
    // anonymous pages never protect or read a cookie. The key ring is still read, and made if missing, on the
    // first sign-in, antiforgery token or two-step ticket.
    private const string KeyRingPreload = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    /// <summary>Call last, after every registration that adds data protection.</summary>
    public static IServiceCollection LoadOnDemand(this IServiceCollection services)
    {
        var preload = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == KeyRingPreload).ToList();
        preload.ForEach(d => services.Remove(d));
        return services;
    }
}
