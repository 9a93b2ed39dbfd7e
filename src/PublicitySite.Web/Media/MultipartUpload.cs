using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using PublicitySite.Media;

namespace PublicitySite.Web.Media;

/// <summary>A multipart upload read off the wire: the file's bytes and the form fields sent with it.</summary>
internal sealed record MultipartUpload(byte[]? File, string? FileName, Dictionary<string, string> Fields, List<string> Tags);

/// <summary>
/// Reads <c>multipart/form-data</c> section by section as it streams in. The file is counted while it arrives
/// and the read stops at the first byte past the limit, so an oversized upload is refused without the server
/// ever holding (or waiting for) the whole request.
/// </summary>
internal static class MultipartReading
{
    private const int MaxFieldLength = 4096;
    private const int FormOverhead = 64 * 1024;

    public sealed class TooLargeException : Exception;

    public sealed class MalformedException(string message) : Exception(message);

    public static async Task<MultipartUpload> ReadAsync(HttpRequest request, long maxFileBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw new MalformedException("请以 multipart/form-data 格式上传，文件放在 file 字段中");
        }

        if (request.ContentLength > maxFileBytes + FormOverhead)
        {
            throw new TooLargeException();
        }

        // Kestrel's own cap is 30 MB; make it follow the configured limit so the check below is the one that bites.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max)
        {
            max.MaxRequestBodySize = maxFileBytes + FormOverhead;
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        byte[]? file = null;
        string? fileName = null;
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var tags = new List<string>();
        var sections = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (++sections > 20)
                {
                    throw new MalformedException("表单字段过多");
                }

                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.Name.Value is not { } name)
                {
                    throw new MalformedException("表单中有无法识别的部分");
                }

                name = HeaderUtilities.RemoveQuotes(name).Value ?? "";
                if (name.Equals("file", StringComparison.OrdinalIgnoreCase))
                {
                    if (file is not null)
                    {
                        throw new MalformedException("一次只能上传一个文件");
                    }

                    fileName = disposition.FileNameStar.Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    file = await MediaUploader.ReadLimitedAsync(section.Body, maxFileBytes, cancellationToken) ?? throw new TooLargeException();
                }
                else
                {
                    var value = await ReadFieldAsync(section.Body, cancellationToken) ?? throw new MalformedException($"字段 {name} 过长");
                    if (name.Equals("tags", StringComparison.OrdinalIgnoreCase))
                    {
                        tags.AddRange(value.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    }
                    else
                    {
                        fields[name] = value;
                    }
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new TooLargeException();
        }
        catch (InvalidDataException e)
        {
            throw new MalformedException("表单格式有误：" + e.Message);
        }
        catch (IOException)
        {
            throw new MalformedException("上传过程中连接中断，文件未完整收到");
        }

        return new MultipartUpload(file, fileName, fields, tags);
    }

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        var bytes = await MediaUploader.ReadLimitedAsync(body, MaxFieldLength, cancellationToken);
        return bytes is null ? null : System.Text.Encoding.UTF8.GetString(bytes);
    }
}
