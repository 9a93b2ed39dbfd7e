using Microsoft.EntityFrameworkCore;
using PublicitySite.Storage;
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
        TranslateQueries(app.Services);
    }

    // A process's first LINQ queries spend most of a second compiling EF Core's query pipeline. Translating two
    // typical ones to SQL here (no database is touched: set-up may not have created it yet) does that while the
    // other core checks the migrations, instead of after it, on the way to the first page.
    private static void TranslateQueries(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        _ = db.Documents.AsNoTracking().Where(d => d.Key == "warm-up").Select(d => d.Json).ToQueryString();
        _ = db.ContentItemVersions.AsNoTracking()
            .Where(v => v.Published && v.ContentType == "warm-up" && v.Column != null)
            .OrderByDescending(v => v.ModifiedUtc).ThenBy(v => v.Id).Skip(1).Take(20)
            .Select(v => new { v.ContentItemId, v.Title, v.Slug, v.ModifiedUtc }).ToQueryString();
    }
}
