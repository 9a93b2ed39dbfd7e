using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Recipes;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Recipes;

public sealed class RecipeServiceTests
{
    [Fact]
    public async Task A_bad_recipe_changes_nothing()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        var bad = Path.Combine(host.Paths.DataDir, "bad.recipe.json");
        await File.WriteAllTextAsync(bad, """{ "settings": { "SiteName": "改了名" }, "types": [ { "name": "X", "parts": ["Nope"] } ] }""");

        await Assert.ThrowsAsync<RecipeException>(() => host.RunAsync<RecipeService>(r => r.ApplyFileAsync(bad)));

        var reloaded = await host.RunAsync<SiteDefinitionStore, SiteDefinition>(async s =>
        {
            await using var scope = host.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            return await s.LoadAsync(scope.ServiceProvider.GetRequiredService<PublicitySite.Storage.AppDbContext>());
        });
        Assert.NotEqual("改了名", reloaded.Setting("SiteName"));
        Assert.Null(reloaded.FindType("X"));
    }

    [Fact]
    public async Task A_field_added_by_a_recipe_is_usable_at_once()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        var file = Path.Combine(host.Paths.DataDir, "extra.recipe.json");
        await File.WriteAllTextAsync(file, """
            { "parts": [ { "name": "EventPart", "fields": [ { "name": "Venue", "displayName": "地点", "required": true } ] } ],
              "types": [ { "name": "Event", "displayName": "活动", "route": "events/{slug}", "parts": ["TitlePart", "AutoroutePart", "EventPart"] } ] }
            """);
        await host.RunAsync<RecipeService>(r => r.ApplyFileAsync(file));

        var missing = await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("Event", new JsonObject { ["title"] = "协商议政活动" }, "e"));
        var ok = await host.RunAsync<ContentManager, Result<ContentItemVersion>>(m => m.CreateAsync("Event", new JsonObject { ["title"] = "协商议政活动", ["venue"] = "市政协三楼会议室", ["slug"] = "xieshang" }, "e"));

        Assert.Contains(missing.Failure!.Messages, e => e.Contains("地点", StringComparison.Ordinal));
        Assert.True(ok.Succeeded);
        Assert.Equal("市政协三楼会议室", ContentData.GetString(ContentData.Parse(ok.Value!.Data), "EventPart", "Venue"));
    }
}
