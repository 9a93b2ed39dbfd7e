using System.Net;
using Microsoft.Extensions.Options;

namespace PublicitySite.Web.Hosting;

/// <summary>
/// Bound from the <c>Proxy</c> section: the reverse proxies (nginx) whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed, by address (<c>Proxy__TrustedProxies__0=127.0.0.1</c>) or network
/// (<c>Proxy__TrustedNetworks__0=10.0.0.0/8</c>).
/// </summary>
internal sealed class ProxyOptions
{
    public const string Section = "Proxy";

    public List<string> TrustedProxies { get; set; } = [];

    public List<string> TrustedNetworks { get; set; } = [];

    /// <summary>How many proxies in a row may have added an address.</summary>
    public int ForwardLimit { get; set; } = 1;
}

/// <summary>
/// Behind nginx the client's address and scheme come from forwarded headers, but only from a configured trusted
/// proxy: with nothing configured, or from any other sender, they are ignored (not even loopback is trusted by
/// default), so nobody can claim another address to pass the admin allow-list or the sign-in limits.
/// </summary>
internal static class ForwardedHeadersSetup
{
    /// <summary>First in the pipeline, so everything after sees the client's address and scheme.</summary>
    public static WebApplication UseForwardedHeadersSetup(this WebApplication app)
    {
        // With both lists empty the framework's middleware would believe every sender: leave it out instead.
        var proxy = app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value;
        if (proxy.TrustedProxies.Concat(proxy.TrustedNetworks).Any(p => !string.IsNullOrWhiteSpace(p)))
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>
    /// A request made on this machine: from a loopback address and not relayed by a proxy (nginx on the same
    /// machine connects from 127.0.0.1 too, but adds X-Forwarded-For). In-process test hosts have no address.
    /// </summary>
    public static bool IsLocal(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress;
        var relayed = http.Request.Headers.ContainsKey("X-Forwarded-For") || http.Request.Headers.ContainsKey("X-Original-For");
        return !relayed && (remote is null || IPAddress.IsLoopback(remote));
    }
}
