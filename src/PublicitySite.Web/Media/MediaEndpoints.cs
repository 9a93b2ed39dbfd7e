using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Media;
using PublicitySite.Web.Admin.Media;
using PublicitySite.Web.Api;
using PublicitySite.Web.Auth;

namespace PublicitySite.Web.Media;

/// <summary>
/// <c>/api/media</c> (upload, list, detail with usage, edit, replace, delete) for signed-in editors, and
/// <c>/media/...</c> (originals and variants) for everyone, with year-long caching on fingerprinted URLs.
/// </summary>
internal static partial class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/media").WithTags("Media");
        api.MapPost("/", Upload).RequireAuthorization(MediaFeature.UploadPolicy).DisableAntiforgery()
            .WithSummary("上传图片或 PDF（multipart：file、alt，可选 caption、credit、folder、tags）");
        api.MapGet("/", List).RequireAuthorization(MediaFeature.UploadPolicy).WithSummary("媒体库检索（q、tag、folder、kind、page、pageSize）");
        api.MapGet("/{id}", Detail).RequireAuthorization(MediaFeature.UploadPolicy).WithSummary("媒体文件详情及引用它的内容");
        api.MapPut("/{id}", Edit).RequireAuthorization(MediaFeature.UploadPolicy).DescribeJsonBody<MediaEditRequest>().WithSummary("修改替代文字、说明、摄影、文件夹、标签、焦点");
        api.MapPost("/{id}/replace", Replace).RequireAuthorization(MediaFeature.UploadPolicy).DisableAntiforgery().WithSummary("替换文件（地址随之更新）");
        api.MapDelete("/{id}", Delete).RequireAuthorization(MediaFeature.ManagePolicy).WithSummary("删除未被引用的媒体文件");

        routes.MapMediaLibraryPage();
        routes.MapGet("/media/{id}", Stable);
        routes.MapGet("/media/{id}/{file}", Original);
        routes.MapGet("/media/{id}/{fingerprint}/{file}", Variant);
        return routes;
    }

    private static async Task<Results<Created<MediaModel>, ProblemHttpResult>> Upload(HttpContext http, ActorAccessor actors, MediaUploader uploader, MediaVariants variants, IOptions<MediaOptions> options, CancellationToken cancellationToken)
    {
        var form = await ReadFileAsync(http.Request, options.Value, cancellationToken);
        if (form.Value is not { } sent)
        {
            return ResultProblems.Problem(form.Failure!);
        }

        var upload = new MediaUpload(sent.FileName, Field(sent, "alt"), Field(sent, "caption"), Field(sent, "credit"), Field(sent, "folder"), sent.Tags);
        using var content = new MemoryStream(sent.File!, writable: false);
        var result = await uploader.UploadAsync(await actors.CurrentAsync(http), content, upload, cancellationToken);
        if (result.Value is not { } asset)
        {
            return ResultProblems.Problem(result.Failure!);
        }

        return TypedResults.Created($"/api/media/{asset.Id}", MediaModels.From(asset, variants.Profiles));
    }

    private static async Task<Results<Ok<MediaListModel>, ProblemHttpResult>> List([AsParameters] Paging<MediaPageLimits> paging, [AsParameters] MediaFilters filters, MediaLibrary library, MediaVariants variants, CancellationToken cancellationToken)
    {
        if (!paging.TryRead(out var page, out var pageSize, out var error) || !filters.TryRead(out var images, out error))
        {
            return BadParameter(error.Parameter, error.Detail);
        }

        var result = await library.SearchAsync(new MediaSearch { Text = filters.Q, Tag = filters.Tag, Folder = filters.Folder, Images = images, Page = page, PageSize = pageSize }, cancellationToken);
        return TypedResults.Ok(new MediaListModel(result.Total, result.Page, result.PageSize, [.. result.Items.Select(a => MediaModels.From(a, variants.Profiles))]));
    }

    private static async Task<Results<Ok<MediaModel>, ProblemHttpResult>> Detail(string id, MediaLibrary library, MediaVariants variants, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(id) || await library.GetAsync(id, cancellationToken) is not { } asset)
        {
            return NotFound();
        }

        var usages = await library.UsageAsync(id, cancellationToken);
        return TypedResults.Ok(MediaModels.From(asset, variants.Profiles) with { UsedBy = usages });
    }

    private static async Task<Results<Ok<MediaModel>, ProblemHttpResult>> Edit(string id, HttpRequest request, MediaLibrary library, MediaVariants variants, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(id))
        {
            return NotFound();
        }

        // Read the body here rather than by binding, so a malformed body gets a Chinese problem like every other refusal.
        MediaEditRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<MediaEditRequest>(cancellationToken);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or BadHttpRequestException)
        {
            body = null;
        }

        if (body is null)
        {
            return ResultProblems.Problem(MediaRefusals.Invalid("body", "请求体应为 JSON 对象，例如 {\"alt\": \"…\", \"caption\": \"…\", \"tags\": [\"…\"]}"));
        }

        var result = await library.UpdateAsync(id, new MediaEdit(body.Alt, body.Caption, body.Credit, body.Folder, body.Tags, body.FocalX, body.FocalY), cancellationToken);
        return Answer(result, variants);
    }

    private static async Task<Results<Ok<MediaModel>, ProblemHttpResult>> Replace(string id, HttpRequest request, MediaUploader uploader, MediaVariants variants, IOptions<MediaOptions> options, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(id))
        {
            return NotFound();
        }

        var form = await ReadFileAsync(request, options.Value, cancellationToken);
        if (form.Value is not { } sent)
        {
            return ResultProblems.Problem(form.Failure!);
        }

        using var content = new MemoryStream(sent.File!, writable: false);
        return Answer(await uploader.ReplaceAsync(id, content, sent.FileName, cancellationToken), variants);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, MediaLibrary library, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(id))
        {
            return NotFound();
        }

        var result = await library.DeleteAsync(id, cancellationToken);
        return result.Failure is { } failure ? ResultProblems.Problem(failure) : TypedResults.NoContent();
    }

    /// <summary><c>/media/{id}</c>: the current file, wherever it moved; what editors paste into Markdown.</summary>
    private static async Task<IResult> Stable(string id, HttpResponse response, MediaLibrary library, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(id) || await library.GetAsync(id, cancellationToken) is not { } asset)
        {
            return NotFound();
        }

        response.Headers.CacheControl = "public, max-age=60";
        return Results.Redirect(MediaUrls.Original(asset));
    }

    private static async Task<IResult> Original(string id, string file, HttpContext http, MediaLibrary library, IMediaStore store, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(id) || OriginalName().Match(file) is not { Success: true } name || await library.GetAsync(id, cancellationToken) is not { } asset)
        {
            return NotFound();
        }

        if (!Current(asset, name.Groups[1].Value) || name.Groups[2].Value != asset.Format.Extension())
        {
            // An old address of a replaced file: send readers on, briefly cached, never the old bytes.
            http.Response.Headers.CacheControl = "public, max-age=60";
            return Results.Redirect(MediaUrls.Original(asset));
        }

        return await Serve(http, store, MediaKeys.Original(asset.Hash, asset.Format), asset.Format.ContentType(), asset.Hash[..32], asset.Format.IsImage() ? null : asset.FileName, cancellationToken, asset.Format.IsOffice());
    }

    private static async Task<IResult> Variant(string id, string fingerprint, string file, HttpContext http, MediaLibrary library, MediaVariants variants, IMediaStore store, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(id) || VariantName().Match(file) is not { Success: true } name || await library.GetAsync(id, cancellationToken) is not { } asset || !asset.Format.IsImage())
        {
            return NotFound();
        }

        // Only the configured profiles exist: a size made up in the URL is refused, so nobody can fill the disk.
        if (variants.Profiles.FirstOrDefault(p => p.Name == name.Groups[1].Value) is not { } profile)
        {
            return NotFound($"没有名为“{name.Groups[1].Value}”的图片规格。可用：{string.Join("、", variants.Profiles.Select(p => p.Name))}");
        }

        var webp = name.Groups[2].Value == "webp";
        if (fingerprint != MediaUrls.VariantFingerprint(asset))
        {
            http.Response.Headers.CacheControl = "public, max-age=60";
            return Results.Redirect(MediaUrls.Variant(asset, profile.Name, webp));
        }

        try
        {
            var key = await variants.GetOrCreateAsync(asset, profile, webp, cancellationToken);
            return await Serve(http, store, key!, webp ? "image/webp" : "image/jpeg", $"{MediaUrls.VariantFingerprint(asset)}-{profile.Name}-{(webp ? "webp" : "jpg")}", null, cancellationToken);
        }
        catch (ImageRefusedException)
        {
            return NotFound("图片无法生成此规格");
        }
    }

    private static bool Current(MediaAsset asset, string fingerprint) => fingerprint == MediaUrls.Fingerprint(asset.Hash);

    private static async Task<IResult> Serve(HttpContext http, IMediaStore store, string key, string contentType, string tag, string? downloadName, CancellationToken cancellationToken, bool download = false)
    {
        var headers = http.Response.Headers;
        var etag = new EntityTagHeaderValue($"\"{tag}\"");
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.ETag = etag.ToString();
        headers.XContentTypeOptions = "nosniff";
        if (downloadName is null)
        {
            // An image opened on its own can run nothing, whatever a browser might make of its bytes.
            headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
        }

        if (http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } match && match.Any(m => m.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var stream = await store.OpenReadAsync(key, cancellationToken);
        if (stream is null)
        {
            return NotFound("文件已不在存储中");
        }

        if (downloadName is not null)
        {
            headers.ContentDisposition = new ContentDispositionHeaderValue(download ? "attachment" : "inline") { FileNameStar = downloadName }.ToString();
        }

        return Results.Stream(stream, contentType);
    }

    /// <summary>The multipart form of an upload or a replacement, refused unless it holds a file within the limit.</summary>
    private static async Task<Result<MultipartUpload>> ReadFileAsync(HttpRequest request, MediaOptions options, CancellationToken cancellationToken)
    {
        MultipartUpload form;
        try
        {
            form = await MultipartReading.ReadAsync(request, options.MaxFileBytes, cancellationToken);
        }
        catch (MultipartReading.TooLargeException)
        {
            return MediaRefusals.TooLarge($"文件超过 {options.MaxFileBytes / 1024 / 1024} MB 的上限");
        }
        catch (MultipartReading.MalformedException e)
        {
            return MediaRefusals.Invalid("file", e.Message);
        }

        return form.File is null ? MediaRefusals.Invalid("file", "没有收到文件：请把文件放在 file 字段中") : form;
    }

    private static Results<Ok<MediaModel>, ProblemHttpResult> Answer(Result<MediaAsset> result, MediaVariants variants) =>
        result.Value is { } asset ? TypedResults.Ok(MediaModels.From(asset, variants.Profiles)) : ResultProblems.Problem(result.Failure!);

    private static ProblemHttpResult BadParameter(string parameter, string detail) =>
        ResultProblems.Problem(new Failure.Invalid([new FieldError(parameter, detail)], ApiProblems.BadRequestTitle));

    private static string? Field(MultipartUpload form, string name) => form.Fields.TryGetValue(name, out var value) ? value : null;

    private static ProblemHttpResult NotFound(string detail = MediaRefusals.Missing) => ResultProblems.Problem(new Failure.NotFound(detail));

    [GeneratedRegex("^([0-9a-f]{16})\\.([a-z]{3,4})$")]
    private static partial Regex OriginalName();

    [GeneratedRegex("^([a-z0-9-]{1,40})\\.(webp|jpg)$")]
    private static partial Regex VariantName();
}
