using System.Buffers;
using System.IO.Compression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace PublicitySite.Web.Caching;

/// <summary>
/// One rendered page: the headers the normal pipeline sent with it, its bytes as they are and already
/// compressed with Brotli and gzip, and its cache tags. Served as it is by the fast path and written to disk
/// by static publishing.
/// </summary>
internal sealed class FastPage
{
    /// <summary>Headers that belong to one response's encoding or connection, set afresh for each answer.</summary>
    private static readonly HashSet<string> PerResponse = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentLength, HeaderNames.ContentEncoding, HeaderNames.TransferEncoding, HeaderNames.Vary,
        HeaderNames.Date, HeaderNames.Connection, HeaderNames.KeepAlive, HeaderNames.Server,
    };

    private FastPage(int status, KeyValuePair<string, StringValues>[] headers, byte[] identity, byte[]? gzip, byte[]? brotli, IReadOnlyCollection<string> tags)
    {
        Status = status;
        Headers = headers;
        Identity = identity;
        Gzip = gzip;
        Brotli = brotli;
        Tags = tags;
        foreach (var (name, value) in headers)
        {
            if (name.Equals(HeaderNames.ETag, StringComparison.OrdinalIgnoreCase))
            {
                ETag = EntityTagHeaderValue.TryParse(value.ToString(), out var tag) ? tag : null;
            }
            else if (name.Equals(HeaderNames.LastModified, StringComparison.OrdinalIgnoreCase))
            {
                LastModified = HeaderUtilities.TryParseDate(value.ToString(), out var date) ? date : null;
            }
            else if (name.Equals(HeaderNames.ContentType, StringComparison.OrdinalIgnoreCase))
            {
                ContentType = value.ToString();
            }
        }
    }

    public int Status { get; }

    public IReadOnlyList<KeyValuePair<string, StringValues>> Headers { get; }

    public string? ContentType { get; }

    public EntityTagHeaderValue? ETag { get; }

    public DateTimeOffset? LastModified { get; }

    public byte[] Identity { get; }

    public byte[]? Gzip { get; }

    public byte[]? Brotli { get; }

    public IReadOnlyCollection<string> Tags { get; }

    /// <summary>The site definition the page was rendered under; a recipe apply makes every page stale.</summary>
    public object? Definition { get; private init; }

    public DateTimeOffset Expires { get; private init; } = DateTimeOffset.MaxValue;

    /// <summary>The same page, placed in the fast path's store: under which site definition and until when.</summary>
    public FastPage With(object? definition, DateTimeOffset expires) =>
        new(Status, [.. Headers], Identity, Gzip, Brotli, Tags) { Definition = definition, Expires = expires };

    public long Size => Identity.Length + (Gzip?.Length ?? 0) + (Brotli?.Length ?? 0) + 512;

    public static FastPage Create(int status, IHeaderDictionary headers, ReadOnlySpan<byte> body, IReadOnlyCollection<string> tags)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var kept = headers.Where(h => !PerResponse.Contains(h.Key)).ToArray();
        var identity = body.ToArray();
        var contentType = headers.ContentType.ToString();
        var compress = identity.Length > 0 && IsCompressible(contentType);
        return new FastPage(status, kept, identity, compress ? GzipOf(identity) : null, compress ? BrotliOf(identity) : null, tags);
    }

    /// <summary>Text worth compressing: pages, feeds, JSON, scripts, SVG; images and archives are compressed already.</summary>
    public static bool IsCompressible(string contentType) =>
        contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("javascript", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Compressed once and served many times, so a stronger level than per-request compression would afford.
    /// </summary>
    private static byte[] BrotliOf(byte[] data)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(data.Length));
        try
        {
            return BrotliEncoder.TryCompress(data, buffer, out var written, quality: 9, window: 22)
                ? buffer.AsSpan(0, written).ToArray()
                : throw new InvalidOperationException("Brotli compression failed");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] GzipOf(byte[] data)
    {
        using var output = new MemoryStream(data.Length / 3 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
