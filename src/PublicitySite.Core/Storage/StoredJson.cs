using System.Reflection;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace PublicitySite.Storage;

/// <summary>
/// Reads one field of a version's JSON <c>Data</c> inside a query, so lists that filter or page on a part's
/// field can do it in the database instead of loading every version. The column stays plain text on both
/// providers (no schema change); each provider's <see cref="StoredJsonTranslator"/> turns the call into its own
/// JSON function.
/// </summary>
internal static class StoredJson
{
    internal static readonly MethodInfo TextMethod = typeof(StoredJson).GetMethod(nameof(Text))!;

    /// <summary>
    /// The text of <c>Data[part][field]</c>, or null when it is missing. Only for queries; <paramref name="part"/>
    /// and <paramref name="field"/> must be constants (they become part of the SQL, never user input).
    /// </summary>
    public static string? Text(string json, string part, string field) =>
        throw new NotSupportedException("StoredJson.Text can only be used inside a database query.");

    /// <summary>SQLite: <c>json_extract(Data, '$.Part.Field')</c>.</summary>
    internal static SqlExpression ForSqlite(IReadOnlyList<SqlExpression> args)
    {
        var json = args[0];
        var path = new SqlConstantExpression($"$.{Name(args[1])}.{Name(args[2])}", typeof(string), json.TypeMapping);
        return new SqlFunctionExpression("json_extract", [json, path], nullable: true, argumentsPropagateNullability: [true, false], typeof(string), json.TypeMapping);
    }

    /// <summary>PostgreSQL: <c>json_extract_path_text(Data::json, 'Part', 'Field')</c>; json, not jsonb, as the text is only read once.</summary>
    internal static SqlExpression ForPostgres(IReadOnlyList<SqlExpression> args)
    {
        var json = new SqlUnaryExpression(System.Linq.Expressions.ExpressionType.Convert, args[0], typeof(string), new StringTypeMapping("json", System.Data.DbType.String));
        SqlExpression[] arguments = [json, Constant(args[1], args[0]), Constant(args[2], args[0])];
        return new SqlFunctionExpression("json_extract_path_text", arguments, nullable: true, argumentsPropagateNullability: [true, false, false], typeof(string), args[0].TypeMapping);
    }

    private static SqlConstantExpression Constant(SqlExpression name, SqlExpression like) =>
        new(Name(name), typeof(string), like.TypeMapping);

    // Names go into SQL text (SQLite's path), so only constant identifiers are accepted.
    private static string Name(SqlExpression argument) =>
        argument is SqlConstantExpression { Value: string name } && name.Length > 0 && name.All(char.IsAsciiLetterOrDigit)
            ? name
            : throw new InvalidOperationException("StoredJson.Text needs constant part and field names made of letters and digits.");
}
