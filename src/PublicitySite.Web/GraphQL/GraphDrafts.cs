using GraphQL;
using PublicitySite.Contents;
using PublicitySite.Workflow;

namespace PublicitySite.Web.GraphQL;

/// <summary>
/// Draft mode (<c>drafts: true</c>): the latest version of each item (draft, in review, approved or published)
/// for callers <see cref="GraphCaller"/> lets in. Everyone else gets a GraphQL error, never data.
/// </summary>
internal static class GraphDrafts
{
    public const string Argument = "drafts";

    public static bool Wanted(IResolveFieldContext ctx) => ctx.GetArgument(Argument, false);

    public static async Task<object?> ByIdAsync(IResolveFieldContext ctx, string id, string type)
    {
        var caller = Caller(ctx);
        var (actor, refusal) = await caller.DraftReaderAsync();
        if (actor is null)
        {
            return Refuse(ctx, refusal!);
        }

        var work = await Service<WorkflowQueries>(ctx).GetAsync(id, ctx.CancellationToken);
        if (work is null || work.Item.ContentType != type)
        {
            return null;
        }

        if (!caller.MaySee(actor, work.Item, work.Latest.Column))
        {
            return Refuse(ctx, "您的角色无权查看此内容的草稿");
        }

        return View(ctx, caller, work, includeBody: true);
    }

    /// <summary>The type's latest versions the caller may see, filtered, sorted and paged in memory (office-sized sets).</summary>
    public static async Task<object?> ListAsync(IResolveFieldContext ctx, ContentQuery query, int page, int pageSize, Func<ContentView, bool> matches)
    {
        var caller = Caller(ctx);
        var (actor, refusal) = await caller.DraftReaderAsync();
        if (actor is null)
        {
            return Refuse(ctx, refusal!);
        }

        if (!caller.MaySeeType(actor, query.ContentType!))
        {
            return Refuse(ctx, "您的角色无权查看此类内容的草稿");
        }

        var (_, latest) = await Service<WorkflowQueries>(ctx).ListAsync(new WorkFilter { ContentType = query.ContentType, Column = query.Column, PageSize = 10_000 }, ctx.CancellationToken);
        var visible = latest
            .Where(w => caller.MaySee(actor, w.Item, w.Latest.Column))
            .Select(w => (Work: w, View: View(ctx, caller, w, includeBody: false)))
            .Where(x => query.Tag is null || x.View.Tags.Contains(query.Tag))
            .Where(x => InRange(x.Work.Latest, query))
            .Where(x => matches(x.View));
        var sorted = query.Sort switch
        {
            ContentSort.Oldest => visible.OrderBy(x => When(x.Work.Latest)),
            ContentSort.Title => visible.OrderBy(x => x.View.Title, StringComparer.Ordinal),
            _ => visible.OrderByDescending(x => When(x.Work.Latest)),
        };
        var all = sorted.ToList();
        var items = all.Skip(PublicitySite.Commands.Paging.Offset(page, pageSize)).Take(pageSize).Select(x => View(ctx, caller, x.Work, includeBody: true)).ToList();
        return new GraphPage(all.Count, page, pageSize, items);
    }

    /// <summary>Versions not yet published are placed and filtered by their last change.</summary>
    private static DateTime When(ContentItemVersion version) => version.PublishedUtc ?? version.ModifiedUtc;

    private static bool InRange(ContentItemVersion version, ContentQuery query) =>
        (query.FromUtc is not { } from || When(version) >= from) && (query.ToUtc is not { } to || When(version) < to);

    private static ContentView View(IResolveFieldContext ctx, GraphCaller caller, WorkItem work, bool includeBody)
    {
        caller.Statuses[(work.Item.Id, work.Latest.Number)] = work.Latest.Status;
        return Service<ContentViewFactory>(ctx).Create(new PublishedEntry(work.Item, work.Latest), includeBody);
    }

    private static object? Refuse(IResolveFieldContext ctx, string message)
    {
        ctx.Errors.Add(new ExecutionError(message) { Code = "FORBIDDEN" });
        return null;
    }

    private static GraphCaller Caller(IResolveFieldContext ctx) => (GraphCaller)ctx.UserContext[GraphCaller.Key]!;

    private static T Service<T>(IResolveFieldContext ctx)
        where T : notnull => ctx.RequestServices!.GetRequiredService<T>();
}
