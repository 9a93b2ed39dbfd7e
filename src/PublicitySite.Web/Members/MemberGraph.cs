using GraphQL;
using GraphQL.Types;
using PublicitySite.Members;

namespace PublicitySite.Web.Members;

/// <summary>GraphQL fields <c>members(term, sector, party, name, page, pageSize)</c> and <c>member(id)</c>: public fields only.</summary>
public static class MemberGraph
{
    public static void AddFields(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<MemberPageType>>("members")
            .Description("委员名录，按姓氏拼音排序")
            .Argument<StringGraphType>("term", "届次，如 第五届")
            .Argument<StringGraphType>("sector", "界别")
            .Argument<StringGraphType>("party", "党派")
            .Argument<StringGraphType>("name", "姓名中的字")
            .Argument<IntGraphType>("page", "页码，从 1 开始")
            .Argument<IntGraphType>("pageSize", "每页条数（1–500）")
            .ResolveAsync(async ctx =>
            {
                var page = ctx.GetArgument("page", 1);
                var size = ctx.GetArgument("pageSize", 100);
                if (page < 1 || size is < 1 or > MemberApi.MaxPageSize)
                {
                    throw new ExecutionError($"page 应不小于 1，pageSize 应为 1 到 {MemberApi.MaxPageSize}");
                }

                var directory = ctx.RequestServices!.GetRequiredService<MemberDirectory>();
                var result = await directory.ListAsync(new MemberFilter(ctx.GetArgument<string?>("term"), ctx.GetArgument<string?>("sector"), ctx.GetArgument<string?>("party"), ctx.GetArgument<string?>("name")), ctx.CancellationToken);
                return new MemberPage(result.Members.Count, result.Members.Skip((page - 1) * size).Take(size).ToList());
            });
        query.Field<MemberGraphType>("member")
            .Description("一位委员")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<MemberDirectory>().GetAsync(ctx.GetArgument<string>("id"), ctx.CancellationToken));
    }
}

public sealed record MemberPage(int Total, IReadOnlyList<MemberCard> Items);

public sealed class MemberPageType : ObjectGraphType<MemberPage>
{
    public MemberPageType()
    {
        Name = "MemberPage";
        Field(x => x.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberGraphType>>>>("items").Resolve(ctx => ctx.Source.Items);
    }
}

public sealed class MemberGraphType : ObjectGraphType<MemberCard>
{
    public MemberGraphType()
    {
        Name = "Member";
        Description = "委员（仅公开信息）";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Name);
        Field(x => x.Url);
        Field(x => x.Initial).Description("姓氏拼音首字母");
        Field(x => x.Term, nullable: true);
        Field(x => x.Sector, nullable: true);
        Field(x => x.Party, nullable: true);
        Field(x => x.WorkUnit, nullable: true);
        Field(x => x.JobTitle, nullable: true);
        Field(x => x.Sample);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("posts").Resolve(ctx => ctx.Source.Posts is { Length: > 0 } p ? p.Split('、') : []);
        Field<StringGraphType>("photo").Resolve(ctx => MemberPages.MediaUrl(ctx.Source.Photo));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberRecordType>>>>("proposals")
            .Description("领衔与联名提案")
            .ResolveAsync(async ctx =>
            {
                var records = await ctx.RequestServices!.GetRequiredService<MemberDirectory>().RecordsAsync(ctx.Source, ctx.CancellationToken);
                return records.ProposalsLed.Concat(records.ProposalsCosigned).ToList();
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberRecordType>>>>("news")
            .ResolveAsync(async ctx => (await ctx.RequestServices!.GetRequiredService<MemberDirectory>().RecordsAsync(ctx.Source, ctx.CancellationToken)).News);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberRecordType>>>>("socialOpinions")
            .ResolveAsync(async ctx => (await ctx.RequestServices!.GetRequiredService<MemberDirectory>().RecordsAsync(ctx.Source, ctx.CancellationToken)).Opinions);
    }
}

public sealed class MemberRecordType : ObjectGraphType<MemberLink>
{
    public MemberRecordType()
    {
        Name = "MemberRecord";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.SourceItemId);
        Field(x => x.Title);
        Field<NonNullGraphType<StringGraphType>>("url").Resolve(ctx => ctx.Source.Path);
        Field(x => x.Role, nullable: true);
        Field(x => x.Note, nullable: true);
        Field(x => x.PublishedUtc, nullable: true);
    }
}
