using System.Text.RegularExpressions;
using PublicitySite.Tests.Infrastructure;

namespace PublicitySite.Tests.Storage;

/// <summary>
/// The first start on an empty PostgreSQL database, as an operator sees it in the journal: the migrations
/// run and the site answers, and nothing on the console calls that a failure.
/// </summary>
public sealed partial class PostgresFirstStartTests
{
    [Fact]
    public async Task A_first_start_on_an_empty_database_migrates_without_an_error_line()
    {
        using var dataDir = new TestDirectory();
        var connection = TestPostgres.CreateDatabase();

        string log;
        await using (var server = await ServerProcess.StartAsync(dataDir.Path, new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Default"] = connection,
            ["Logging__LogLevel__Default"] = "Information",
            ["Logs__MinimumLevel"] = "Information",
        }))
        {
            using var home = await server.Client.GetAsync(new Uri("/", UriKind.Relative));
            Assert.True(home.IsSuccessStatusCode, server.Log);
            log = server.Log;
        }

        Assert.Contains("Now listening on", log, StringComparison.Ordinal); // the console was captured at all
        Assert.DoesNotMatch(ErrorLine(), log);
    }

    /// <summary>Serilog's console level marks (<c>ERR</c>, <c>FTL</c>) and the default console's <c>fail:</c>.</summary>
    [GeneratedRegex(@"^\d\d:\d\d:\d\d (ERR|FTL) |^(fail|crit): ", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();
}
