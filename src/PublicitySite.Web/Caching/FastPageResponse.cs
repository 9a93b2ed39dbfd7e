using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace PublicitySite.Web.Caching;

/// <summary>Answers a request from a stored page: 304 when the reader holds it, else the best encoding it accepts.</summary>
internal static class FastPageResponse
{
    private static readonly StringValues AcceptEncoding = HeaderNames.AcceptEncoding;
    private static readonly StringValues Br = "br";
    private static readonly StringValues Gzip = "gzip";

    public static Task WriteAsync(HttpContext context, FastPage page)
    {
        var request = context.Request;
        var response = context.Response;
        response.StatusCode = page.Status;
        var headers = response.Headers;
        foreach (var (name, value) in page.Headers)
        {
            headers[name] = value;
        }

        if (page.Gzip is not null)
        {
            headers.Vary = AcceptEncoding;
        }

        if (NotModified(request, page))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            headers.ContentType = default;
            return Task.CompletedTask;
        }

        var body = page.Identity;
        if (page.Gzip is not null && request.Headers.AcceptEncoding is { Count: > 0 } accepted)
        {
            if (page.Brotli is not null && Accepts(accepted, "br"))
            {
                body = page.Brotli;
                headers.ContentEncoding = Br;
            }
            else if (Accepts(accepted, "gzip"))
            {
                body = page.Gzip;
                headers.ContentEncoding = Gzip;
            }
        }

        response.ContentLength = body.Length;
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted);
    }

    private static bool NotModified(HttpRequest request, FastPage page)
    {
        var headers = request.Headers;
        if (headers.IfNoneMatch.Count > 0)
        {
            if (page.ETag is null)
            {
                return false;
            }

            return EntityTagHeaderValue.TryParseList(headers.IfNoneMatch, out var tags)
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(page.ETag, useStrongComparison: false));
        }

        return page.LastModified is { } modified
            && headers.IfModifiedSince.Count > 0
            && HeaderUtilities.TryParseDate(headers.IfModifiedSince.ToString(), out var since)
            && modified <= since.AddSeconds(1);
    }

    /// <summary>Whether <paramref name="coding"/> is listed without <c>q=0</c>.</summary>
    internal static bool Accepts(StringValues accepted, string coding)
    {
        foreach (var value in accepted)
        {
            foreach (var part in (value ?? "").AsSpan().Split(','))
            {
                var item = (value ?? "").AsSpan()[part].Trim();
                var semicolon = item.IndexOf(';');
                var name = (semicolon < 0 ? item : item[..semicolon]).Trim();
                if (!name.Equals(coding, StringComparison.OrdinalIgnoreCase) && !name.SequenceEqual("*"))
                {
                    continue;
                }

                if (semicolon < 0)
                {
                    return true;
                }

                var parameter = item[(semicolon + 1)..].Trim();
                if (!parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    || !double.TryParse(parameter[2..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q)
                    || q > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
