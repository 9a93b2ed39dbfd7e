using Npgsql;
using PublicitySite.Storage;

namespace PublicitySite.Web.Hosting;

/// <summary>One thing wrong (or worth knowing), in Chinese, with what to do about it.</summary>
internal sealed record Finding(FindingLevel Level, string Area, string Text, string? Fix = null);

internal enum FindingLevel
{
    Ok,
    Warning,
    Error,
}

/// <summary>
/// Checks the settings the host cannot start without, before it is built: a misspelt provider or a PostgreSQL
/// site without a connection string is said in Chinese with the fix, instead of an exception's stack trace.
/// </summary>
internal static class ConfigurationCheck
{
    public static IReadOnlyList<Finding> Find(IConfiguration configuration)
    {
        var findings = new List<Finding>();
        var provider = configuration["Database:Provider"];
        if (!string.IsNullOrEmpty(provider) && !Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out _))
        {
            findings.Add(new(FindingLevel.Error, "配置", $"Database__Provider 的值“{provider}”无效", "改为 Sqlite 或 Postgres"));
            return findings;
        }

        var connection = configuration.GetConnectionString("Default");
        if (string.Equals(provider, nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                findings.Add(new(FindingLevel.Error, "配置", "数据库为 PostgreSQL，但没有连接字符串",
                    "设置 ConnectionStrings__Default，例如 Host=127.0.0.1;Port=5432;Database=publicity;Username=publicity;Password=…"));
            }
            else if (Unparsable(connection) is { } problem)
            {
                findings.Add(new(FindingLevel.Error, "配置", $"ConnectionStrings__Default 无法解析：{problem}",
                    "写成 Host=…;Port=5432;Database=…;Username=…;Password=… 的形式"));
            }
        }

        return findings;
    }

    // Its own method so that a SQLite site never loads the PostgreSQL driver (a method's assemblies load when it is compiled).
    private static string? Unparsable(string connection)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connection);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>Prints the errors found and says whether the host must not start.</summary>
    public static bool Refuse(IConfiguration configuration)
    {
        var errors = Find(configuration).Where(f => f.Level == FindingLevel.Error).ToList();
        foreach (var error in errors)
        {
            Console.Error.WriteLine($"✘ {error.Area}：{error.Text}");
            if (error.Fix is not null)
            {
                Console.Error.WriteLine($"  解决：{error.Fix}");
            }
        }

        return errors.Count > 0;
    }
}
