using System.Net;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.MemberPortal;

/// <summary>Finding a co-signer on the draft's page by name, full pinyin or initials.</summary>
public sealed class CosignerSearchTests
{
    [Theory]
    [InlineData("zhangsan", new[] { "张三" }, new[] { "张山峰", "李四" })]
    [InlineData("zs", new[] { "张三", "张山峰" }, new[] { "李四" })]
    [InlineData("ZSF", new[] { "张山峰" }, new[] { "张三", "李四" })]
    [InlineData("张", new[] { "张三", "张山峰" }, new[] { "李四" })]
    [InlineData("li", new[] { "李四" }, new[] { "张三", "张山峰" })]
    public async Task Members_are_found_by_name_full_pinyin_or_initials(string query, string[] found, string[] notFound)
    {
        using var site = new TestSite(seed: false);
        await PortalTestData.MemberAsync(site, "cs-lead", "王五");
        await PortalTestData.MemberAsync(site, "cs-zhangsan", "张三");
        await PortalTestData.MemberAsync(site, "cs-zsf", "张山峰");
        await PortalTestData.MemberAsync(site, "cs-lisi", "李四");
        using var lead = await PortalTestData.SignInAsync(site, "cs-lead");
        var id = await PortalTestData.DraftAsync(lead, "关于垃圾分类的提案");

        var (status, html) = await lead.GetAsync($"/member/proposals/{id}?q={Uri.EscapeDataString(query)}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.All(found, name => Assert.Contains($"<li><span>{name}</span>", html, StringComparison.Ordinal));
        Assert.All(notFound, name => Assert.DoesNotContain($"<li><span>{name}</span>", html, StringComparison.Ordinal));
        Assert.DoesNotContain("<li><span>王五</span>", html, StringComparison.Ordinal); // never oneself
    }
}
