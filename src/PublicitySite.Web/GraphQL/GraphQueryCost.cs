using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace PublicitySite.Web.GraphQL;

/// <summary>
/// Measures a parsed query against <see cref="GraphQLLimits"/> before anything runs: fields (aliases included,
/// fragments expanded where they are used), aliases, depth, introspection, and an estimate of the work.
/// The estimate counts each field 1 and a long text field (<c>bodyHtml</c>, <c>bodyText</c>) 10; under a field
/// with <c>pageSize</c> (default 20) a list it selects counts once per item, and any other list of objects
/// (relations such as <c>proposals</c>) counts <see cref="ListEstimate"/> times.
/// </summary>
internal sealed class GraphQueryCost(ISchema schema, GraphQLDocument document, Inputs? variables, GraphQLLimits limits)
{
    public const int ListEstimate = 10;
    private const int LongTextWeight = 10;
    private const int DefaultPageSize = 20;
    private static readonly HashSet<string> LongText = ["bodyHtml", "bodyText"];

    private readonly Dictionary<string, GraphQLFragmentDefinition> fragments = document.Definitions
        .OfType<GraphQLFragmentDefinition>().GroupBy(f => f.FragmentName.Name.StringValue).ToDictionary(g => g.Key, g => g.First());

    private readonly HashSet<string> spreading = [];
    private long fields;
    private int aliases;

    public bool Introspects { get; private set; }

    /// <summary>The first limit passed, as a Chinese message, or null when the query is within every limit.</summary>
    public string? Refusal { get; private set; }

    public long Complexity { get; private set; }

    public static GraphQueryCost Measure(ISchema schema, GraphQLDocument document, string? operationName, Inputs? variables, GraphQLLimits limits)
    {
        var cost = new GraphQueryCost(schema, document, variables, limits);
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var chosen = operations.Where(o => operationName is not null && o.Name?.StringValue == operationName).ToList();
        foreach (var operation in chosen.Count > 0 ? chosen : operations)
        {
            var root = operation.Operation switch
            {
                OperationType.Mutation => schema.Mutation,
                OperationType.Subscription => schema.Subscription,
                _ => (IComplexGraphType?)schema.Query,
            };
            cost.Complexity = Math.Min(int.MaxValue, cost.Complexity + cost.SelectionCost(operation.SelectionSet, root, 1, null));
            cost.Check();
            if (cost.Refusal is not null)
            {
                break;
            }
        }

        return cost;
    }

    private long SelectionCost(GraphQLSelectionSet? set, IComplexGraphType? type, int depth, int? pageSize)
    {
        long total = 0;
        foreach (var selection in set?.Selections ?? [])
        {
            if (Refusal is not null)
            {
                return total;
            }

            switch (selection)
            {
                case GraphQLField field:
                    total += FieldCost(field, type, depth, pageSize);
                    break;
                case GraphQLInlineFragment inline:
                    total += SelectionCost(inline.SelectionSet, Named(inline.TypeCondition) ?? type, depth, pageSize);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    // A fragment that spreads itself is refused by validation; here it only must not recurse.
                    if (fragments.TryGetValue(name, out var fragment) && spreading.Add(name))
                    {
                        total += SelectionCost(fragment.SelectionSet, Named(fragment.TypeCondition) ?? type, depth, pageSize);
                        spreading.Remove(name);
                    }

                    break;
            }
        }

        return total;
    }

    private long FieldCost(GraphQLField field, IComplexGraphType? parent, int depth, int? pageSize)
    {
        var name = field.Name.StringValue;
        fields++;
        aliases += field.Alias is null ? 0 : 1;
        Introspects |= name is "__schema" or "__type";
        if (depth > limits.MaxDepth)
        {
            Refusal = $"查询嵌套过深（最多 {limits.MaxDepth} 层）";
        }

        Check();
        if (Refusal is not null || field.SelectionSet is null)
        {
            return LongText.Contains(name) ? LongTextWeight : 1;
        }

        var definition = parent?.GetField(name);
        var resolved = definition?.ResolvedType;
        var multiplier = 1L;
        if (IsList(resolved))
        {
            multiplier = pageSize ?? ListEstimate;
        }

        var childPageSize = definition?.Arguments?.Find("pageSize") is not null || Argument(field, "pageSize") is not null
            ? Math.Clamp(Argument(field, "pageSize") ?? DefaultPageSize, 1, GraphData.MaxPageSize)
            : (int?)null;
        var children = SelectionCost(field.SelectionSet, resolved?.GetNamedType() as IComplexGraphType, depth + 1, childPageSize);
        return 1 + SaturatingMultiply(multiplier, children);
    }

    private void Check()
    {
        if (Refusal is not null)
        {
            return;
        }

        if (aliases > limits.MaxAliases)
        {
            Refusal = $"查询使用的别名过多（最多 {limits.MaxAliases} 个）";
        }
        else if (fields > limits.MaxFields)
        {
            Refusal = $"查询选择的字段过多（最多 {limits.MaxFields} 个）";
        }
        else if (Complexity > limits.MaxComplexity)
        {
            Refusal = $"查询过于复杂（估算 {Complexity}，上限 {limits.MaxComplexity}）：请减小 pageSize 或减少字段与别名";
        }
    }

    /// <summary>The value of an integer argument given literally or through a variable; null when absent or not a number.</summary>
    private int? Argument(GraphQLField field, string name)
    {
        var value = field.Arguments?.ValueFor(name);
        object? raw = value switch
        {
            GraphQLIntValue literal => long.TryParse(literal.Value.Span, out var n) ? n : long.MaxValue,
            GraphQLVariable variable => variables is not null && variables.TryGetValue(variable.Name.StringValue, out var v) ? v : null,
            _ => null,
        };
        return raw switch
        {
            int i => i,
            long l => (int)Math.Clamp(l, int.MinValue, int.MaxValue),
            double or decimal or float => (int)Math.Clamp(Convert.ToDouble(raw, System.Globalization.CultureInfo.InvariantCulture), int.MinValue, int.MaxValue),
            System.Numerics.BigInteger => int.MaxValue,
            _ => null,
        };
    }

    private IComplexGraphType? Named(GraphQLTypeCondition? condition) =>
        condition is null ? null : schema.AllTypes[condition.Type.Name.StringValue] as IComplexGraphType;

    private static bool IsList(IGraphType? type) =>
        (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ListGraphType;

    /// <summary>Products are capped: the walk is bounded by the field limit, the estimate need not be exact past the limit.</summary>
    private static long SaturatingMultiply(long a, long b) => a > 0 && b > int.MaxValue / a ? int.MaxValue : a * b;
}
