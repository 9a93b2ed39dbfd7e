namespace PublicitySite.Web.Api;

/// <summary>
/// A record of a list's query filters, bound with <c>[AsParameters]</c> as text so refusals stay the API's own
/// Chinese 400s. <see cref="Described"/> tells <see cref="QueryRecordsOpenApi"/> what each value accepts, and
/// the record's own checks read their limits from it, so the document and the refusals cannot drift apart.
/// </summary>
public interface IQueryFilters
{
    static abstract IReadOnlyList<QueryFilter> Described { get; }
}

/// <summary>What one query filter accepts, as the OpenAPI document shows it.</summary>
public sealed record QueryFilter(string Name, string Description)
{
    /// <summary>Free text: longer is refused.</summary>
    public int? MaxLength { get; init; }

    /// <summary>A closed set: the values the document lists (aliases may be accepted besides, as the description says).</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>A closed set known only at run time, such as the site's content types.</summary>
    public Func<IServiceProvider, IReadOnlyList<string>>? ValuesFrom { get; init; }

    /// <summary>A whole number within these bounds, read by <see cref="QueryNumbers"/>.</summary>
    public (int Minimum, int Maximum)? Range { get; init; }

    /// <summary>Text of a fixed shape, such as a four-digit year.</summary>
    public string? Pattern { get; init; }

    public bool Required { get; init; }

    public static QueryFilter Text(string name, string description, int maxLength) => new(name, description) { MaxLength = maxLength };

    public static QueryFilter OneOf(string name, string description, params IReadOnlyList<string> values) => new(name, description) { Values = values };

    /// <summary>
    /// The first value longer than its filter's <see cref="MaxLength"/>, as the parameter and a Chinese detail.
    /// Names must be among <typeparamref name="TFilters"/>' described filters.
    /// </summary>
    public static bool TryCheckLengths<TFilters>(out (string Parameter, string Detail) error, params ReadOnlySpan<(string Name, string? Value)> values)
        where TFilters : IQueryFilters
    {
        foreach (var (name, value) in values)
        {
            var max = TFilters.Described.First(f => f.Name == name).MaxLength;
            if (value?.Length > max)
            {
                error = (name, $"{name} 不能超过 {max} 个字符");
                return false;
            }
        }

        error = default;
        return true;
    }

    /// <summary>Surrounding spaces are not part of a filter; a blank one filters nothing.</summary>
    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
