using System.Collections.Concurrent;
using PublicitySite.Web.Api;
using QRCoder;

namespace PublicitySite.Web.Site;

/// <summary>
/// QR code images for 微信扫一扫 sharing, drawn on the server so the page needs no script and no outside
/// service. Only this site's own paths are encoded, so the endpoint cannot be used to make codes for others.
/// </summary>
internal sealed class QrCodes
{
    private const int MaxEntries = 2000;
    private readonly ConcurrentDictionary<string, byte[]> images = new();

    public static IResult Render(string? path, HttpContext context, QrCodes codes)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(codes);
        if (path is null || path.Length is 0 or > 300 || !path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\') || path.Any(char.IsControl))
        {
            return Results.Problem(title: ApiProblems.BadRequestTitle, detail: "path 应为本站以“/”开头的网址路径，且不超过 300 个字符。", statusCode: StatusCodes.Status400BadRequest);
        }

        var url = $"{context.Request.Scheme}://{context.Request.Host}{path}";
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Bytes(codes.Png(url), "image/png");
    }

    public byte[] Png(string text)
    {
        if (images.TryGetValue(text, out var png))
        {
            return png;
        }

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        png = new PngByteQRCode(data).GetGraphic(5, [0x1f, 0x1f, 0x1f], [0xff, 0xff, 0xff]);
        if (images.Count < MaxEntries)
        {
            images.TryAdd(text, png);
        }

        return png;
    }
}
