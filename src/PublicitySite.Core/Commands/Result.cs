namespace PublicitySite.Commands;

/// <summary>What the caller sent wrong in one field; <see cref="Field"/> is the API's JSON name (or "body").</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// Why a command changed nothing, in Chinese for the person who tried. Each kind is one HTTP status and one
/// way of showing it on an admin page, decided in one place per adapter type, never by the command.
/// </summary>
public abstract record Failure(string Title, string Detail)
{
    /// <summary>Extra members for problem details (a conflict's current version, the items still using a file).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();

    /// <summary>Nothing by that id, or nothing the caller may see.</summary>
    public sealed record NotFound(string Detail = "内容不存在") : Failure("未找到", Detail);

    /// <summary>The actor's role or token does not allow the command.</summary>
    public sealed record Forbidden(string Detail) : Failure("无权操作", Detail);

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
