using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace PublicitySite.Storage;

/// <summary>
/// Translates <see cref="StoredJson.Text"/> in queries. It lives among EF's query services, not in the model
/// (a model function with a custom translation cannot be compiled), so each provider's options add it.
/// </summary>
internal abstract class StoredJsonTranslator(ISqlExpressionFactory sql) : IMethodCallTranslatorPlugin, IMethodCallTranslator
{
    public IEnumerable<IMethodCallTranslator> Translators => [this];

    public SqlExpression? Translate(SqlExpression? instance, MethodInfo method, IReadOnlyList<SqlExpression> arguments, IDiagnosticsLogger<DbLoggerCategory.Query> logger) =>
        method == StoredJson.TextMethod ? Translate(arguments.Select(a => sql.ApplyDefaultTypeMapping(a)!).ToList()) : null;

    protected abstract SqlExpression Translate(IReadOnlyList<SqlExpression> arguments);

    /// <summary>Adds <typeparamref name="TTranslator"/> to the query services of the context <paramref name="options"/> configure.</summary>
    internal static DbContextOptionsBuilder Add<TTranslator>(DbContextOptionsBuilder options)
        where TTranslator : StoredJsonTranslator
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new Extension<TTranslator>());
        return options;
    }

    private sealed class Extension<TTranslator> : IDbContextOptionsExtension
        where TTranslator : StoredJsonTranslator
    {
        public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

        public void ApplyServices(IServiceCollection services) =>
            new EntityFrameworkRelationalServicesBuilder(services)
                .TryAdd<IMethodCallTranslatorPlugin, TTranslator>()
                .TryAdd<IEvaluatableExpressionFilterPlugin, NotEvaluatedBeforeTheQuery>();

        public void Validate(IDbContextOptions options)
        {
        }

        private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
        {
            public override bool IsDatabaseProvider => false;

            public override string LogFragment => $"StoredJson={typeof(TTranslator).Name} ";

            public override int GetServiceProviderHashCode() => typeof(TTranslator).GetHashCode();

            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
                debugInfo["StoredJson"] = typeof(TTranslator).Name;
        }
    }
}

/// <summary>
/// Keeps a call whose arguments are all known in advance in the SQL, as for any database function: the method
/// itself only throws.
/// </summary>
internal sealed class NotEvaluatedBeforeTheQuery : IEvaluatableExpressionFilterPlugin
{
    public bool IsEvaluatableExpression(Expression expression) =>
        expression is not MethodCallExpression call || call.Method != StoredJson.TextMethod;
}

/// <summary>SQLite's <see cref="StoredJsonTranslator"/>.</summary>
internal sealed class SqliteStoredJsonTranslator(ISqlExpressionFactory sql) : StoredJsonTranslator(sql)
{
    protected override SqlExpression Translate(IReadOnlyList<SqlExpression> arguments) => StoredJson.ForSqlite(arguments);
}

/// <summary>PostgreSQL's <see cref="StoredJsonTranslator"/>.</summary>
internal sealed class PostgresStoredJsonTranslator(ISqlExpressionFactory sql) : StoredJsonTranslator(sql)
{
    protected override SqlExpression Translate(IReadOnlyList<SqlExpression> arguments) => StoredJson.ForPostgres(arguments);
}
