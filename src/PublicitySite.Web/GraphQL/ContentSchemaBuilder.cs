using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using GraphField = GraphQL.Types.FieldType;
using RecipeFieldType = PublicitySite.Contents.Definitions.FieldType;

namespace PublicitySite.Web.GraphQL;

/// <summary>
/// Builds the GraphQL schema from the recipe: every content type becomes an object type with its public
/// fields, a single-item query (<c>news(id:)</c>) and a paged, filterable list (<c>newsList(where:, orderBy:,
/// page:, pageSize:)</c>). Content pickers become relations; proposers link proposals and members both ways.
/// </summary>
internal sealed class ContentSchemaBuilder(SiteDefinition site)
{
    private readonly Dictionary<string, ObjectGraphType> objects = [];
    private readonly Dictionary<string, InputObjectGraphType> filters = [];

    public Schema Build()
    {
        var types = site.Types.Where(t => t.Route is not null).ToList();
        foreach (var type in types)
        {
            objects[type.Name] = new ObjectGraphType { Name = type.Name, Description = type.Label };
        }

        foreach (var type in types)
        {
            AddCommonFields(objects[type.Name]);
            AddRecipeFields(type, objects[type.Name]);
            filters[type.Name] = BuildFilter(type);
        }

        AddProposerRelations();
        AddReversePickerRelations(types);
        var order = new EnumerationGraphType { Name = "ContentOrder", Description = "排序" };
        order.Add("NEWEST", ContentSort.Newest, "发布时间从新到旧");
        order.Add("OLDEST", ContentSort.Oldest, "发布时间从旧到新");
        order.Add("TITLE", ContentSort.Title, "按标题");

        var query = new ObjectGraphType { Name = "Query", Description = "已发布内容" };
        foreach (var type in types)
        {
            AddQueries(query, type, order);
        }

        var schema = new Schema { Query = query };
        foreach (var graph in objects.Values)
        {
            schema.RegisterType(graph);
        }

        return schema;
    }

    private static void AddCommonFields(ObjectGraphType graph)
    {
        Add<ContentView>(graph, "id", new NonNullGraphType(new IdGraphType()), v => v.Id);
        Add<ContentView>(graph, "type", new NonNullGraphType(new StringGraphType()), v => v.Type);
        Add<ContentView>(graph, "title", new NonNullGraphType(new StringGraphType()), v => v.Title);
        Add<ContentView>(graph, "url", new NonNullGraphType(new StringGraphType()), v => v.Url);
        Add<ContentView>(graph, "version", new NonNullGraphType(new IntGraphType()), v => v.Version);
        Add<ContentView>(graph, "publishedUtc", new StringGraphType(), v => v.PublishedUtc?.ToString("o"));
        Add<ContentView>(graph, "modifiedUtc", new StringGraphType(), v => v.ModifiedUtc.ToString("o"));
        Add<ContentView>(graph, "column", new StringGraphType(), v => v.Column);
        Add<ContentView>(graph, "summary", new StringGraphType(), v => v.Summary);
        Add<ContentView>(graph, "tags", new ListGraphType(new StringGraphType()), v => v.Tags);
        Add<ContentView>(graph, "source", new StringGraphType(), v => v.Source);
        Add<ContentView>(graph, "author", new StringGraphType(), v => v.Author);
        Add<ContentView>(graph, "sample", new BooleanGraphType(), v => v.Sample);
        Add<ContentView>(graph, "bodyHtml", new StringGraphType(), v => v.BodyHtml);
        Add<ContentView>(graph, "bodyText", new StringGraphType(), v => v.BodyText);
        graph.AddField(new GraphField
        {
            Name = "status",
            Description = "版本状态：Published，或（drafts: true 时）Draft、InReview、Approved、Scheduled 等",
            ResolvedType = new NonNullGraphType(new StringGraphType()),
            Resolver = new FuncFieldResolver<object?>(ctx => ctx.Source is ContentView v
                && ctx.UserContext.TryGetValue(GraphCaller.Key, out var c) && c is GraphCaller caller
                && caller.Statuses.TryGetValue((v.Id, v.Version), out var status) ? status.ToString() : nameof(ContentStatus.Published)),
        });
    }

    private IEnumerable<(ContentPartDefinition Part, FieldDefinition Field)> RecipeFields(ContentTypeDefinition type) =>
        site.FieldsOf(type).Where(f => !BuiltInParts.IsBuiltIn(f.Part.Name) && !f.Field.Private);

