using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Commands;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Recipes;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.Workflow;

/// <summary>Stages, roles and their scopes come from the recipe: changing the recipe changes the rules, no code.</summary>
public sealed class RecipeRulesTests
{
    private static Task<CoreHost> StartAsync() => CoreHost.StartAsync(Db.Sqlite, configure: s => s.AddWorkflowCore());

    /// <summary>Merges a small recipe over the applied one, as <c>recipe apply</c> would.</summary>
    private static void Apply(CoreHost host, string recipeJson)
    {
        var store = host.Services.GetRequiredService<SiteDefinitionStore>();
        store.Publish(RecipeLoader.Load(System.Text.Encoding.UTF8.GetBytes(recipeJson), "test.recipe.json", store.Current));
    }

    [Fact]
    public async Task A_recipe_with_one_stage_publishes_on_the_first_approval()
    {
        await using var host = await StartAsync();
        Apply(host, """{ "workflows": [ { "contentType": "News", "stages": [ { "name": "审核签发", "role": "Reviewer" } ] } ] }""");
        var writer = await host.Services.UserAsync("w", "Contributor");
        var reviewer = await host.Services.UserAsync("r1", "Reviewer");
        var id = await host.Services.DraftAsync(writer);
        var submitted = await host.Services.WorkflowAsync(w => w.SubmitAsync(writer, id, null, true));
        Assert.Equal("审核签发", submitted.Value!.StageName);

        // The only stage is the last, and Reviewer lacks content.publish in the recipe: the rule says no.
        var refused = await host.Services.WorkflowAsync(w => w.ApproveAsync(reviewer, id, null, null));
        Assert.IsType<Failure.Forbidden>(refused.Failure);

        Apply(host, """{ "roles": [ { "name": "Reviewer", "displayName": "审核人", "permissions": [ "content.review", "content.publish", "content.viewDrafts" ] } ] }""");
        var approved = await host.Services.WorkflowAsync(w => w.ApproveAsync(reviewer, id, null, null));
        Assert.Equal(ContentStatus.Published, approved.Value!.Version.Status);
    }

    [Fact]
    public async Task A_role_scoped_to_a_column_acts_only_in_that_column()
    {
        await using var host = await StartAsync();
        Apply(host, """{ "roles": [ { "name": "Contributor", "displayName": "撰稿人", "permissions": [ "content.create", "content.editOwn", "content.submit" ], "columns": [ "通知公告" ] } ] }""");
        var writer = await host.Services.UserAsync("notice-writer", "Contributor");

        var inScope = await host.Services.WorkflowAsync(w => w.CreateAsync(writer, "News", Editorial.News("会议通知", column: "通知公告")));
        var outOfScope = await host.Services.WorkflowAsync(w => w.CreateAsync(writer, "News", Editorial.News("工作动态稿", column: "工作动态")));
        Assert.True(inScope.Succeeded);
        Assert.IsType<Failure.Forbidden>(outOfScope.Failure);

        // Moving one's own item out of the column is refused too.
        var moved = await host.Services.WorkflowAsync(w => w.UpdateAsync(writer, inScope.Value!.Version.ContentItemId, 1, Editorial.News("会议通知", column: "工作动态")));
        Assert.IsType<Failure.Forbidden>(moved.Failure);
    }

    [Fact]
    public void A_recipe_listing_a_word_twice_is_refused()
    {
        var error = Assert.Throws<RecipeException>(() => RecipeLoader.Load(
            System.Text.Encoding.UTF8.GetBytes("""{ "words": [ { "term": "政协代表", "level": "Block" }, { "term": "政协代表", "level": "Warn" } ] }"""),
            "words.recipe.json",
            SiteDefinition.Empty));
        Assert.Contains("duplicate word", error.Message);
    }
}
