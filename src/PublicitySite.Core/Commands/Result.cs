using PublicitySite.Words;

namespace PublicitySite.Commands;

/// <summary>
/// What the caller sent wrong in one field; <see cref="Field"/> is the API's JSON name (or "body"), or empty
/// when the message is about the request as a whole.
/// </summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// Why a command changed nothing, in Chinese for the person who tried. Each kind is one HTTP status and one
/// way of showing it on an admin page, decided in one place per adapter type, never by the command.
/// </summary>
public abstract record Failure(string Title, string Detail)
{
    /// <summary>Extra members for problem details (a conflict's current version, the items still using a file).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();

    /// <summary>Each message on its own, for a page's error list or the command line.</summary>
    public virtual IReadOnlyList<string> Messages => [Detail];

    /// <summary>Nothing by that id, or nothing the caller may see.</summary>
    public sealed record NotFound(string Detail = FailureTexts.ContentMissing) : Failure(FailureTexts.NotFoundTitle, Detail);

    /// <summary>The actor's role or token does not allow the command.</summary>
    public sealed record Forbidden(string Detail) : Failure(FailureTexts.ForbiddenTitle, Detail);

    /// <summary>The data changed under the caller, or the thing is busy or in use.</summary>
    public sealed record Conflict(string Detail, string ConflictTitle = "操作冲突") : Failure(ConflictTitle, Detail);

    /// <summary>What was sent is not acceptable; one message per offending field.</summary>
    public record Invalid(IReadOnlyList<FieldError> Fields, string InvalidTitle = "请求内容有误")
        : Failure(InvalidTitle, string.Join("；", Fields.Select(f => f.Message)))
    {
        public Invalid(string field, string message)
            : this([new FieldError(field, message)])
        {
        }

        public override IReadOnlyList<string> Messages => [.. Fields.Select(f => f.Message)];

        /// <summary>Messages tied to no one field (a recipe's validation, a password rule).</summary>
        public static Invalid Of(params IEnumerable<string> messages) => new([.. messages.Select(m => new FieldError("", m))]);
    }

    /// <summary>
    /// The 错敏词 check found terms that stop a submission, or that need an explicit 已核对 first. The hits go
    /// with it, so the editor and the API client see each term in its context.
    /// </summary>
    public sealed record WordsFound : Failure
    {
        public WordsFound(string detail, WordCheckResult check)
            : base("错敏词检查未通过", detail)
        {
            ArgumentNullException.ThrowIfNull(check);
            Check = check;
            Extensions = new Dictionary<string, object?>
            {
                ["blocking"] = check.HasBlocking,
                ["hits"] = check.Hits.Select(h => new { field = h.Field, term = h.Term, replacement = h.Replacement, level = h.Level.ToString(), note = h.Note, context = h.Before + "【" + h.Term + "】" + h.After }).ToList(),
            };
        }

        public WordCheckResult Check { get; }
    }

    /// <summary>The body or file is over its limit.</summary>
    public sealed record TooLarge(string Detail) : Failure("内容过大", Detail);

    /// <summary>The bytes are not of a type the command accepts.</summary>
    public sealed record Unsupported(string Detail) : Failure("类型不受支持", Detail);
}

/// <summary>The value a command produced, or the <see cref="Failure"/> that stopped it (never both).</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Failure? failure) => (Value, Failure) = (value, failure);

    public T? Value { get; }

    public Failure? Failure { get; }

    public bool Succeeded => Failure is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Failure failure) => new(default, failure ?? throw new ArgumentNullException(nameof(failure)));

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(Failure failure) => new(default, failure ?? throw new ArgumentNullException(nameof(failure)));
}

/// <summary>The value of a command that returns nothing but success.</summary>
public readonly record struct Done
{
    public static Result<Done> Result => Result<Done>.Ok(default);
}
