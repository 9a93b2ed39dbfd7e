using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using PublicitySite.Media;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Users;
using PublicitySite.Web.Api;
using PublicitySite.Web.Members;
using PublicitySite.Web.Proposals;
using PublicitySite.Web.Search;

namespace PublicitySite.Tests.Api;

/// <summary>
/// Reads the OpenAPI document with the OpenAPI.NET reader and its validation rules, then sends every operation
/// generated requests, good and bad (odd ids, out-of-range numbers, markup, over-long text, malformed bodies),
/// anonymously and with an administrator's token through the real authentication. No answer may be a 5xx, and
/// every status must be one the document lists for that operation.
/// </summary>
public sealed class OpenApiFuzzTests
{
    private static readonly string[] Values = ["", "1", "0", "-1", "20", "101", "99999999999", "abc", "News", "政协", "工作动态", "2024-05-20", "2024-13-45", "<script>alert(1)</script>", "' OR 1=1 --", "%00", new string('长', 300), "../../etc/passwd"];
    private static readonly string LongText = new('长', 300);
    private static readonly string[] Ids = ["abc", "0", "zzzzzzzzzzzzzzzzzzzz", "不存在", "..%2F..", new string('a', 300)];
    private static readonly string[] Bodies = ["", "{", "[]", "\"x\"", "null", "{}", "{\"title\":123,\"type\":\"News\"}", "{\"type\":\"Nope\",\"fields\":{}}", "{\"query\":\"{ __typename }\"}", "{\"role\":\"Administrator\"}", "{\"name\":\"\",\"password\":\"x\"}"];

