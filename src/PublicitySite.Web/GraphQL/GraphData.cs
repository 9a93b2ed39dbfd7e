using GraphQL;
using GraphQL.Types;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;

namespace PublicitySite.Web.GraphQL;

internal sealed record GraphPage(int Total, int Page, int PageSize, IReadOnlyList<ContentView> Items);

/// <summary>
/// Data access for resolvers: published content only, through the same queries and projection as REST, so
/// GraphQL can never show what the pages and the REST API would not.
/// </summary>
internal static class GraphData
{
    public const int MaxPageSize = 100;

    /// <summary>Filters that map onto indexed columns; the rest are recipe fields checked item by item.</summary>
    private static readonly HashSet<string> Indexed = ["column", "tag", "publishedAfter", "publishedBefore"];

    public static async Task<object?> ByIdAsync(IResolveFieldContext ctx, string id, string type)
    {
        if (GraphDrafts.Wanted(ctx))
        {
            return await GraphDrafts.ByIdAsync(ctx, id, type);
        }

        var entry = await Service<ContentQueries>(ctx).GetAsync(id, ctx.CancellationToken);
        return entry is null || entry.Version.ContentType != type ? null : Service<ContentViewFactory>(ctx).Create(entry);
    }

    public static async Task<object?> ByIdsAsync(IResolveFieldContext ctx, IEnumerable<string> ids)
    {
        var queries = Service<ContentQueries>(ctx);
        var views = Service<ContentViewFactory>(ctx);
        var result = new List<ContentView>();
        foreach (var id in ids.Where(ContentIds.IsValid))
        {
            if (await queries.GetAsync(id, ctx.CancellationToken) is { } entry)
            {
                result.Add(views.Create(entry));
            }
        }

        return result;
    }

    /// <summary>All published items of a type (without bodies), remembered for the rest of the request.</summary>
    public static async Task<IReadOnlyList<ContentView>> AllAsync(IResolveFieldContext ctx, string type)
    {
        var key = "all:" + type;
        if (ctx.UserContext.TryGetValue(key, out var cached))
        {
            return (IReadOnlyList<ContentView>)cached!;
        }

        var page = await Service<ContentQueries>(ctx).ListAsync(new ContentQuery { ContentType = type, PageSize = 10_000 }, ctx.CancellationToken);
        var views = Service<ContentViewFactory>(ctx);
        IReadOnlyList<ContentView> all = page.Items.Select(e => views.Create(e, includeBody: false)).ToList();
        ctx.UserContext[key] = all;
        return all;
    }

    public static async Task<object?> ListAsync(IResolveFieldContext ctx, string type, InputObjectGraphType whereType)
    {
        var page = ctx.GetArgument("page", 1);
        var pageSize = ctx.GetArgument("pageSize", 20);
        if (page < 1 || pageSize < 1 || pageSize > MaxPageSize)
        {
            ctx.Errors.Add(new ExecutionError($"page 应不小于 1，pageSize 应为 1 到 {MaxPageSize}"));
            return null;
        }

        var where = ctx.GetArgument<Dictionary<string, object?>>("where") ?? [];
        var site = Service<SiteDefinitionStore>(ctx).Current;
        string? column = null;
        if (where.GetValueOrDefault("column") is string wantedColumn)
        {
            column = site.FindColumn(wantedColumn)?.Name;
            if (column is null)
            {
                ctx.Errors.Add(new ExecutionError($"未知的栏目“{wantedColumn}”"));
                return null;
            }
        }

        var query = new ContentQuery
        {
            ContentType = type,
            Column = column,
            Tag = where.GetValueOrDefault("tag") as string,
            FromUtc = (where.GetValueOrDefault("publishedAfter") as DateTimeOffset?)?.UtcDateTime,
            ToUtc = (where.GetValueOrDefault("publishedBefore") as DateTimeOffset?)?.UtcDateTime,
            Sort = ctx.GetArgument("orderBy", ContentSort.Newest),
        };
        var fieldFilters = where.Where(kv => kv.Value is not null && !Indexed.Contains(kv.Key)).ToList();
        if (GraphDrafts.Wanted(ctx))
        {
            return await GraphDrafts.ListAsync(ctx, query, page, pageSize, view => Matches(view, fieldFilters, whereType));
        }

        var queries = Service<ContentQueries>(ctx);
        var views = Service<ContentViewFactory>(ctx);
        if (fieldFilters.Count == 0)
        {
            var direct = await queries.ListAsync(query with { Page = page, PageSize = pageSize }, ctx.CancellationToken);
            return new GraphPage(direct.Total, page, pageSize, direct.Items.Select(e => views.Create(e)).ToList());
        }

        // Recipe fields live in JSON: filter the type's published items in memory, then page.
        var all = await queries.ListAsync(query with { PageSize = 10_000 }, ctx.CancellationToken);
        var matching = all.Items.Where(e => Matches(views.Create(e, includeBody: false), fieldFilters, whereType)).ToList();
        var items = matching.Skip(PublicitySite.Commands.Paging.Offset(page, pageSize)).Take(pageSize).Select(e => views.Create(e)).ToList();
        return new GraphPage(matching.Count, page, pageSize, items);
    }

    private static bool Matches(ContentView view, List<KeyValuePair<string, object?>> filters, InputObjectGraphType whereType)
    {
        foreach (var (name, wanted) in filters)
        {
            if (name == "titleContains")
            {
                if (!view.Title.Contains((string)wanted!, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                continue;
            }

            var field = whereType.GetField(name)!;
            var stored = view.Parts[(string)field.Metadata["part"]!]?[(string)field.Metadata["field"]!];
            if (!GraphValues.Matches(stored, wanted!))
            {
                return false;
            }
        }

        return true;
    }

    private static T Service<T>(IResolveFieldContext ctx)
        where T : notnull => ctx.RequestServices!.GetRequiredService<T>();
}
