using System.Net;
using Microsoft.Extensions.Options;

namespace PublicitySite.Web.Auth;

/// <summary>Bound from <c>Admin</c>: <c>Admin__AllowedNetworks__0=10.1.0.0/16</c>, <c>Admin__AllowedNetworks__1=127.0.0.1/32</c>.</summary>
internal sealed class AdminNetworkOptions
{
    public const string Section = "Admin";

    /// <summary>Networks that may reach /admin and the write API; empty: every network.</summary>
    public List<string> AllowedNetworks { get; set; } = [];
}

/// <summary>
/// An optional allow-list for the admin (<c>/admin</c>) and the write API (POST, PUT, PATCH, DELETE under
/// <c>/api</c>, except the read-only <c>/api/graphql</c>). The client address is the connection's, or a
/// trusted proxy's <c>X-Forwarded-For</c> (<c>Hosting/ForwardedHeadersSetup</c>); nothing else can claim one.
/// </summary>
internal static class AdminNetworks
{
    public static WebApplication UseAdminNetworks(this WebApplication app)
    {
        var networks = app.Services.GetRequiredService<IOptions<AdminNetworkOptions>>().Value.AllowedNetworks
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var parsed) ? parsed
                : IPAddress.TryParse(n.Trim(), out var single) ? new System.Net.IPNetwork(single, single.GetAddressBytes().Length * 8)
                : throw new InvalidOperationException($"配置 Admin:AllowedNetworks 中的网段无效：{n}（应为 10.0.0.0/8 这样的写法）"))
            .ToList();
        if (networks.Count == 0)
        {
            return app;
        }

        app.Use(async (http, next) =>
        {
            if (Guarded(http.Request) && !Allowed(http.Connection.RemoteIpAddress, networks))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await Results.Problem(title: "禁止访问", detail: "本网络不在后台管理与写入接口的允许范围内", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
                }
                else
                {
                    http.Response.ContentType = "text/plain; charset=utf-8";
                    await http.Response.WriteAsync("禁止访问：本网络不在后台管理的允许范围内。请在单位内网访问，或联系管理员。");
                }

                return;
            }

            await next(http);
        });
        return app;
    }

    private static bool Guarded(HttpRequest request) =>
        request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
        || (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && !request.Path.StartsWithSegments("/api/graphql", StringComparison.OrdinalIgnoreCase)
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method));

    private static bool Allowed(IPAddress? address, List<System.Net.IPNetwork> networks)
    {
        if (address is null)
        {
            return false;
        }

        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(plain));
    }
}
