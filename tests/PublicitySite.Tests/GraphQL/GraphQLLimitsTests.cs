using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Tests.Workflow;
using PublicitySite.Users;
using PublicitySite.Web.GraphQL;
using Xunit.Abstractions;

namespace PublicitySite.Tests.GraphQL;

/// <summary>Queries that would take the server's memory or time are refused with a GraphQL error before they run.</summary>
public sealed class GraphQLLimitsTests(SeededSiteFixture fixture, ITestOutputHelper output) : IClassFixture<SeededSiteFixture>
{
    private const string Heavy = "newsList(pageSize: 100) { items { bodyHtml bodyText } }";

    private static string Aliased(int count, string field = Heavy) =>
        "{ " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"a{i}: {field}")) + " }";

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Post(HttpClient client, string query, object? variables = null)
    {
        var response = await client.PostAsJsonAsync("/api/graphql", new { query, variables });
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static void AssertRefused((HttpStatusCode Status, JsonElement Body) answer, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.False(answer.Body.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null, answer.Body.ToString());
        var error = answer.Body.GetProperty("errors")[0];
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Twenty_requests_of_600_aliased_news_lists_are_refused_and_memory_stays_flat()
    {
        var client = fixture.Client;
        var query = Aliased(600);
        await Post(client, "{ newsList(pageSize: 1) { total } }"); // warm up: schema built, JIT done
        var before = Settled();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            var answer = await Post(client, query);
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.DoesNotContain("bodyHtml\":", answer.Body.ToString(), StringComparison.Ordinal);
        }

        var elapsed = clock.Elapsed;
        var after = Settled();
        output.WriteLine($"20 refused requests of {query.Length:N0} characters: {elapsed.TotalMilliseconds:N0} ms in all; managed heap {before / 1048576.0:N1} MB before, {after / 1048576.0:N1} MB after");
        Assert.True(after - before < 32 * 1048576, $"heap grew from {before:N0} to {after:N0} bytes");
    }

    [Fact]
    public async Task Variants_that_stay_under_the_alias_cap_are_refused_by_counting_list_sizes()
    {
        var client = fixture.Client;

        // 600 aliases, but within the text length: refused on the alias count.
        AssertRefused(await Post(client, Aliased(600, "newsList { total }")), "QUERY_TOO_COMPLEX");
        // 15 aliases: under the alias cap, but each page of 100 long bodies counts 100 times.
        AssertRefused(await Post(client, Aliased(15)), "QUERY_TOO_COMPLEX");
        // The page size through a variable counts the same.
        var variables = string.Join(" ", Enumerable.Range(0, 15).Select(i => $"a{i}: newsList(pageSize: $n) {{ items {{ bodyHtml bodyText }} }}"));
        AssertRefused(await Post(client, "query($n: Int) { " + variables + " }", new { n = 100 }), "QUERY_TOO_COMPLEX");
        // Relations multiply too: proposals → proposers → their proposals → …
        AssertRefused(await Post(client, "{ proposalList(pageSize: 100) { items { proposerMembers { proposals { proposerMembers { proposals { bodyHtml bodyText } } } } } } }"), "QUERY_TOO_COMPLEX");
        // Fragments are counted where they are spread, aliases inside them too.
        var fragment = "fragment F on NewsPage { " + string.Join(" ", Enumerable.Range(0, 10).Select(i => $"i{i}: items {{ bodyHtml }}")) + " } ";
        AssertRefused(await Post(client, fragment + "{ " + string.Join(" ", Enumerable.Range(0, 10).Select(i => $"n{i}: newsList(pageSize: 100) {{ ...F }}")) + " }"), "QUERY_TOO_COMPLEX");
        // Too long a text is refused before it is parsed.
        AssertRefused(await Post(client, "{ newsList { total } }" + new string(' ', 30_000)), "QUERY_TOO_LONG");
    }

    [Fact]
    public async Task Ordinary_queries_within_the_limits_still_answer()
    {
        var (status, body) = await Post(fixture.Client, "{ a: newsList(pageSize: 20) { total items { title bodyHtml } } b: memberList(pageSize: 100) { items { title party } } }");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.True(body.GetProperty("data").GetProperty("a").GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task A_token_may_ask_for_more_than_an_anonymous_caller()
    {
        var query = Aliased(30, "newsList(pageSize: 1) { total }");
        AssertRefused(await Post(fixture.Client, query), "QUERY_TOO_COMPLEX");

        var token = await fixture.Site.ClientAsync("gql-limits-reader", "Editor", TokenScopes.ReadDrafts);
        var (status, body) = await Post(token, query);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(30, body.GetProperty("data").EnumerateObject().Count());
        AssertRefused(await Post(token, Aliased(600)), "QUERY_TOO_COMPLEX");
    }

    [Fact]
    public async Task An_answer_over_the_size_limit_is_replaced_by_an_error()
    {
        using var site = new TestSite(seed: true, settings: new() { ["GraphQL:Anonymous:MaxResponseBytes"] = "4096" });
        AssertRefused(await Post(site.CreateClient(), "{ newsList(pageSize: 50) { items { title bodyHtml } } }"), "RESPONSE_TOO_LARGE");
    }

    [Fact]
    public async Task A_query_past_its_time_limit_is_stopped()
    {
        using var site = new TestSite(seed: false, settings: new() { ["GraphQL:Anonymous:TimeoutSeconds"] = "0" });
        var (status, body) = await Post(site.CreateClient(), "{ newsList { total } }");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("TIMEOUT", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Anonymous_introspection_is_refused_when_turned_off_but_tokens_may_introspect()
    {
        using var site = new TestSite(seed: false, settings: new() { ["GraphQL:AnonymousIntrospection"] = "false" });
        AssertRefused(await Post(site.CreateClient(), "{ __schema { queryType { name } } }"), "INTROSPECTION_DISABLED");
        AssertRefused(await Post(site.CreateClient(), "{ __type(name: \"News\") { name } }"), "INTROSPECTION_DISABLED");

        var token = await site.ClientAsync("gql-introspect", "Editor", TokenScopes.ReadDrafts);
        var (status, body) = await Post(token, "{ __type(name: \"News\") { name } }");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("News", body.GetProperty("data").GetProperty("__type").GetProperty("name").GetString());
    }

    [Fact]
    public void Anonymous_introspection_defaults_to_off_in_production_only()
    {
        var options = new GraphQLOptions();
        Assert.False(options.IntrospectionAllowed(token: false, new Environment(Environments.Production)));
        Assert.True(options.IntrospectionAllowed(token: true, new Environment(Environments.Production)));
        Assert.True(options.IntrospectionAllowed(token: false, new Environment(Environments.Development)));
    }

    private static long Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "PublicitySite.Web";

        public string ContentRootPath { get; set; } = "/";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
