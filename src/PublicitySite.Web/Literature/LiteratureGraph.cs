using GraphQL;
using GraphQL.Types;
using PublicitySite.Literature;

namespace PublicitySite.Web.Literature;

/// <summary>GraphQL fields <c>literatureCollections</c> and <c>literatureCollection(id)</c> with <c>articles</c>.</summary>
public static class LiteratureGraph
{
    public static void AddFields(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CollectionGraphType>>>>("literatureCollections")
            .Description("文史资料各辑，按辑号排序")
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<LiteratureCatalog>().CollectionsAsync(ctx.CancellationToken));
        query.Field<CollectionGraphType>("literatureCollection")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<LiteratureCatalog>().CollectionAsync(ctx.GetArgument<string>("id"), ctx.CancellationToken));
    }
}

public sealed class CollectionGraphType : ObjectGraphType<CollectionSummary>
{
    public CollectionGraphType()
    {
        Name = "LiteratureCollection";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Title);
        Field(x => x.Url);
        Field(x => x.Number, nullable: true);
        Field(x => x.Year, nullable: true);
        Field(x => x.Topic, nullable: true);
        Field(x => x.Editor, nullable: true);
        Field(x => x.Summary, nullable: true);
        Field(x => x.ArticleCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleGraphType>>>>("articles")
            .Description("目录（按篇序、页码）")
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<LiteratureCatalog>().ContentsAsync(ctx.Source.Id, ctx.CancellationToken));
    }
}

public sealed class ArticleGraphType : ObjectGraphType<LiteratureArticleEntry>
{
    public ArticleGraphType()
    {
        Name = "LiteratureArticle";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.ContentItemId);
        Field(x => x.Title);
        Field<NonNullGraphType<StringGraphType>>("url").Resolve(ctx => ctx.Source.Path);
        Field(x => x.Order, nullable: true);
        Field(x => x.Pages, nullable: true);
        Field(x => x.Credits, nullable: true);
        Field(x => x.Period, nullable: true);
        Field(x => x.Place, nullable: true);
    }
}
