using System.Text.Json.Nodes;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Members;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Members;

/// <summary>The directory and profile records, on both databases.</summary>
public sealed class MemberDirectoryTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_directory_lists_published_members_in_pinyin_order_grouped_by_letter(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);
        foreach (var (name, slug) in new[] { ("张敏", "zhang"), ("安明", "an"), ("陈立新", "chen"), ("白雪", "bai"), ("曾志", "zeng") })
        {
            await MemberData.PublishAsync(host.Services, "Member", MemberData.Member(name, slug));
        }

        await MemberData.CreateAsync(host.Services, "Member", MemberData.Member("艾草稿", "draft")); // never published

        var result = await host.RunAsync<MemberDirectory, MemberDirectoryResult>(d => d.ListAsync(new MemberFilter()));

        Assert.Equal(["安明", "白雪", "陈立新", "曾志", "张敏"], result.Members.Select(m => m.Name));
        Assert.Equal(["A", "B", "C", "Z"], result.Groups.Select(g => g.Letter));
        Assert.Equal(["曾志", "张敏"], result.Groups.Single(g => g.Letter == "Z").Members.Select(m => m.Name));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Filters_by_term_sector_party_and_name_narrow_the_list(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);
        await MemberData.PublishAsync(host.Services, "Member", MemberData.Member("安明", "an", "经济界", "民建"));
        await MemberData.PublishAsync(host.Services, "Member", MemberData.Member("白雪", "bai", "教育界", "民进"));
        await MemberData.PublishAsync(host.Services, "Member", MemberData.Member("陈立新", "chen", "教育界", "民建"));
        await MemberData.PublishAsync(host.Services, "Member", MemberData.Member("邓文华", "deng", "教育界", "民建", term: "第四届"));

        async Task<IEnumerable<string>> Names(MemberFilter f) =>
            (await host.RunAsync<MemberDirectory, MemberDirectoryResult>(d => d.ListAsync(f))).Members.Select(m => m.Name);

        Assert.Equal(["白雪", "陈立新"], await Names(new MemberFilter("第五届", Sector: "教育界")));
        Assert.Equal(["安明", "陈立新"], await Names(new MemberFilter("第五届", Party: "民建")));
        Assert.Equal(["陈立新"], await Names(new MemberFilter("第五届", "教育界", "民建")));
        Assert.Equal(["陈立新", "邓文华"], await Names(new MemberFilter(Sector: "教育界", Party: "民建")));
        Assert.Equal(["白雪"], await Names(new MemberFilter(Name: "雪")));
        Assert.Empty(await Names(new MemberFilter(Sector: "没有这个界别")));

        var all = await host.RunAsync<MemberDirectory, MemberDirectoryResult>(d => d.ListAsync(new MemberFilter("第五届")));
        Assert.Equal(["教育界", "经济界"], all.Sectors);
        Assert.Equal(["民建", "民进"], all.Parties); // the conventional order, not alphabetical
        Assert.Equal(["第四届", "第五届"], all.Terms.OrderBy(t => t == "第五届"));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Unpublishing_or_renaming_a_member_updates_the_directory(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);
        var an = await MemberData.PublishAsync(host.Services, "Member", MemberData.Member("安明", "an"));
        var bai = await MemberData.PublishAsync(host.Services, "Member", MemberData.Member("白雪", "bai"));

        await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.UnpublishAsync(bai));
        await MemberData.UpdateAsync(host.Services, an, 1, MemberData.Member("郑安明", "an"), publish: true);

        var result = await host.RunAsync<MemberDirectory, MemberDirectoryResult>(d => d.ListAsync(new MemberFilter()));
        var only = Assert.Single(result.Members);
        Assert.Equal("郑安明", only.Name);
        Assert.Equal("Z", only.Initial);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_profile_lists_proposals_led_and_cosigned_linked_news_and_opinions(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);
        var an = await MemberData.PublishAsync(host.Services, "Member", MemberData.Member("示例委员 安明", "an"));
        var bai = await MemberData.PublishAsync(host.Services, "Member", MemberData.Member("示例委员 白雪", "bai"));
        await MemberData.PublishAsync(host.Services, "Proposal", Proposal("关于维修大桥护栏的提案", 12, ["示例委员 安明", "示例委员 白雪"]));
        await MemberData.PublishAsync(host.Services, "Proposal", Proposal("关于社区养老的提案", 13, ["示例委员 白雪", "示例委员 安明"]));
        await MemberData.PublishAsync(host.Services, "Proposal", Proposal("不愿公开的提案", 14, ["示例委员 安明"], isPublic: false));
        await MemberData.PublishAsync(host.Services, "News", new JsonObject
        {
            ["title"] = "委员走访社区", ["column"] = "工作动态", ["body"] = "正文", ["members"] = new JsonArray(an),
        });
        await MemberData.PublishAsync(host.Services, "News", new JsonObject
        {
            ["title"] = "只提到白雪的新闻", ["column"] = "工作动态", ["body"] = "示例委员 安明 的名字出现在正文里，但没有链接", ["members"] = new JsonArray(bai),
        });
        await MemberData.PublishAsync(host.Services, "SocialOpinion", Opinion("关于老旧小区加装电梯的建议", an));
        await MemberData.CreateAsync(host.Services, "SocialOpinion", Opinion("尚未发布的社情民意", an));

        var records = await host.RunAsync<MemberDirectory, MemberRecords>(async d => await d.RecordsAsync((await d.GetAsync(an))!));

        Assert.Equal(["关于维修大桥护栏的提案"], records.ProposalsLed.Select(p => p.Title));
        Assert.Equal(["关于社区养老的提案"], records.ProposalsCosigned.Select(p => p.Title));
        Assert.StartsWith("第五届第一次会议第0012号", records.ProposalsLed[0].Note);
        Assert.Equal(["委员走访社区"], records.News.Select(n => n.Title));
        Assert.Equal(["关于老旧小区加装电梯的建议"], records.Opinions.Select(o => o.Title));
    }

    internal static JsonObject Proposal(string title, int seq, string[] proposers, bool isPublic = true) => new()
    {
        ["title"] = title,
        ["term"] = 5,
        ["meeting"] = 1,
        ["seq"] = seq,
        ["proposerType"] = "member",
        ["proposers"] = new JsonArray(proposers.Select(p => (JsonNode)p).ToArray()),
        ["public"] = isPublic,
        ["body"] = "提案正文",
        ["timeline"] = new JsonArray(new JsonObject { ["status"] = "立案", ["date"] = "2025-01-10" }),
    };

    internal static JsonObject Opinion(string title, params string[] reporters) => new()
    {
        ["title"] = title,
        ["situation"] = "基本情况说明。",
        ["suggestion"] = "意见建议内容。",
        ["reporters"] = new JsonArray(reporters.Select(r => (JsonNode)r).ToArray()),
        ["category"] = "社会建设",
        ["adoption"] = "市政协采用",
    };
}
