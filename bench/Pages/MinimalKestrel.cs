using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PublicitySite.Bench.Pages;

/// <summary>
/// The ceiling for any ASP.NET Core answer on this machine: a bare Kestrel app that returns fixed bytes from
/// memory, with nothing in its pipeline. It runs in the benchmark's own process (wrk is the load).
/// </summary>
internal sealed class MinimalKestrel : IAsyncDisposable
{
    private readonly WebApplication app;

    private MinimalKestrel(WebApplication app, int port)
    {
        this.app = app;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public static async Task<MinimalKestrel> StartAsync(IReadOnlyDictionary<string, byte[]> pages)
    {
        var port = BenchFiles.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(context =>
        {
            if (!pages.TryGetValue(context.Request.Path.Value ?? "/", out var body))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body, 0, body.Length);
        });
        await app.StartAsync();
        return new MinimalKestrel(app, port);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
