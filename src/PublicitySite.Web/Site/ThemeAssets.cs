using System.Security.Cryptography;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace PublicitySite.Web.Site;

internal static class ThemeAssets
{
    /// <summary>Long enough that returning readers never ask again; a changed file gets a new name instead.</summary>
    public static readonly TimeSpan FingerprintedLifetime = TimeSpan.FromDays(365);

    private const string FingerprintedKey = "publicity.asset.fingerprinted";

    /// <summary>
    /// Serves <c>themes/&lt;theme&gt;/assets</c> at <c>/themes/&lt;theme&gt;/</c>. Pages name each file with its
    /// content hash (<c>css/site.3f2a9c1b2d4e.css</c>): such a name is answered from the plain file, cacheable for
    /// a year and immutable while the hash is the file's own; plain names, and names of an older hash, for an hour.
    /// </summary>
    public static WebApplication UseThemeAssets(this WebApplication app)
    {
        var theme = app.Services.GetRequiredService<ThemeRenderer>();
        var assets = Path.Combine(theme.ThemeDir, "assets");
        if (!Directory.Exists(assets))
        {
            return app;
        }

        var prefix = "/themes/" + theme.ThemeName;
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(prefix, StringComparison.Ordinal, out var rest)
                && AssetFingerprints.SplitVersioned(rest.Value ?? "") is { } versioned)
            {
                context.Request.Path = prefix + versioned.Plain;
                context.Items[FingerprintedKey] = theme.Assets.IsCurrent(versioned.Plain, versioned.Hash);
            }

            return next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(assets),
            RequestPath = prefix,
            OnPrepareResponse = context =>
            {
                var fingerprinted = context.Context.Items[FingerprintedKey] is true;
                context.Context.Response.GetTypedHeaders().CacheControl = new CacheControlHeaderValue
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
        return app;
    }
}

/// <summary>Content hashes of theme files, recomputed when a file's timestamp changes.</summary>
public sealed class AssetFingerprints(string assetsDir, string urlPrefix)
{
    private const int HashLength = 12;
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

    /// <summary>Whether <paramref name="hash"/> is the current content hash of the asset at <paramref name="plain"/>.</summary>
    public bool IsCurrent(string plain, string hash) =>
        SplitVersioned(Url(plain)[urlPrefix.Length..]) is { } current && string.Equals(current.Hash, hash, StringComparison.Ordinal);

    /// <summary>
    /// <c>/css/site.3f2a9c1b2d4e.css</c> → (<c>/css/site.css</c>, <c>3f2a9c1b2d4e</c>); null for a name without a
    /// twelve-digit hash before its extension.
    /// </summary>
    public static (string Plain, string Hash)? SplitVersioned(string path)
    {
        var extension = path.LastIndexOf('.');
        var hashStart = extension - HashLength - 1;
        if (extension < 0 || hashStart < 0 || path[hashStart] != '.' || path.LastIndexOf('/') > hashStart)
        {
            return null;
        }

        var hash = path.Substring(hashStart + 1, HashLength);
        return hash.All(char.IsAsciiHexDigitLower) ? (path[..hashStart] + path[extension..], hash) : null;
    }

    private string Fingerprint(string clean, string file)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))[..HashLength];
        var extension = Path.GetExtension(clean);
        return $"{urlPrefix}/{clean[..^extension.Length]}.{hash}{extension}";
    }
}
