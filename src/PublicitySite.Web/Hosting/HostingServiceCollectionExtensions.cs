using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicitySite.Storage;

namespace PublicitySite.Web.Hosting;

internal static class HostingServiceCollectionExtensions
{
    /// <summary>
    /// The data directory's paths and the database, configured from <c>Publicity</c> and <c>Database</c>, then the
    /// core services (<c>AddPublicityCore</c>, the one registration every host shares).
    /// </summary>
    public static WebApplicationBuilder AddDataDirectory(this WebApplicationBuilder builder)
    {
        // Defaults that hold wherever the host starts from (appsettings.json is only read from the content root).
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var options = builder.Configuration.GetSection(PublicityOptions.Section).Get<PublicityOptions>() ?? new PublicityOptions();
        builder.Services.AddOptions<PublicityOptions>().BindConfiguration(PublicityOptions.Section);
        var paths = HostingExtensions.ResolvePaths(options, builder.Environment.ContentRootPath);
        if (builder.Configuration["Media:Directory"] is { Length: > 0 } media)
        {
            // Shared media (an NFS mount every node sees); the database and index stay per data directory.
            paths = paths with { MediaOverride = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, media)) };
        }

        builder.Services.AddSingleton(paths);
        var database = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddStorage(database.Provider, builder.Configuration.GetConnectionString("Default"), paths);
        builder.Services.AddPublicityCore();
        return builder;
    }

    public static IServiceCollection AddForwardedHeadersSetup(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = Math.Max(1, proxy.Value.ForwardLimit);
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.TrustedProxies.Where(a => !string.IsNullOrWhiteSpace(a)))
            {
                o.KnownProxies.Add(IPAddress.TryParse(address.Trim(), out var ip) ? ip
                    : throw new InvalidOperationException($"配置 Proxy:TrustedProxies 中的地址无效：{address}"));
            }

            foreach (var network in proxy.Value.TrustedNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed) ? parsed
                    : throw new InvalidOperationException($"配置 Proxy:TrustedNetworks 中的网段无效：{network}（应为 10.0.0.0/8 这样的写法）"));
            }
        });
        return services;
    }
}
