using PublicitySite.Web.Api;

namespace PublicitySite.Web.Site;

/// <summary>
/// What a reader sees when something breaks: the Chinese 500 page in the theme, or a plain built-in page when
/// the theme itself fails. API requests get problem details instead of HTML.
/// </summary>
internal static class ErrorPages
{
    private const string Fallback = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>服务暂时不可用</title></head>
        <body><main><h1>服务暂时不可用</h1><p>网站出现了临时故障，请稍后刷新重试，或返回<a href="/">首页</a>。</p></main></body></html>
        """;

    /// <summary>First in the pipeline, so it also catches failures in compression and the page cache.</summary>
    public static WebApplication UseSiteErrors(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteAsync });
        return app;
    }

    private static async Task WriteAsync(HttpContext context)
    {
        var failure = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
        if (PublicitySite.Storage.DiskErrors.IsDiskFull(failure))
        {
            // The transaction rolled back whole, so the writer may simply try again once space is freed.
            await Results.Problem(title: "服务器存储空间已满", detail: "服务器磁盘空间不足，本次保存未完成，也没有留下不完整的数据。请联系管理员清理空间后重试。", statusCode: StatusCodes.Status507InsufficientStorage).ExecuteAsync(context);
            return;
        }

        // A request the server refused to read (too large, cut off, malformed) is the client's error, not ours.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is BadHttpRequestException bad)
        {
            await Results.Problem(
                title: bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? ApiProblems.TooLargeTitle : "请求无法读取",
                detail: bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "请求体超过了服务器允许的大小。" : "请求不完整或格式有误，请检查后重试。",
                statusCode: bad.StatusCode).ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(title: "服务器内部错误", detail: "处理请求时出现故障，请稍后重试。", statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context);
            return;
        }

        IResult result;
        try
        {
            var pages = context.RequestServices.GetRequiredService<SitePages>();
            var layout = await pages.LayoutAsync(context, "服务暂时不可用");
            result = await pages.PageAsync(context, "error", new { }, layout, status: StatusCodes.Status500InternalServerError);
        }
#pragma warning disable CA1031 // the error page must answer whatever broke, the theme included
        catch (Exception)
#pragma warning restore CA1031
        {
            result = Results.Content(Fallback, "text/html; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status500InternalServerError);
        }

        await result.ExecuteAsync(context);
    }
}
