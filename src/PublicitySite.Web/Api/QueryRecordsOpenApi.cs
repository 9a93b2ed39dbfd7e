using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PublicitySite.Web.Api;

/// <summary>
/// The query records bind their values as text so that refusals stay the API's own; this describes them in the
/// OpenAPI document as what they accept: page and pageSize as integers within the list's limits, dates as ISO 8601,
/// and the filters of an <see cref="IQueryFilters"/> record as their own description says (length, closed set, range).
/// </summary>
internal static class QueryRecordsOpenApi
{
    private static readonly MethodInfo LimitsMethod = typeof(QueryRecordsOpenApi).GetMethod(nameof(Limits), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo FiltersMethod = typeof(QueryRecordsOpenApi).GetMethod(nameof(Filters), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var description in context.Description.ParameterDescriptions)
        {
            if (description.ParameterDescriptor is not IParameterInfoParameterDescriptor { ParameterInfo.Member.DeclaringType: { } record }
                || operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == description.Name) is not { } parameter)
            {
                continue;
            }

            if (record.IsGenericType && record.GetGenericTypeDefinition() == typeof(Paging<>))
            {
                var (defaultSize, maxSize, maxPage) = ((int, int, int))LimitsMethod.MakeGenericMethod(record.GetGenericArguments()).Invoke(null, null)!;
                (parameter.Description, parameter.Schema) = description.Name == "page"
                    ? ("页码，从 1 开始", Integer(maxPage, 1))
                    : ($"每页条数，1 到 {maxSize}，默认 {defaultSize}", Integer(maxSize, defaultSize));
            }
            else if (record == typeof(DateRange))
            {
                parameter.Description = description.Name == "from"
                    ? "不早于此时（ISO 8601；只给日期时按北京时间）"
                    : "早于此时（ISO 8601；只给日期时按北京时间）";
            }
            else if (record.IsAssignableTo(typeof(IQueryFilters))
                && ((IReadOnlyList<QueryFilter>)FiltersMethod.MakeGenericMethod(record).Invoke(null, null)!).FirstOrDefault(f => f.Name == description.Name) is { } filter)
            {
                parameter.Description = filter.Description;
                parameter.Required = filter.Required;
                parameter.Schema = Schema(filter, context.ApplicationServices);
            }
        }

        return Task.CompletedTask;
    }

    private static (int DefaultPageSize, int MaxPageSize, int MaxPage) Limits<TList>()
        where TList : IPagedList => (TList.DefaultPageSize, TList.MaxPageSize, TList.MaxPage);

    private static IReadOnlyList<QueryFilter> Filters<TFilters>()
        where TFilters : IQueryFilters => TFilters.Described;

    private static OpenApiSchema Schema(QueryFilter filter, IServiceProvider services)
    {
        if (filter.Range is var (minimum, maximum))
        {
            return new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int32",
                Minimum = minimum.ToString(CultureInfo.InvariantCulture),
                Maximum = maximum.ToString(CultureInfo.InvariantCulture),
            };
        }

        var values = filter.Values ?? filter.ValuesFrom?.Invoke(services);
        return new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            MaxLength = filter.MaxLength,
            Pattern = filter.Pattern,
            Enum = values is null ? null : [.. values.Select(v => (JsonNode)JsonValue.Create(v))],
        };
    }

    private static OpenApiSchema Integer(int maximum, int fallback) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = "1",
        Maximum = maximum.ToString(CultureInfo.InvariantCulture),
        Default = JsonValue.Create(fallback),
    };
}
