using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Storage;

public sealed class StoredJsonTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, """json_extract("c"."Data", '$.Opinion.Category') = 'x'""", """json_extract('{}', '$.A.B')""")]
    [InlineData(DatabaseProvider.Postgres, """json_extract_path_text(c."Data"::json, 'Opinion', 'Category') = 'x'""", """json_extract_path_text('{}'::json, 'A', 'B')""")]
    public void A_part_field_becomes_the_providers_json_function_and_names_must_be_constant(DatabaseProvider provider, string onColumn, string onConstant)
    {
        using var directory = new TestDirectory();
        var paths = new SitePaths(directory.Path, RepositoryPaths.Recipe, RepositoryPaths.Seed, RepositoryPaths.Themes);
        // The SQL is only written, never run, so PostgreSQL is only named.
        using var services = new ServiceCollection()
            .AddStorage(provider, provider == DatabaseProvider.Postgres ? "Host=127.0.0.1;Database=unused" : null, paths)
            .BuildServiceProvider();
        using var scope = services.CreateScope();
        var versions = scope.ServiceProvider.GetRequiredService<AppDbContext>().ContentItemVersions;

        Assert.Contains(onColumn, versions.Where(v => StoredJson.Text(v.Data, "Opinion", "Category") == "x").ToQueryString(), StringComparison.Ordinal);
        Assert.Contains(onConstant, versions.Select(v => StoredJson.Text("{}", "A", "B")).ToQueryString(), StringComparison.Ordinal);
        var field = "Category";
        var refused = Assert.Throws<InvalidOperationException>(() => versions.Where(v => StoredJson.Text(v.Data, "Opinion", field) == "x").ToQueryString());
        Assert.Contains("constant part and field names", refused.Message, StringComparison.Ordinal);
    }
}
