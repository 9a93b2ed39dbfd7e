using Microsoft.AspNetCore.OutputCaching;

namespace PublicitySite.Web.Caching;

/// <summary>
/// The output cache's store, which also tells the fast path and static publishing of every tag it evicts:
/// whoever evicts through <see cref="IOutputCacheStore"/> (the page cache evictor, a message from another
/// node) reaches all three.
/// </summary>
internal sealed class EvictionFanout(IOutputCacheStore inner, IEnumerable<IPageEvictionListener> listeners) : IOutputCacheStore
{
    private readonly IPageEvictionListener[] listeners = [.. listeners];

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await inner.EvictByTagAsync(tag, cancellationToken);
        foreach (var listener in listeners)
        {
            listener.OnEvicted(tag);
        }
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        inner.SetAsync(key, value, tags, validFor, cancellationToken);

    /// <summary>Wraps whichever store is registered (the in-memory one, or a shared one configured before).</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IOutputCacheStore))
            ?? throw new InvalidOperationException("AddOutputCache first");
        services.Remove(registered);
        services.AddSingleton<IOutputCacheStore>(sp => new EvictionFanout(Create(sp, registered), sp.GetServices<IPageEvictionListener>()));
    }

    private static IOutputCacheStore Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance as IOutputCacheStore
        ?? (IOutputCacheStore?)descriptor.ImplementationFactory?.Invoke(services)
        ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
