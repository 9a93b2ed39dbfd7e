using Microsoft.AspNetCore.Http.HttpResults;
using PublicitySite.Commands;

namespace PublicitySite.Web.Api;

/// <summary>
/// The one mapping from a command's <see cref="Failure"/> to HTTP: its status code (shared with the admin
/// pages' ModelState mapping) and RFC 9457 problem details with the Chinese title and detail.
/// </summary>
public static class ResultProblems
{
    public static int StatusOf(Failure failure) => failure switch
    {
        Failure.NotFound => StatusCodes.Status404NotFound,
        Failure.Forbidden => StatusCodes.Status403Forbidden,
        Failure.Conflict => StatusCodes.Status409Conflict,
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
            extensions["errors"] = invalid.Fields.Select(f => new { field = f.Field, message = f.Message }).ToList();
            if (invalid.Fields.Count == 1)
            {
                extensions.TryAdd("parameter", invalid.Fields[0].Field);
            }
        }

        return TypedResults.Problem(title: failure.Title, detail: failure.Detail, statusCode: StatusOf(failure), extensions: extensions);
    }

    /// <summary>The success answer <paramref name="ok"/> builds from the value, or the failure's problem details.</summary>
    public static IResult Map<T>(Result<T> result, Func<T, IResult> ok)
    {
        ArgumentNullException.ThrowIfNull(ok);
        return result.Failure is { } failure ? Problem(failure) : ok(result.Value!);
    }
}
