using PublicitySite.SiteMigration;

namespace PublicitySite.Web.SiteMigration;

/// <summary>How often a node re-reads the list of old addresses (an import on another node or from the command line).</summary>
public sealed class LegacyAddressOptions
{
    public const string Section = "Migration";

    public TimeSpan MapRefresh { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The set of old addresses in memory, so the many requests that are not old addresses cost a hash lookup
/// and never a query; re-read every <see cref="LegacyAddressOptions.MapRefresh"/>.
/// </summary>
public sealed class LegacyAddressIndex(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<LegacyAddressOptions> options, TimeProvider clock)
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile HashSet<string> paths = [];
    private long loadedTicks = long.MinValue / 2; // UTC ticks of the last read; Interlocked, read by every request

    private bool Stale => clock.GetUtcNow().UtcTicks - Interlocked.Read(ref loadedTicks) > options.Value.MapRefresh.Ticks;

    public async Task<bool> ContainsAsync(string path, CancellationToken cancellationToken)
    {
        if (Stale)
        {
            await ReloadAsync(cancellationToken);
        }

        return paths.Contains(path);
    }

    /// <summary>After a run on this node: the next request reads the map again rather than waiting for the refresh.</summary>
    public void Invalidate() => Interlocked.Exchange(ref loadedTicks, long.MinValue / 2);

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await loading.WaitAsync(cancellationToken);
        try
        {
            if (!Stale)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            paths = await scope.ServiceProvider.GetRequiredService<LegacyAddressMap>().AllPathsAsync(cancellationToken);
            Interlocked.Exchange(ref loadedTicks, clock.GetUtcNow().UtcTicks);
        }
        finally
        {
            loading.Release();
        }
    }
}

/// <summary>Old addresses of a migrated site answer 301 with their new address, for ever (see Core/Migration).</summary>
internal static class LegacyRedirects
{
    private static readonly string[] IndexPages = ["index.html", "index.htm", "index.shtml", "default.html", "default.htm"];

    public static WebApplication UseLegacyRedirects(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && await FindAsync(context) is { } target)
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = target;
                context.Response.Headers.CacheControl = "public, max-age=86400";
                return;
            }

            await next(context);
        });
        return app;
    }

    private static async Task<string?> FindAsync(HttpContext context)
    {
        var index = context.RequestServices.GetRequiredService<LegacyAddressIndex>();
        var path = context.Request.Path.ToUriComponent();
        var cancel = context.RequestAborted;
        var candidates = new List<string>();
        if (context.Request.QueryString.HasValue)
        {
            candidates.Add(path + context.Request.QueryString.Value);
        }

        candidates.Add(path);
        if (path.EndsWith('/'))
        {
            candidates.AddRange(IndexPages.Select(page => path + page));
        }

        foreach (var candidate in candidates)
        {
            if (await index.ContainsAsync(candidate, cancel))
            {
                return await context.RequestServices.GetRequiredService<LegacyAddressMap>().TargetAsync(candidate, cancel);
            }
        }

        return null;
    }
}
