using Microsoft.AspNetCore.Http.Features;

namespace PublicitySite.Web.Caching;

/// <summary>
/// A page being rendered by the normal pipeline while the fast path (or static publishing) watches: the
/// status and headers as they went out, the body before compression, and the tags the page gave itself.
/// </summary>
internal sealed class PageCapture(long generation, bool always)
{
    /// <summary>Pages larger than this are served but not kept.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    private readonly MemoryStream body = new();

    /// <summary>The store's generation when the render began.</summary>
    public long Generation { get; } = generation;

    /// <summary>Capture whatever answers (static publishing), not only pages the page cache would keep.</summary>
    public bool Always { get; } = always;

    /// <summary>Set by the page cache policy: an anonymous page that may be cached.</summary>
    public bool Cacheable { get; set; }

    /// <summary>Cleared by <see cref="PageCache.DoNotStore"/> and by anything that makes the answer personal.</summary>
    public bool Storable { get; set; } = true;

    public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);

    public int Status { get; private set; }

    public IHeaderDictionary? Headers { get; private set; }

    public bool Overflowed { get; private set; }

    /// <summary>Whether the body is worth copying: decided when the first byte is written.</summary>
    public bool Wanted => (Cacheable || Always) && !Overflowed;

    public ReadOnlySpan<byte> Body => body.GetBuffer().AsSpan(0, (int)body.Length);

    public void Append(ReadOnlySpan<byte> data)
    {
        if (body.Length + data.Length > MaxBytes)
        {
            Overflowed = true;
            body.SetLength(0);
            return;
        }

        body.Write(data);
    }

    /// <summary>Called as the response starts, after everything else that sets headers.</summary>
    public void Started(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Status = response.StatusCode;
        var copy = new HeaderDictionary();
        foreach (var (name, value) in response.Headers)
        {
            copy[name] = value;
        }

        Headers = copy;
    }

    /// <summary>The captured page, or null when it cannot be served to another reader as it is.</summary>
    public FastPage? ToPage()
    {
        if (Headers is null || Overflowed || !(Cacheable || Always) || Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.SetCookie))
        {
            return null;
        }

        return FastPage.Create(Status, Headers, Body, Tags);
    }
}

/// <summary>
/// Inside response compression: copies the uncompressed body of a captured page while it goes out as usual,
/// so the reader who caused the render gets exactly the normal answer.
/// </summary>
internal sealed class PageCaptureMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<PageCapture>() is not { } capture)
        {
            await next(context);
            return;
        }

        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var copying = new StreamResponseBodyFeature(new CopyingStream(original.Stream, capture), original);
        context.Features.Set<IHttpResponseBodyFeature>(copying);
        try
        {
            await next(context);
            await copying.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }
    }

    private sealed class CopyingStream(Stream inner, PageCapture capture) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Copy(buffer);
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Copy(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        private void Copy(ReadOnlySpan<byte> buffer)
        {
            if (capture.Wanted)
            {
                capture.Append(buffer);
            }
        }
    }
}
