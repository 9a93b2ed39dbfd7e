using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PublicitySite.Changes;
using PublicitySite.Contents;
using PublicitySite.Proposals;
using PublicitySite.Settings;
using PublicitySite.Storage;
using StackExchange.Redis;

namespace PublicitySite.Web.Cluster;

internal static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Cluster__Redis</c>: the eviction bus, data-protection keys in Redis (a cookie or antiforgery
    /// token made on one node is read on any), shared rate limits, and once-per-cluster jobs through
    /// PostgreSQL advisory locks. Without it nothing is registered and the single-node defaults stay.
    /// </summary>
    public static WebApplicationBuilder AddCluster(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section);
        var options = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        var database = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connection = builder.Configuration.GetConnectionString("Default");
        if (database.Provider != DatabaseProvider.Postgres || string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException("集群模式（Cluster__Redis）需要共享的 PostgreSQL 数据库：请设置 Database__Provider=Postgres 和 ConnectionStrings__Default。");
        }

        AddRedisCluster(builder.Services, options, connection);
        return builder;
    }

    // Its own method so that a single node never loads the Redis client: the runtime loads the assemblies a
    // method names when it first compiles the method, whichever branch runs.
    private static void AddRedisCluster(IServiceCollection services, ClusterOptions options, string connection)
    {
        var redisOptions = ConfigurationOptions.Parse(options.Redis!);
        redisOptions.AbortOnConnectFail = false; // start while Redis is down; reconnect in the background
        redisOptions.ClientName = "publicity";
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisOptions));
        services.AddDataProtection().SetApplicationName("PublicitySite");
        services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((o, redis) =>
            o.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), options.Prefix + "data-protection-keys"));

        services.AddSingleton<NodeCaches>();
        services.AddSingleton<ClusterBus>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterBus>());
        services.AddSingleton<ClusterBroadcaster>();
        services.AddSingleton<IContentChangeSink>(sp => sp.GetRequiredService<ClusterBroadcaster>());
        services.AddSingleton<IProposalStatusSink>(sp => sp.GetRequiredService<ClusterBroadcaster>());
        services.AddSingleton<ISiteSettingsChangeSink>(sp => sp.GetRequiredService<ClusterBroadcaster>());
        services.Replace(ServiceDescriptor.Singleton<INodeSignals>(sp => sp.GetRequiredService<ClusterBroadcaster>()));
        services.Replace(ServiceDescriptor.Singleton<IJobLock>(new PostgresJobLock(connection)));
        services.AddSingleton<ISharedRateCounter, RedisRateCounter>();
    }
}
