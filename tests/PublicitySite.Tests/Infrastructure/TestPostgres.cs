using Npgsql;

namespace PublicitySite.Tests.Infrastructure;

/// <summary>
/// The throwaway PostgreSQL server started by <c>tests/run.sh</c>. Each caller gets a database of its own.
/// Without the server the tests fail and say so: PostgreSQL coverage is never skipped silently.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "PUBLICITY_TEST_POSTGRES";

    public static string CreateDatabase()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need a server: {Variable} is not set. Run the suite with tests/run.sh, which starts a throwaway cluster.");
        }

        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
