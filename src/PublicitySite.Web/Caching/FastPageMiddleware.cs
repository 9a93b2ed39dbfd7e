using Microsoft.Extensions.Options;
using PublicitySite.Contents.Definitions;
using PublicitySite.Web.Site;

namespace PublicitySite.Web.Caching;

/// <summary>
/// First in the pipeline: an anonymous GET or HEAD of a page already rendered is answered from its stored
/// bytes, before routing, authentication, CORS, rate limits and the output cache. Anything else goes on as
/// usual; a page the page cache policy accepts is captured on its way out (headers as sent, body before
/// compression) and stored for the next reader.
/// </summary>
internal sealed class FastPageMiddleware
{
    private readonly RequestDelegate next;
    private readonly FastPageStore store;
    private readonly IOptionsMonitor<PageCacheOptions> options;
    private readonly SiteDefinitionStore definitions;
    private readonly TimeProvider clock;

    public FastPageMiddleware(RequestDelegate next, FastPageStore store, IOptionsMonitor<PageCacheOptions> options, SiteDefinitionStore definitions, TimeProvider clock, PageRenderer renderer)
    {
        this.next = next;
        this.store = store;
        this.options = options;
        this.definitions = definitions;
        this.clock = clock;
        renderer.Attach(RenderAsync);
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (!options.CurrentValue.Enabled || !IsAnonymousPageRead(context.Request))
        {
            return next(context);
        }

        var key = Key(context.Request);
        var metrics = context.RequestServices.GetService<PublicitySite.Web.Operations.SiteMetrics>();
        if (store.TryGet(key, definitions.Current, out var page))
        {
            metrics?.CacheHit("pages");
            return FastPageResponse.WriteAsync(context, page);
        }

        metrics?.CacheMiss("pages");
        return CaptureAsync(context, key);
    }

    /// <summary>
    /// What the page cache policy would cache, decided from the request alone. The API is left to its own
    /// pipeline: its rate limits and CORS count every request.
    /// </summary>
    internal static bool IsAnonymousPageRead(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        if (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
            || PageCachePolicy.CarriesCredentials(request))
        {
            return false;
        }

        return !request.QueryString.HasValue || (!request.Query.ContainsKey("elder") && !request.Query.ContainsKey("size"));
    }

    /// <summary>Host, path and query as the output cache varies them, plus the reader's 长者模式 and text size.</summary>
    internal static string Key(HttpRequest request)
    {
        var (elder, size) = ReaderPreferences.CacheKey(request);
        return string.Concat(request.Scheme, "://", request.Host.Value, request.PathBase.Value, request.Path.Value, request.QueryString.Value, "|", elder, size);
    }

    private async Task CaptureAsync(HttpContext context, string key)
    {
        var capture = await RunCapturedAsync(context, always: false);
        // A HEAD answer has no body to keep.
        if (HttpMethods.IsGet(context.Request.Method) && capture.Storable && capture.Cacheable
            && capture.Status == StatusCodes.Status200OK && capture.ToPage() is { } page)
        {
            store.TryAdd(key, Stamp(page), capture.Generation);
        }
    }

    private FastPage Stamp(FastPage page) => page.With(definitions.Current, clock.GetUtcNow() + options.CurrentValue.Lifetime);

    private async Task<PageCapture> RunCapturedAsync(HttpContext context, bool always)
    {
        var capture = new PageCapture(store.Generation, always);
        context.Features.Set(capture);
        // Registered first, so it runs last among the start callbacks: it sees every header they add.
        context.Response.OnStarting(static state =>
        {
            var (response, capture) = ((HttpResponse, PageCapture))state;
            capture.Started(response);
            return Task.CompletedTask;
        }, (context.Response, capture));
        await next(context);
        return capture;
    }

    /// <summary>Static publishing's renders: the same pipeline, captured whatever the page cache would do.</summary>
    private async Task<FastPage?> RenderAsync(HttpContext context)
    {
        var capture = await RunCapturedAsync(context, always: true);
        if (capture.ToPage() is not { } page)
        {
            return null;
        }

        if (capture.Storable && capture.Cacheable && capture.Status == StatusCodes.Status200OK)
        {
            store.TryAdd(Key(context.Request), Stamp(page), capture.Generation);
        }

        return page;
    }
}
