using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PublicitySite.Web.Security;

/// <summary>
/// The headers an inspection's OWASP table asks of every response (pages, API, admin, files, errors), and the
/// cookie settings that go with them.
/// </summary>
internal static partial class SecurityHeaders
{
    /// <summary>Pages written by a library, whose inline scripts are allowed by their hash (not their script files).</summary>
    private static readonly HashSet<string> HashedPages = new(StringComparer.OrdinalIgnoreCase) { "/api/docs/", "/api/docs/index.html" };

    /// <summary>Put early: error pages and cached answers get the headers too.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                Apply(http);
                return Task.CompletedTask;
            });
            if (HashedPages.Contains(http.Request.Path.Value ?? ""))
            {
                http.Request.Headers.AcceptEncoding = default; // the page is read back here, so it must come uncompressed
                await HashInlineScriptsAsync(http, next);
                return;
            }

            await next(http);
        });
        return app;
    }

    private static void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.Remove("Server");
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = headers["Referrer-Policy"].Count > 0 ? headers["Referrer-Policy"] : "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
        if (headers.ContentSecurityPolicy.Count == 0)
        {
            var nonce = ContentSecurityPolicy.IssuedNonce(http);
            headers.ContentSecurityPolicy = ContentSecurityPolicy.Build(nonce is null ? null : "'nonce-" + nonce + "'");
        }

        if (http.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase) && headers.XFrameOptions.Count == 0)
        {
            headers.XFrameOptions = "DENY";
        }

        // Request.IsHttps is also true behind a trusted proxy that said X-Forwarded-Proto: https.
        if (http.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }
    }

    /// <summary>Buffers a library's HTML page and allows exactly the inline scripts it contains, by their SHA-256.</summary>
    private static async Task HashInlineScriptsAsync(HttpContext http, RequestDelegate next)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var hashes = InlineScript().Matches(html)
                .Select(m => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value))) + "'")
                .Distinct();
            http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy.Build(string.Join(' ', hashes));
        }

        http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
