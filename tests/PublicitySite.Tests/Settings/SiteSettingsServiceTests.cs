using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Commands;
using PublicitySite.Settings;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Settings;

public sealed class SiteSettingsServiceTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Settings_start_from_the_recipe_and_an_update_overrides_them(Db db)
    {
        await using var host = await CoreHost.StartAsync(db);

        var before = await host.RunAsync<SiteSettingsService, SiteSettings>(s => s.GetAsync());
        var result = await host.RunAsync<SiteSettingsService, Result<SiteSettings>>(s => s.UpdateAsync(new Dictionary<string, string?> { ["IcpNumber"] = "陕ICP备12345678号" }));
        var after = await host.RunAsync<SiteSettingsService, SiteSettings>(s => s.GetAsync());

        Assert.Equal("示ICP备00000000号", before[SiteSettingKeys.IcpNumber]);
        Assert.True(result.Succeeded);
        Assert.Equal("陕ICP备12345678号", after[SiteSettingKeys.IcpNumber]);
        Assert.Equal("政协门户网站（示例）", after[SiteSettingKeys.SiteName]);
    }

    [Fact]
    public async Task An_update_is_stored_and_read_back_by_a_fresh_node()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        await host.RunAsync<SiteSettingsService, Result<SiteSettings>>(s => s.UpdateAsync(new Dictionary<string, string?> { ["SiteIDCode"] = "6108000001" }));
        host.Services.GetRequiredService<SiteSettingsCache>().Clear();

        var read = await host.RunAsync<SiteSettingsService, SiteSettings>(s => s.GetAsync());

        Assert.Equal("6108000001", read[SiteSettingKeys.SiteIdCode]);
    }

    [Fact]
    public async Task An_empty_value_restores_the_recipe_value()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        await host.RunAsync<SiteSettingsService, Result<SiteSettings>>(s => s.UpdateAsync(new Dictionary<string, string?> { ["Contact"] = "联系电话：1234" }));

        var result = await host.RunAsync<SiteSettingsService, Result<SiteSettings>>(s => s.UpdateAsync(new Dictionary<string, string?> { ["Contact"] = "" }));

        Assert.Equal("联系电话：0000-0000000（示例）", result.Value![SiteSettingKeys.Contact]);
        Assert.Empty(await host.RunAsync<SiteSettingsService, IReadOnlyDictionary<string, string>>(s => s.GetOverridesAsync()));
    }

    [Fact]
    public async Task Unknown_keys_and_bad_values_are_refused_whole_with_Chinese_messages()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);

        var result = await host.RunAsync<SiteSettingsService, Result<SiteSettings>>(s => s.UpdateAsync(new Dictionary<string, string?>
        {
            ["SiteName"] = "新名称",
            ["NoSuchKey"] = "x",
            ["Contact"] = new string('长', SiteSettingKeys.MaxLength + 1),
            ["Address"] = "第一行\n第二行",
        }));

        var errors = Assert.IsType<Failure.Invalid>(result.Failure).Fields;
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Field == "NoSuchKey" && e.Message.Contains("未知的设置项“NoSuchKey”", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "Contact" && e.Message.Contains("联系方式", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "Address" && e.Message.Contains("控制字符", StringComparison.Ordinal));
        Assert.Equal("政协门户网站（示例）", (await host.RunAsync<SiteSettingsService, SiteSettings>(s => s.GetAsync()))[SiteSettingKeys.SiteName]);
    }

    [Fact]
    public async Task Change_sinks_hear_of_an_update_after_it_is_stored()
    {
        var sink = new RecordingSink();
        await using var host = await CoreHost.StartAsync(Db.Sqlite, configure: s => s.AddSingleton<ISiteSettingsChangeSink>(sink));

        await host.RunAsync<SiteSettingsService, Result<SiteSettings>>(s => s.UpdateAsync(new Dictionary<string, string?> { ["Slogan"] = "新标语" }));

        Assert.Equal(1, sink.Calls);
    }

    private sealed class RecordingSink : ISiteSettingsChangeSink
    {
        public int Calls { get; private set; }

        public ValueTask OnSettingsChangedAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.CompletedTask;
        }
    }
}
