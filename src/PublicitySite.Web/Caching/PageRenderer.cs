using System.Net;
using Microsoft.AspNetCore.Http.Features;

namespace PublicitySite.Web.Caching;

/// <summary>
/// Renders a public page in-process, through the whole pipeline, as an anonymous reader at
/// <c>origin</c> would get it: used by static publishing, which has no reader to answer.
/// </summary>
internal sealed class PageRenderer(IHttpContextFactory contexts)
{
    private Func<HttpContext, Task<FastPage?>>? pipeline;

    /// <summary>Whether the site's pipeline is built (it is once the host has started).</summary>
    public bool Ready => pipeline is not null;

    internal void Attach(Func<HttpContext, Task<FastPage?>> render) => pipeline = render;

    /// <returns>The page (any status), or null when the answer cannot be kept as a file (it set a cookie).</returns>
    public async Task<FastPage?> RenderAsync(Uri origin, string pathAndQuery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var render = pipeline ?? throw new InvalidOperationException("the site's pipeline is not built yet");
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var request = new HttpRequestFeature
        {
            Method = HttpMethods.Get,
            Scheme = origin.Scheme,
            Protocol = "HTTP/1.1",
            PathBase = "",
            Path = query < 0 ? pathAndQuery : pathAndQuery[..query],
            QueryString = query < 0 ? "" : pathAndQuery[query..],
            RawTarget = pathAndQuery,
        };
        request.Headers.Host = origin.Authority;
        var response = new RenderResponse();
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(request);
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(response);
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature { RemoteIpAddress = IPAddress.Loopback, LocalIpAddress = IPAddress.Loopback });
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = cancellationToken });
        var context = contexts.Create(features);
        try
        {
            var page = await render(context);
            await response.CompleteAsync();
            return page;
        }
        finally
        {
            contexts.Dispose(context);
        }
    }

    /// <summary>A response with nowhere to go but memory, which still runs its start callbacks like a server's.</summary>
    private sealed class RenderResponse : IHttpResponseFeature, IHttpResponseBodyFeature
    {
        private readonly Stack<(Func<object, Task> Callback, object State)> starting = new();
        private readonly MemoryStream body = new();
        private System.IO.Pipelines.PipeWriter? writer;

        public int StatusCode { get; set; } = StatusCodes.Status200OK;

        public string? ReasonPhrase { get; set; }

        public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

        public Stream Body { get => new StartingStream(this); set => throw new NotSupportedException(); }

        public bool HasStarted { get; private set; }

        public Stream Stream => new StartingStream(this);

        public System.IO.Pipelines.PipeWriter Writer => writer ??= System.IO.Pipelines.PipeWriter.Create(Stream);

        public void OnStarting(Func<object, Task> callback, object state) => starting.Push((callback, state));

        public void OnCompleted(Func<object, Task> callback, object state)
        {
            // Nothing is disposed by completion callbacks that a finished render would miss.
        }

        public async Task StartAsync(CancellationToken cancellationToken = default)
        {
            if (HasStarted)
            {
                return;
            }

            while (starting.TryPop(out var entry))
            {
                await entry.Callback(entry.State);
            }

            HasStarted = true;
        }

        public async Task CompleteAsync()
        {
            if (writer is not null)
            {
                await writer.FlushAsync();
            }

            await StartAsync();
        }

        public void DisableBuffering()
        {
        }

        public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        {
            await StartAsync(cancellationToken);
            await SendFileFallback.SendFileAsync(body, path, offset, count, cancellationToken);
        }

        private sealed class StartingStream(RenderResponse owner) : Stream
        {
            public override bool CanRead => false;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => owner.body.Length;

            public override long Position { get => owner.body.Length; set => throw new NotSupportedException(); }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            {
                await owner.StartAsync(cancellationToken);
                owner.body.Write(buffer.Span);
            }

            public override Task FlushAsync(CancellationToken cancellationToken) => owner.StartAsync(cancellationToken);
        }
    }
}
