using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using PublicitySite.Web.Hosting;

namespace PublicitySite.Web.Site;

public static class ThemeAssets
{
    /// <summary>Serves <c>themes/&lt;theme&gt;/assets</c> at <c>/themes/&lt;theme&gt;/</c>.</summary>
    public static WebApplication UseThemeAssets(this WebApplication app)
    {
        var theme = app.Services.GetRequiredService<ThemeRenderer>();
        var name = app.Services.GetRequiredService<IOptions<PublicityOptions>>().Value.Theme;
        var assets = Path.Combine(theme.ThemeDir, "assets");
        if (Directory.Exists(assets))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(assets), RequestPath = "/themes/" + name });
        }

        // Routing after the files: static files are skipped once an endpoint matched, and the site's catch-all
        // route matches every path, so with the implicit routing at the start no stylesheet was ever served.
        app.UseRouting();

        return app;
    }
}
