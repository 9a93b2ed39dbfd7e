using System.Text.Json;
using Microsoft.Extensions.Options;
using PublicitySite.Changes;
using PublicitySite.Contents;
using PublicitySite.Proposals;
using PublicitySite.Settings;
using StackExchange.Redis;

namespace PublicitySite.Web.Cluster;

/// <summary>
/// The Redis channel every node publishes its evictions on and applies the others'. A message from another
/// node is handed to this node's <see cref="INodeLocalSink"/>s only (caches and the change-log reader), never
/// to the sinks that write rows: those ran once, where the change was made. Search does not depend on these
/// messages: they only make the index read the change log sooner.
/// </summary>
internal sealed partial class ClusterBus(
    IConnectionMultiplexer redis,
    IOptions<ClusterOptions> options,
    IServiceScopeFactory scopes,
    IServiceProvider services,
    ILogger<ClusterBus> logger) : BackgroundService
{
    /// <summary>
    /// Found when first needed, not injected: the caches hold services (the synonyms, the recipe) that signal
    /// the other nodes through this bus, and a constructor cycle through DI factories never returns.
    /// </summary>
    private NodeCaches Caches => field ??= services.GetRequiredService<NodeCaches>();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>This process, as its messages name it.</summary>
    public string Node { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    private RedisChannel Channel => RedisChannel.Literal(options.Value.Prefix + "changes");

    public async Task PublishAsync(ClusterMessage message)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(message, Json));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            // The others cannot hear this node now; each of them drops its own caches while it cannot reach Redis,
            // and search on every node follows the change log in the database regardless.
            LogPublishFailed(ex, message.Kind);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        redis.ConnectionFailed += (_, e) => Lost(e.Exception);
        redis.ConnectionRestored += (_, _) => _ = RestoredAsync();
        var subscribed = false;

        // While Redis is out of reach, evictions from other nodes cannot arrive: keep nothing cached. A node
        // that starts while Redis is down subscribes once it is up (the client then keeps the subscription).
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                if (!subscribed)
                {
                    subscribed = await TrySubscribeAsync();
                }

                if (!redis.IsConnected || !subscribed)
                {
                    await Caches.DropAsync(stoppingToken);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> TrySubscribeAsync()
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel, (channel, value) => _ = ReceiveAsync(value));
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogLost(ex);
            return false;
        }
    }

    private void Lost(Exception? reason)
    {
        LogLost(reason);
        _ = Caches.DropAsync(CancellationToken.None);
    }

    /// <summary>Messages sent while this node was cut off are gone: start again from the database.</summary>
    private async Task RestoredAsync()
    {
        LogRestored();
        await Caches.DropAsync(CancellationToken.None);
    }

    private async Task ReceiveAsync(RedisValue value)
    {
        try
        {
            var message = JsonSerializer.Deserialize<ClusterMessage>(value.ToString(), Json);
            if (message is null || message.Node == Node)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            switch (message.Kind)
            {
                case ClusterMessageKind.Content when message.Change is { } change:
                    foreach (var sink in services.GetServices<IContentChangeSink>().OfType<INodeLocalSink>().Cast<IContentChangeSink>())
                    {
                        await sink.OnChangedAsync(change, CancellationToken.None);
                    }

                    break;
                case ClusterMessageKind.Status when message.ItemId is { } id:
                    foreach (var sink in services.GetServices<IProposalStatusSink>().OfType<INodeLocalSink>().Cast<IProposalStatusSink>())
                    {
                        await sink.OnStatusChangedAsync(id, CancellationToken.None);
                    }

                    break;
                case ClusterMessageKind.Shared when message.State is { } state:
                    await Caches.ReloadAsync(state, CancellationToken.None);
                    if (state == SharedState.Settings)
                    {
                        foreach (var sink in services.GetServices<ISiteSettingsChangeSink>().OfType<INodeLocalSink>().Cast<ISiteSettingsChangeSink>())
                        {
                            await sink.OnSettingsChangedAsync(CancellationToken.None);
                        }
                    }

                    break;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A message this node cannot apply must not leave stale pages: start again from the database.
            LogApplyFailed(ex);
            await Caches.DropAsync(CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other nodes of a {Kind} change")]
    private partial void LogPublishFailed(Exception ex, ClusterMessageKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost Redis: this node keeps no cache until it is back")]
    private partial void LogLost(Exception? ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is back: caches dropped, messages missed meanwhile do not matter")]
    private partial void LogRestored();

    [LoggerMessage(Level = LogLevel.Error, Message = "A message from another node could not be applied; caches dropped")]
    private partial void LogApplyFailed(Exception ex);
}

/// <summary>Tells the other nodes of every change made here, at the same points where this node evicts its own caches.</summary>
internal sealed class ClusterBroadcaster(ClusterBus bus) : IContentChangeSink, IProposalStatusSink, ISiteSettingsChangeSink, INodeSignals
{
    public async ValueTask OnChangedAsync(ContentChange change, CancellationToken cancellationToken) =>
        await bus.PublishAsync(new ClusterMessage(bus.Node, ClusterMessageKind.Content, Change: change));

    public async ValueTask OnStatusChangedAsync(string contentItemId, CancellationToken cancellationToken) =>
        await bus.PublishAsync(new ClusterMessage(bus.Node, ClusterMessageKind.Status, ItemId: contentItemId));

    public async ValueTask OnSettingsChangedAsync(CancellationToken cancellationToken) =>
        await bus.PublishAsync(new ClusterMessage(bus.Node, ClusterMessageKind.Shared, State: SharedState.Settings));

    public async ValueTask ChangedAsync(SharedState what, CancellationToken cancellationToken) =>
        await bus.PublishAsync(new ClusterMessage(bus.Node, ClusterMessageKind.Shared, State: what));
}
