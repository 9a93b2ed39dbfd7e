using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PublicitySite.Web.Hosting;

/// <summary>
/// Bound from <c>Proxy</c>: the reverse proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> /
/// <c>X-Forwarded-Host</c> the site believes (<c>Proxy__TrustedProxies__0=127.0.0.1</c>,
/// <c>Proxy__TrustedNetworks__0=10.0.0.0/8</c>). Headers from any other address are ignored, so a client cannot
/// claim another address or scheme by sending them itself.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    public List<string> TrustedProxies { get; set; } = [];

    public List<string> TrustedNetworks { get; set; } = [];

    /// <summary>How many proxies in a row to unwrap (nginx alone: 1).</summary>
    public int ForwardLimit { get; set; } = 1;
}

public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddForwardedHeadersSetup(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.ForwardLimit = Math.Max(1, proxy.Value.ForwardLimit);
            // ASP.NET Core trusts loopback by default; only what the configuration names is trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.TrustedProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address.Trim()));
            }

            foreach (var network in proxy.Value.TrustedNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it (logs, rate limits, audit, links) sees the client.</summary>
    public static IApplicationBuilder UseForwardedHeadersSetup(this IApplicationBuilder app) => app.UseForwardedHeaders();

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
