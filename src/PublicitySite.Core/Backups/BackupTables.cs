using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PublicitySite.Backups;

/// <summary>
/// The tables of the model as a backup sees them: every mapped entity type, parents before children, each row
/// as a JSON object of its properties. Values go through the model's own CLR types (EF converts on both sides),
/// so a row read from SQLite writes into PostgreSQL and back.
/// </summary>
internal static class BackupTables
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // CJK stays readable in the backup
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly MethodInfo RowsMethod = typeof(BackupTables).GetMethod(nameof(Rows), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo AnyMethod = typeof(BackupTables).GetMethod(nameof(AnyAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Every table of the model, each after the tables its foreign keys point to.</summary>
    public static IReadOnlyList<IEntityType> InInsertOrder(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        while (ordered.Count < types.Count)
        {
            var ready = types.Where(t => !placed.Contains(t) && t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || placed.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The model's foreign keys form a cycle; a backup cannot order its tables.");
            }

            ordered.AddRange(ready);
            placed.UnionWith(ready);
        }

        return ordered;
    }

    public static IEnumerable<IProperty> Columns(IEntityType type) =>
        type.GetProperties().Select(p => p.IsShadowProperty()
            ? throw new InvalidOperationException($"{type.DisplayName()}.{p.Name} is a shadow property; backups read CLR members only.")
            : p);

    public static IAsyncEnumerable<object> ReadAll(DbContext db, IEntityType type) =>
        (IAsyncEnumerable<object>)RowsMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db])!;

    public static Task<bool> HasRowsAsync(DbContext db, IEntityType type, CancellationToken cancellationToken) =>
        (Task<bool>)AnyMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, cancellationToken])!;

    public static void WriteRow(Utf8JsonWriter writer, IEntityType type, object entity)
    {
        writer.WriteStartObject();
        foreach (var property in Columns(type))
        {
            writer.WritePropertyName(property.Name);
            JsonSerializer.Serialize(writer, Get(property, entity), property.ClrType, Json);
        }

        writer.WriteEndObject();
    }

    /// <summary>A new entity from one backed-up row. Columns the backup lacks (an older schema) keep the type's defaults.</summary>
    public static object ReadRow(IEntityType type, JsonElement row)
    {
        var clr = type.ClrType;
        var entity = clr.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) is { } constructor
            ? constructor.Invoke(null)
            : RuntimeHelpers.GetUninitializedObject(clr);
        foreach (var property in Columns(type))
        {
            if (row.TryGetProperty(property.Name, out var value))
            {
                Set(property, entity, Normalize(value.Deserialize(property.ClrType, Json)));
            }
        }

        return entity;
    }

    // PostgreSQL takes only UTC offsets for timestamptz; SQLite keeps whatever offset was written.
    private static object? Normalize(object? value) => value is DateTimeOffset offset ? offset.ToUniversalTime() : value;

    private static object? Get(IProperty property, object entity) =>
        property.FieldInfo is { } field ? field.GetValue(entity) : property.PropertyInfo!.GetValue(entity);

    private static void Set(IProperty property, object entity, object? value)
    {
        if (property.FieldInfo is { } field)
        {
            field.SetValue(entity, value);
        }
        else
        {
            property.PropertyInfo!.SetValue(entity, value);
        }
    }

    private static IAsyncEnumerable<object> Rows<T>(DbContext db)
        where T : class => db.Set<T>().AsNoTracking().AsAsyncEnumerable();

    private static Task<bool> AnyAsync<T>(DbContext db, CancellationToken cancellationToken)
        where T : class => db.Set<T>().AnyAsync(cancellationToken);
}
