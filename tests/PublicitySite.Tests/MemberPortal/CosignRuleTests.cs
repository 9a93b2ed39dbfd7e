using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.MemberPortal;
using PublicitySite.Proposals;
using PublicitySite.Recipes;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.MemberPortal;

/// <summary>The recipe's minimum of confirmed co-signers (联名委员) for a proposal submitted in 委员之家.</summary>
public sealed class CosignRuleTests
{
    private const string Rule = "本会规定：提案须有至少 2 位联名委员确认后方可提交。";

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_proposal_short_of_confirmed_co_signers_is_refused_and_nothing_is_written_until_enough_confirm(Db db)
    {
        using var site = new TestSite(seed: false, db: db);
        await PortalTestData.MemberAsync(site, "cr-lead", "示例委员子");
        await PortalTestData.MemberAsync(site, "cr-one", "示例委员丑");
        await PortalTestData.MemberAsync(site, "cr-two", "示例委员寅");
        await ApplyAsync(site, """{ "proposals": { "minCosigners": 2 } }""");
        using var lead = await PortalTestData.SignInAsync(site, "cr-lead");
        using var one = await PortalTestData.SignInAsync(site, "cr-one");
        using var two = await PortalTestData.SignInAsync(site, "cr-two");
        var id = await PortalTestData.DraftAsync(lead, "关于推进老旧小区加装电梯的提案");
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync($"/member/proposals/{id}/invite", new() { ["cosigner"] = "cr-one" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostAsync($"/member/proposals/{id}/invite", new() { ["cosigner"] = "cr-two" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await one.PostAsync($"/member/proposals/{id}/cosign", new() { ["answer"] = "confirm" })).StatusCode);
        var linesBefore = await AuditCountAsync(site);

        var (_, page) = await lead.GetAsync($"/member/proposals/{id}");
        var (_, edit) = await lead.GetAsync($"/member/proposals/{id}/edit");
        var refused = await lead.PostAsync($"/member/proposals/{id}/submit", new() { ["public"] = "yes" });
        var direct = await SubmitAsync(site, "cr-lead", id);

        Assert.Contains(Rule, page, StringComparison.Ordinal);
        Assert.Contains(Rule, edit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("本会规定提案须有至少 2 位联名委员确认，目前已确认 1 位，另有 1 位尚未答复", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var invalid = Assert.IsType<Failure.Invalid>(direct.Failure);
        Assert.Equal("cosigners", Assert.Single(invalid.Fields).Field);
        Assert.Equal(PortalProposalState.Draft, (await PortalTestData.RowAsync(site, id)).State);
        Assert.Equal(linesBefore, await AuditCountAsync(site));
        Assert.Equal(0, await CountAsync<ProposalRecord>(site));

        Assert.Equal(HttpStatusCode.Redirect, (await two.PostAsync($"/member/proposals/{id}/cosign", new() { ["answer"] = "confirm" })).StatusCode);
        var accepted = await lead.PostAsync($"/member/proposals/{id}/submit", new() { ["public"] = "yes" });

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var row = await PortalTestData.RowAsync(site, id);
        Assert.Equal(PortalProposalState.Submitted, row.State);
        var filed = await PortalTestData.RecordAsync(site, row.ContentItemId!);
        Assert.Equal("示例委员子、示例委员丑、示例委员寅", filed.Proposers);
        Assert.EndsWith("第0001号", filed.Number, StringComparison.Ordinal); // the refusal took no number
    }

    [Fact]
    public async Task Without_a_rule_a_proposal_with_no_co_signer_is_accepted_and_no_rule_is_shown()
    {
        using var site = new TestSite(seed: false);
        await PortalTestData.MemberAsync(site, "cr-solo", "示例委员卯");
        using var member = await PortalTestData.SignInAsync(site, "cr-solo");
        var id = await PortalTestData.DraftAsync(member, "关于完善公共充电桩布局的提案");

        var (_, page) = await member.GetAsync($"/member/proposals/{id}");
        var submitted = await member.PostAsync($"/member/proposals/{id}/submit", new() { ["public"] = "no" });

        Assert.DoesNotContain("本会规定", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(PortalProposalState.Submitted, (await PortalTestData.RowAsync(site, id)).State);
    }

    [Fact]
    public void The_shipped_recipe_has_no_rule_and_the_validator_refuses_a_negative_or_absurd_minimum()
    {
        Assert.Equal(0, RecipeLoader.LoadFile(RepositoryPaths.Recipe, SiteDefinition.Empty).Proposals.MinCosigners);
        Assert.Equal(3, Load("""{ "proposals": { "minCosigners": 3 } }""").Proposals.MinCosigners);

        var negative = Assert.Throws<RecipeException>(() => Load("{\n  \"proposals\": {\n    \"minCosigners\": -1\n  }\n}"));
        var absurd = Assert.Throws<RecipeException>(() => Load("""{ "proposals": { "minCosigners": 1000 } }"""));

        Assert.Equal(3, negative.Line);
        Assert.Contains("$.proposals.minCosigners: minCosigners（提案须有的最少联名委员人数）应为 0 到 50 之间的整数", negative.Message, StringComparison.Ordinal);
        Assert.Contains("不能是 -1", negative.Message, StringComparison.Ordinal);
        Assert.Contains("不能是 1000", absurd.Message, StringComparison.Ordinal);
    }

    private static SiteDefinition Load(string json) => RecipeLoader.Load(Encoding.UTF8.GetBytes(json), "test.recipe.json", SiteDefinition.Empty);

    /// <summary>Applies a small recipe over the running site, as <c>recipe apply</c> does.</summary>
    private static async Task ApplyAsync(TestSite site, string json)
    {
        var file = Path.Combine(site.DataDir, "rule.recipe.json");
        await File.WriteAllTextAsync(file, json);
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecipeService>().ApplyFileAsync(file);
    }

    private static async Task<Result<ProposalChange>> SubmitAsync(TestSite site, string userName, long id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalProposals>().SubmitAsync(new Actor(userName, MemberAccounts.Role), id, publicConsent: true);
    }

    private static Task<int> AuditCountAsync(TestSite site) => CountAsync<AuditEntry>(site);

    private static async Task<int> CountAsync<T>(TestSite site)
        where T : class
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<T>().CountAsync();
    }
}
