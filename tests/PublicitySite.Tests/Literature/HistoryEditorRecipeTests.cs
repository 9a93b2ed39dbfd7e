using PublicitySite.Contents.Definitions;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Literature;

/// <summary>The recipe gives literature its own review stages, run by the 文史编辑 role.</summary>
public sealed class HistoryEditorRecipeTests
{
    [Fact]
    public async Task Literature_goes_through_a_history_review_stage_before_it_is_signed_off()
    {
        await using var host = await CoreHost.StartAsync(Db.Sqlite);
        var site = host.Services.GetService(typeof(SiteDefinitionStore)) is SiteDefinitionStore store ? store.Current : throw new InvalidOperationException();

        var role = site.Roles.Single(r => r.Name == "HistoryEditor");
        Assert.Equal("文史编辑", role.DisplayName);
        Assert.Equal(["LiteratureCollection", "LiteratureArticle"], role.ContentTypes);
        foreach (var type in new[] { "LiteratureCollection", "LiteratureArticle" })
        {
            var stages = site.Workflows.Single(w => w.ContentType == type).Stages;
            Assert.Equal(("文史初审", "HistoryEditor"), (stages[0].Name, stages[0].Role));
            Assert.Equal("Publisher", stages[^1].Role);
        }
    }
}