    private void AddRecipeFields(ContentTypeDefinition type, ObjectGraphType graph)
    {
        foreach (var (part, field) in RecipeFields(type))
        {
            var name = FieldName(graph, part, field);
            switch (field.Type)
            {
                case RecipeFieldType.ContentPicker when field.ContentType is { } target && objects.TryGetValue(target, out var targetGraph):
                    AddAsync(graph, name, new ListGraphType(targetGraph), field.Label, async ctx =>
                    {
                        var ids = ((ContentView)ctx.Source!).Parts[part.Name]?[field.Name] as JsonArray ?? [];
                        return await GraphData.ByIdsAsync(ctx, ids.Select(n => n?.ToString() ?? ""));
                    });
                    break;
                case RecipeFieldType.Object or RecipeFieldType.ObjectList:
                    var nested = NestedType(type.Name + field.Name, field);
                    IGraphType shape = field.Type == RecipeFieldType.Object ? nested : new ListGraphType(nested);
                    Add<ContentView>(graph, name, shape, v => v.Parts[part.Name]?[field.Name] is { } n ? GraphValues.Clr(n) : null, field.Label);
                    break;
                default:
                    Add<ContentView>(graph, name, GraphValues.ScalarFor(field.Type)!, v => GraphValues.Clr(v.Parts[part.Name]?[field.Name]), field.Label);
                    break;
            }
        }
    }

    private static ObjectGraphType NestedType(string name, FieldDefinition field)
    {
        var graph = new ObjectGraphType { Name = name, Description = field.Label };
        foreach (var sub in (field.Fields ?? []).Where(f => !f.Private))
        {
            Add<JsonObject>(graph, GraphValues.Camel(sub.Name), GraphValues.ScalarFor(sub.Type) ?? new StringGraphType(), o => GraphValues.Clr(o[sub.Name]), sub.Label);
        }

        return graph;
    }

    private InputObjectGraphType BuildFilter(ContentTypeDefinition type)
    {
        var input = new InputObjectGraphType { Name = type.Name + "Where", Description = $"{type.Label}筛选条件（各条件同时满足）" };
        input.AddField(new GraphField { Name = "column", Type = typeof(StringGraphType), Description = "栏目名称或网址键" });
        input.AddField(new GraphField { Name = "tag", Type = typeof(StringGraphType), Description = "标签" });
        input.AddField(new GraphField { Name = "titleContains", Type = typeof(StringGraphType), Description = "标题包含" });
        input.AddField(new GraphField { Name = "publishedAfter", Type = typeof(DateTimeOffsetGraphType), Description = "发布时间不早于" });
        input.AddField(new GraphField { Name = "publishedBefore", Type = typeof(DateTimeOffsetGraphType), Description = "发布时间早于" });
        foreach (var (part, field) in RecipeFields(type))
        {
            var scalar = field.Type switch
            {
                RecipeFieldType.Number => typeof(FloatGraphType),
                RecipeFieldType.Boolean => typeof(BooleanGraphType),
                RecipeFieldType.ContentPicker or RecipeFieldType.Object or RecipeFieldType.ObjectList => null,
                _ => typeof(StringGraphType),
            };
            if (scalar is not null)
            {
                input.AddField(new GraphField { Name = GraphValues.Camel(field.Name), Type = scalar, Description = field.Label, Metadata = { ["part"] = part.Name, ["field"] = field.Name } });
            }
        }

        return input;
    }

