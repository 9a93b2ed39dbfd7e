using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<string, (DateTime Stamp, string Url)> urls = new();

    public string Url(string relative)
    {
        var clean = relative.TrimStart('/');
        var file = Path.GetFullPath(Path.Combine(assetsDir, clean));
        if (!file.StartsWith(Path.GetFullPath(assetsDir), StringComparison.Ordinal) || !File.Exists(file))
        {
            return urlPrefix + "/" + clean;
        }

        var stamp = File.GetLastWriteTimeUtc(file);
        if (urls.TryGetValue(clean, out var known) && known.Stamp == stamp)
        {
            return known.Url;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))[..12];
        var url = $"{urlPrefix}/{clean}?v={hash}";
        urls[clean] = (stamp, url);
        return url;
    }
}
