using Microsoft.AspNetCore.Http.HttpResults;
using PublicitySite.Commands;

namespace PublicitySite.Web.Api;

/// <summary>
/// The one mapping from a command's <see cref="Failure"/> to HTTP: its status code (shared with the admin
/// pages' ModelState mapping) and RFC 9457 problem details with the Chinese title and detail.
/// </summary>
internal static class ResultProblems
{
    public static int StatusOf(Failure failure) => failure switch
    {
        Failure.NotFound => StatusCodes.Status404NotFound,
        Failure.Forbidden => StatusCodes.Status403Forbidden,
        Failure.Conflict => StatusCodes.Status409Conflict,
        Failure.WordsFound => StatusCodes.Status422UnprocessableEntity,
        Failure.TooLarge => StatusCodes.Status413PayloadTooLarge,
        Failure.Unsupported => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status400BadRequest,
    };

    public static ProblemHttpResult Problem(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var extensions = new Dictionary<string, object?>(failure.Extensions);
        if (failure is Failure.Invalid invalid)
        {
            // Messages tied to no field are listed as plain text, as the content API has always answered.
            extensions["errors"] = invalid.Fields.All(f => f.Field.Length == 0)
                ? invalid.Messages
                : invalid.Fields.Select(f => new { field = f.Field, message = f.Message }).ToList();
            if (invalid.Fields is [{ Field.Length: > 0 } only])
            {
                extensions.TryAdd("parameter", only.Field);
            }
        }

        return TypedResults.Problem(title: failure.Title, detail: failure.Detail, statusCode: StatusOf(failure), extensions: extensions);
    }

    /// <summary>A request the handler could not read (its body, a field or a header): the 400 a command's refusal gives.</summary>
    public static ProblemHttpResult BadRequest(string detail) => Problem(Failure.Invalid.Of(detail));

    /// <summary>The success answer <paramref name="ok"/> builds from the value, or the failure's problem details.</summary>
    public static IResult Map<T>(Result<T> result, Func<T, IResult> ok)
    {
        ArgumentNullException.ThrowIfNull(ok);
        return result.Failure is { } failure ? Problem(failure) : ok(result.Value!);
    }
}
