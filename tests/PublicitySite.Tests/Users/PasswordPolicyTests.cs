using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Users;

namespace PublicitySite.Tests.Users;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("short-pw-1")]        // under 12 characters
    [InlineData("zhangwei1990")]      // pinyin name + year
    [InlineData("woaini5201314")]
    [InlineData("Zhengxie2024")]      // the committee's own name, any case
    [InlineData("1qaz2wsx3edc")]      // keyboard walk
    [InlineData("password1234")]
    public async Task A_short_or_common_password_is_refused_in_chinese(string password)
    {
        using var site = new TestSite(seed: false);
        await using var scope = site.Services.CreateAsyncScope();
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<UserService>().AddAsync("policy-" + Guid.NewGuid().ToString("N")[..6], "Editor", password);

        Assert.Null(user);
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e));
    }

    [Fact]
    public async Task An_uncommon_long_password_is_accepted()
    {
        using var site = new TestSite(seed: false);
        await using var scope = site.Services.CreateAsyncScope();
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<UserService>().AddAsync("policy-ok", "Editor", "lantern-river-copper-58");
        Assert.Empty(errors);
        Assert.NotNull(user);
    }

    [Fact]
    public void The_shipped_list_holds_thousands_of_patterns()
    {
        Assert.True(CommonPasswordValidator.IsCommon("wangfang1988"));
        Assert.True(CommonPasswordValidator.IsCommon("beijing123456"));
        Assert.False(CommonPasswordValidator.IsCommon("lantern-river-copper-58"));
    }
}
