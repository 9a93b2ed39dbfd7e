using PublicitySite.Web.Site;

namespace PublicitySite.Web.Hosting;

/// <summary>
/// Work the first requests would otherwise do, done by the main thread while set-up (database model, migrations,
/// recipe) runs on the other core. Without it the main thread sits idle for about as long, and the first reader
/// waits for the routes to be built and the theme to be parsed after set-up has finished.
/// </summary>
internal static class StartupWarmUp
{
    public static void WarmUpWhileInitializing(this WebApplication app)
    {
        // Each source builds and keeps its endpoints (request delegates, metadata, the Razor pages' action
        // descriptors); the routing and authorization caches read them from there when the site starts.
        foreach (var source in ((IEndpointRouteBuilder)app).DataSources)
        {
            _ = source.Endpoints;
        }

        app.Services.GetRequiredService<ThemeRenderer>().ParseViews();
    }
}
