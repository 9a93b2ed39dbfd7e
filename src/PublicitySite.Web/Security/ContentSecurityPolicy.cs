using System.Security.Cryptography;

namespace PublicitySite.Web.Security;

/// <summary>
/// The Content-Security-Policy every response carries unless an endpoint sets its own. Scripts run only from
/// the site itself or from an inline <c>&lt;script&gt;</c> carrying the request's nonce (<see cref="CspNonce"/>);
/// inline styles stay allowed because templates set widths and small layout rules in <c>style</c> attributes.
/// </summary>
internal static class ContentSecurityPolicy
{
    private const string NonceKey = "publicity.csp-nonce";

    /// <summary>
    /// This request's nonce, made on first use. Write it on an inline script: Razor
    /// <c>&lt;script nonce="@Context.CspNonce()"&gt;</c>, Liquid <c>&lt;script nonce="{{ csp.nonce }}"&gt;</c>.
    /// The policy header is set at once, so a page the output cache keeps carries the nonce its HTML holds.
    /// </summary>
    public static string CspNonce(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items[NonceKey] is string nonce)
        {
            return nonce;
        }

        nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18)); // no + or /, which HTML encoding would change
        http.Items[NonceKey] = nonce;
        if (!http.Response.HasStarted)
        {
            http.Response.Headers.ContentSecurityPolicy = Build("'nonce-" + nonce + "'");
        }

        return nonce;
    }

    /// <summary>The nonce, if a page used one, for the header written when the response starts.</summary>
    internal static string? IssuedNonce(HttpContext http) => http.Items[NonceKey] as string;

    /// <param name="scriptSources">Extra script sources: a nonce or hashes (<c>'sha256-…'</c>).</param>
    public static string Build(string? scriptSources = null, string frameAncestors = "'none'") =>
        "default-src 'self'; " +
        $"script-src 'self'{(scriptSources is null ? "" : " " + scriptSources)}; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "media-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        $"frame-ancestors {frameAncestors}";
}