    private void AddQueries(ObjectGraphType query, ContentTypeDefinition type, EnumerationGraphType order)
    {
        var graph = objects[type.Name];
        var single = GraphValues.Camel(type.Name);
        query.AddField(new GraphField
        {
            Name = single,
            Description = $"一个已发布的{type.Label}（drafts: true 时为最新版本，需带 read:drafts 的令牌）",
            ResolvedType = graph,
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "id" }, DraftsArgument()),
            Resolver = new FuncFieldResolver<object?>(async ctx => await GraphData.ByIdAsync(ctx, ctx.GetArgument<string>("id"), type.Name)),
        });

        var page = new ObjectGraphType { Name = type.Name + "Page", Description = $"{type.Label}分页结果" };
        Add<GraphPage>(page, "total", new NonNullGraphType(new IntGraphType()), p => p.Total);
        Add<GraphPage>(page, "page", new NonNullGraphType(new IntGraphType()), p => p.Page);
        Add<GraphPage>(page, "pageSize", new NonNullGraphType(new IntGraphType()), p => p.PageSize);
        Add<GraphPage>(page, "items", new NonNullGraphType(new ListGraphType(new NonNullGraphType(graph))), p => p.Items);
        var where = filters[type.Name];
        query.AddField(new GraphField
        {
            Name = single + "List",
            Description = $"已发布的{type.Label}列表（drafts: true 时为最新版本）：按字段筛选、排序、分页（每页最多 {GraphData.MaxPageSize} 条）",
            ResolvedType = page,
            Arguments = new QueryArguments(
                new QueryArgument(where) { Name = "where" },
                new QueryArgument(order) { Name = "orderBy" },
                new QueryArgument<IntGraphType> { Name = "page", DefaultValue = 1 },
                new QueryArgument<IntGraphType> { Name = "pageSize", DefaultValue = 20 },
                DraftsArgument()),
            Resolver = new FuncFieldResolver<object?>(async ctx => await GraphData.ListAsync(ctx, type.Name, where)),
        });
    }

    private static QueryArgument DraftsArgument() => new QueryArgument<BooleanGraphType>
    {
        Name = GraphDrafts.Argument,
        DefaultValue = false,
        Description = "true：返回最新版本（草稿、审核中等），规则同 REST：须带 read:drafts 权限范围的令牌，且角色可查看该类内容的草稿",
    };

    /// <summary>Proposers are stored by name; members and proposals find each other through those names.</summary>
    private void AddProposerRelations()
    {
        if (!objects.TryGetValue("Proposal", out var proposal) || !objects.TryGetValue("Member", out var member))
        {
            return;
        }

        var proposers = site.FieldsOf(site.FindType("Proposal")!).FirstOrDefault(f => f.Field.Name == "Proposers");
        if (proposers.Field is null)
        {
            return;
        }

        AddAsync(proposal, "proposerMembers", new ListGraphType(member), "提案者中的委员（链接到委员风采）", async ctx =>
        {
            var names = ((ContentView)ctx.Source!).Parts[proposers.Part.Name]?[proposers.Field.Name] as JsonArray ?? [];
            var wanted = names.Select(n => n?.ToString()).ToHashSet();
            return (await GraphData.AllAsync(ctx, "Member")).Where(m => wanted.Contains(m.Title)).ToList();
        });
        AddAsync(member, "proposals", new ListGraphType(proposal), "该委员领衔或联名的提案", async ctx =>
        {
            var name = ((ContentView)ctx.Source!).Title;
            return (await GraphData.AllAsync(ctx, "Proposal"))
                .Where(p => p.Parts[proposers.Part.Name]?[proposers.Field.Name] is JsonArray a && a.Any(n => n?.ToString() == name))
                .ToList();
        });
    }

    /// <summary>
    /// Each content picker is also walkable backwards: a collection lists the articles that pick it
    /// (<c>literatureArticleItems</c>), a member the news that name them (<c>newsItems</c>). Items with an
    /// <c>Order</c> field come in that order, others newest first.
    /// </summary>
    private void AddReversePickerRelations(List<ContentTypeDefinition> types)
    {
        foreach (var source in types)
        {
            foreach (var (part, field) in RecipeFields(source).Where(f => f.Field.Type == RecipeFieldType.ContentPicker))
            {
                if (field.ContentType is not { } target || !objects.TryGetValue(target, out var targetGraph) || !objects.TryGetValue(source.Name, out var sourceGraph))
                {
                    continue;
                }

                var name = GraphValues.Camel(source.Name) + "Items";
                if (targetGraph.HasField(name))
                {
                    continue;
                }

                var order = RecipeFields(source).FirstOrDefault(f => f.Field.Name == "Order");
                AddAsync(targetGraph, name, new ListGraphType(sourceGraph), $"选择了本条的{source.Label}", async ctx =>
                {
                    var id = ((ContentView)ctx.Source!).Id;
                    var picked = (await GraphData.AllAsync(ctx, source.Name))
                        .Where(v => v.Parts[part.Name]?[field.Name] is JsonArray ids && ids.Any(n => n?.ToString() == id));
                    if (order.Field is not null)
                    {
                        picked = picked.OrderBy(v => v.Parts[order.Part.Name]?[order.Field.Name] is JsonValue n ? n.GetValue<double>() : double.MaxValue);
                    }

                    return picked.ToList();
                });
            }
        }
    }

    private static string FieldName(ObjectGraphType graph, ContentPartDefinition part, FieldDefinition field)
    {
        var name = GraphValues.Camel(field.Name);
        return graph.HasField(name) ? GraphValues.Camel(part.Name) + field.Name : name;
    }

    private static void Add<TSource>(IComplexGraphType graph, string name, IGraphType type, Func<TSource, object?> read, string? description = null) =>
        graph.AddField(new GraphField
        {
            Name = name,
            Description = description,
            ResolvedType = type,
            Resolver = new FuncFieldResolver<object?>(ctx => ctx.Source is TSource source ? read(source) : null),
        });

    private static void AddAsync(IComplexGraphType graph, string name, IGraphType type, string description, Func<IResolveFieldContext, Task<object?>> resolve) =>
        graph.AddField(new GraphField
        {
            Name = name,
            Description = description,
            ResolvedType = type,
            Resolver = new FuncFieldResolver<object?>(async ctx => await resolve(ctx)),
        });
}
