using System.Security.Cryptography;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace PublicitySite.Web.Site;

public static class ThemeAssets
{
    /// <summary>Long enough that returning readers never ask again; a changed file gets a new URL instead.</summary>
    public static readonly TimeSpan FingerprintedLifetime = TimeSpan.FromDays(365);

    /// <summary>
    /// Serves <c>themes/&lt;theme&gt;/assets</c> at <c>/themes/&lt;theme&gt;/</c>. A request carrying the
    /// file's fingerprint (<c>?v=</c>) is cacheable for a year and immutable; others for an hour.
    /// </summary>
    public static WebApplication UseThemeAssets(this WebApplication app)
    {
        var theme = app.Services.GetRequiredService<ThemeRenderer>();
        var assets = Path.Combine(theme.ThemeDir, "assets");
        if (Directory.Exists(assets))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(assets),
                RequestPath = "/themes/" + theme.ThemeName,
                OnPrepareResponse = context =>
                {
                    var headers = context.Context.Response.GetTypedHeaders();
                    var fingerprinted = context.Context.Request.Query.ContainsKey("v");
                    headers.CacheControl = new CacheControlHeaderValue
                    {
                        Public = true,
                        MaxAge = fingerprinted ? FingerprintedLifetime : TimeSpan.FromHours(1),
                    };
                    if (fingerprinted)
                    {
                        context.Context.Response.Headers.CacheControl += ", immutable";
                    }
                },
            });
        }

        return app;
    }
}

/// <summary>Content hashes of theme files, recomputed when a file's timestamp changes.</summary>
public sealed class AssetFingerprints(string assetsDir, string urlPrefix)
{
    private readonly FileStamps<string> urls = new();

    public string Url(string relative)
    {
        var clean = relative.TrimStart('/');
        var file = Path.GetFullPath(Path.Combine(assetsDir, clean));
        if (!file.StartsWith(Path.GetFullPath(assetsDir), StringComparison.Ordinal))
        {
            return urlPrefix + "/" + clean;
        }

        return urls.Get(clean, file, found => File.Exists(found) ? Fingerprint(clean, found) : urlPrefix + "/" + clean);
    }

    private string Fingerprint(string clean, string file)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))[..12];
        return $"{urlPrefix}/{clean}?v={hash}";
    }
}