    [Fact]
    public async Task Every_operation_answers_generated_requests_without_a_5xx_and_only_with_documented_statuses()
    {
        using var site = new TestSite(seed: true, settings: new() { ["Api:AnonymousPerMinute"] = "100000", ["Api:TokenPerMinute"] = "100000" });
        var token = await AdminTokenAsync(site);
        using var client = site.CreateClient();
        await SearchReadyAsync(client);

        var read = OpenApiDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)), "json");
        Assert.Empty(read.Diagnostic!.Errors);
        var document = read.Document!;
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.Equal("bearer", document.Components?.SecuritySchemes?["bearer"].Scheme);
        var writes = document.Paths.SelectMany(p => p.Value.Operations!).Where(o => o.Key != HttpMethod.Get).ToList();
        Assert.NotEmpty(writes);
        Assert.All(writes, o => Assert.NotEmpty(o.Value.Security ?? []));
        Assert.All(document.Paths.SelectMany(p => p.Value.Operations!), o => Assert.NotNull(o.Value.Responses!["400"].Content?["application/problem+json"].Schema));
        AssertPagingDescribed(document);
        OpenApiQueryParameters.AssertDescribed(document);
        AssertSuccessDescribed(document);

        var random = new Random(20261203);
        var problems = new List<string>();
        var sent = 0;
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations!)
            {
                var documented = operation.Responses!.Keys.ToHashSet();
                for (var i = 0; i < 12; i++)
                {
                    var url = BuildUrl(path, operation, random);
                    using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
                    if (method == HttpMethod.Post || method == HttpMethod.Put)
                    {
                        request.Content = new StringContent(Bodies[random.Next(Bodies.Length)], Encoding.UTF8, "application/json");
                    }

                    if (i % 2 == 1)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    }

                    using var response = await client.SendAsync(request);
                    sent++;
                    var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if ((int)response.StatusCode >= 500 || !(documented.Contains(status) || documented.Contains("default")))
                    {
                        var body = (int)response.StatusCode >= 500 ? await response.Content.ReadAsStringAsync() : "";
                        problems.Add($"{status} {method} {Shorten(url)}{(i % 2 == 1 ? " (token)" : "")} {body[..Math.Min(300, body.Length)]}");
                    }
                }
            }
        }

        Assert.True(sent > 300, $"only {sent} requests were sent");
        Assert.True(problems.Count == 0, $"{problems.Count} of {sent} answers were 5xx or undocumented:\n" + string.Join("\n", problems.Distinct().OrderByDescending(p => p).Take(40)));
    }

    /// <summary>Every list describes page and pageSize as integers within its own limits, so a client knows them before a 400.</summary>
    private static void AssertPagingDescribed(OpenApiDocument document)
    {
        var expected = new Dictionary<string, int>
        {
            ["/api/content"] = ContentReadEndpoints.MaxPageSize,
            ["/api/news"] = ContentReadEndpoints.MaxPageSize,
            ["/api/search"] = SearchRequestParser.MaxPageSize,
            ["/api/admin/search"] = SearchRequestParser.MaxPageSize,
            ["/api/proposals"] = ProposalFilterParser.MaxPageSize,
            ["/api/members"] = MemberApi.MaxPageSize,
            ["/api/media"] = MediaLibrary.MaxPageSize,
        };
        var lists = document.Paths
            .SelectMany(p => p.Value.Operations!.Select(o => (Path: p.Key, Parameters: o.Value.Parameters ?? [])))
            .Where(o => o.Parameters.Any(p => p.Name is "page" or "pageSize"))
            .ToList();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), lists.Select(l => l.Path).Order(StringComparer.Ordinal));
        Assert.All(["/api/content", "/api/news"], path => Assert.Equal(["from", "to"], document.Paths[path].Operations![HttpMethod.Get].Parameters!.Select(p => p.Name!).Where(n => n is "from" or "to").Order(StringComparer.Ordinal)));
        foreach (var (path, parameters) in lists)
        {
            var page = Assert.Single(parameters, p => p.Name == "page").Schema!;
            var pageSize = Assert.Single(parameters, p => p.Name == "pageSize").Schema!;
            Assert.All([page, pageSize], s => Assert.Equal(JsonSchemaType.Integer, s.Type));
            Assert.All([page, pageSize], s => Assert.Equal("1", s.Minimum));
            Assert.NotNull(page.Maximum);
            Assert.True(pageSize.Maximum == expected[path].ToString(System.Globalization.CultureInfo.InvariantCulture), $"{path}: pageSize maximum {pageSize.Maximum}, expected {expected[path]}");
        }
    }

    /// <summary>
    /// Every operation names the shape of its success, except those whose success is no JSON of ours: GraphQL
    /// (described by its own schema) and a deletion (204). A file is described as its bytes in each content type.
    /// </summary>
    private static void AssertSuccessDescribed(OpenApiDocument document)
    {
        string[] exempt = ["GET /api/graphql", "POST /api/graphql", "DELETE /api/media/{id}"];
        var undescribed = document.Paths
            .SelectMany(p => p.Value.Operations!.Select(o => (Name: $"{o.Key.Method} {p.Key}", o.Value.Responses)))
            .Where(o => !o.Responses!.Any(r => r.Key.StartsWith('2') && r.Value.Content?.Values.Any(c => c.Schema is not null) == true))
            .Select(o => o.Name)
            .ToList();
        Assert.Equal(exempt.Order(StringComparer.Ordinal), undescribed.Order(StringComparer.Ordinal));
        Assert.NotNull(document.Paths["/api/media/{id}"].Operations![HttpMethod.Put].RequestBody?.Content?["application/json"].Schema);
        var export = document.Paths["/api/proposals/export"].Operations![HttpMethod.Get].Responses!["200"].Content!;
        Assert.Equal(new[] { ExportFormat.WordType, ExportFormat.ExcelType }.Order(StringComparer.Ordinal), export.Keys.Order(StringComparer.Ordinal));
        Assert.All(export.Values, c => Assert.Equal((JsonSchemaType.String, "binary"), (c.Schema!.Type!.Value, c.Schema.Format)));
    }

    /// <summary>A fresh site builds its index behind a ready site; its documented 503 is not what this test looks for.</summary>
    private static async Task SearchReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/api/search?q=%E6%94%BF%E5%8D%8F", UriKind.Relative));
            if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the search index was not built within 60 s");
            await Task.Delay(200);
        }
    }

    private static string Shorten(string url) => url.Replace(Uri.EscapeDataString(LongText), "<300 字>", StringComparison.Ordinal);

    private static string BuildUrl(string path, OpenApiOperation operation, Random random)
    {
        var url = new StringBuilder();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            url.Append('/').Append(segment.StartsWith('{') ? Uri.EscapeDataString(Ids[random.Next(Ids.Length)]) : segment);
        }

        // A value the document lists half the time, so the filters' good answers are reached as well as their refusals.
        var query = (operation.Parameters ?? []).Where(p => p.In == ParameterLocation.Query && random.Next(3) > 0)
            .Select(p => (p.Name!, p.Schema?.Enum is { Count: > 0 } listed && random.Next(2) == 0 ? listed[random.Next(listed.Count)]!.GetValue<string>() : Values[random.Next(Values.Length)]))
            .Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}")
            .ToList();
        if (random.Next(6) == 0)
        {
            query.Add("unknown=1");
        }

        return query.Count == 0 ? url.ToString() : url + "?" + string.Join("&", query);
    }

    private static async Task<string> AdminTokenAsync(TestSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<UserService>().AddAsync("fuzz-admin", "Administrator", "password-1234", "fuzz-admin");
        Assert.True(user is not null, string.Join("; ", errors));
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(user!, "fuzz", 1, [TokenScopes.Manage]);
        return secret;
    }
}
