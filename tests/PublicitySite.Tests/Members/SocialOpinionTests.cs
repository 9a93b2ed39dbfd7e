using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Members;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Members;

public sealed class SocialOpinionTests
{
    [Fact]
    public async Task The_public_sees_published_opinions_with_yearly_counts_and_the_office_sees_all()
    {
        using var site = new TestSite(seed: false);
        var client = site.CreateClient();
        var member = await MemberData.PublishAsync(site.Services, "Member", MemberData.Member("示例委员 白雪", "bai-xue"));
        var published = await MemberData.PublishAsync(site.Services, "SocialOpinion", MemberDirectoryTests.Opinion("关于增设公交站点的建议", member));
        await MemberData.CreateAsync(site.Services, "SocialOpinion", MemberDirectoryTests.Opinion("仍在审核的社情民意", member));

        var list = await client.GetStringAsync("/social-opinions");
        var item = await client.GetStringAsync("/social-opinions/" + published);

        Assert.Contains("关于增设公交站点的建议", list);
        Assert.DoesNotContain("仍在审核的社情民意", list);
        Assert.Matches(@"\d{4}年 1 篇", list);
        Assert.Contains("基本情况说明。", item);
        Assert.Contains("意见建议内容。", item);
        Assert.Contains("href=\"/members/bai-xue\"", item);
        Assert.Contains("市政协采用", item);

        await using var scope = site.Services.CreateAsyncScope();
        var office = await scope.ServiceProvider.GetRequiredService<SocialOpinions>().ListForOfficeAsync();
        Assert.Equal(2, office.Total);
        Assert.Contains(office.Items, o => o.Title == "仍在审核的社情民意" && !o.Published);
    }
}
