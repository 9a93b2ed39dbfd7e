using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PublicitySite.Bench.Volume;

/// <summary>The site in this process on a real Kestrel port, over a throwaway data directory with the seed.</summary>
/// <remarks>Named by one of the web assembly's types: this program's own top-level <c>Program</c> hides the site's.</remarks>
internal sealed class VolumeSite(string dataDir) : WebApplicationFactory<PublicitySite.Web.Site.PublicReadCache>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(Path.Combine(Root(), "src", "PublicitySite.Web"));
        builder.UseSetting("Publicity:DataDir", dataDir);
        builder.UseSetting("Publicity:ImportSeed", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Publicity:AdminPassword", "bench-password-1234");
        // One reader asking many times must not be held back as a crawler would be.
        builder.UseSetting("Api:AnonymousPerMinute", "1000000");
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PublicitySite.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PublicitySite.sln not found above " + AppContext.BaseDirectory);
    }
}
