using PublicitySite.Commands;

namespace PublicitySite.Web.Api;

/// <summary>RFC 9457 problem details with Chinese titles: what other front ends show their users.</summary>
internal static class ApiProblems
{
    /// <summary>The title of every 400 about the query or the body's fields.</summary>
    public const string BadRequestTitle = "请求参数有误";

    /// <summary>What a query parameter the operation does not take is told, with the ones it does take.</summary>
    public static string UnknownParameter(string unknown, IEnumerable<string> known) =>
        $"不支持的参数“{unknown}”。可用参数：{string.Join(", ", known)}";

    public static IResult BadParameter(string parameter, string detail) => Results.Problem(
        title: BadRequestTitle,
        detail: detail,
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public static IResult NotFound(string detail = "内容不存在或尚未发布") =>
        Results.Problem(title: FailureTexts.NotFoundTitle, detail: detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>The title of a 413, also named in the OpenAPI document and by the error pages.</summary>
    public const string TooLargeTitle = "请求体过大";

    public static IResult TooLarge(long maxBytes) => Results.Problem(
        title: TooLargeTitle,
        detail: $"请求体不能超过 {maxBytes / 1024 / 1024} MB。",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
