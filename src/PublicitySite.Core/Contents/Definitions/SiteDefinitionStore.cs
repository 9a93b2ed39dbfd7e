using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Recipes;
using PublicitySite.Storage;

namespace PublicitySite.Contents.Definitions;

/// <summary>
/// Holds the applied site definition. The database is the truth (document <c>site-definition</c>); this keeps
/// the parsed copy so requests do not re-read it. Replaced whole, never mutated.
/// </summary>
public sealed class SiteDefinitionStore
{
    public const string DocumentKey = "site-definition";

    private SiteDefinition? current;

    /// <summary>The applied definition; <see cref="SiteDefinition.Empty"/> before any recipe ran.</summary>
    public SiteDefinition Current => Volatile.Read(ref current) ?? SiteDefinition.Empty;

    public bool IsLoaded => Volatile.Read(ref current) is not null;

    public async Task<SiteDefinition> LoadAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Key == DocumentKey, cancellationToken);
        var definition = document is null
            ? SiteDefinition.Empty
            : JsonSerializer.Deserialize<SiteDefinition>(document.Json, RecipeLoader.Json) ?? SiteDefinition.Empty;
        Volatile.Write(ref current, definition);
        return definition;
    }

    /// <summary>Stages the definition in <paramref name="db"/>; call <see cref="Publish"/> once the caller committed.</summary>
    public static async Task StageAsync(AppDbContext db, SiteDefinition definition, DateTime now, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(definition, RecipeLoader.Json);
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Key == DocumentKey, cancellationToken);
        if (document is null)
        {
            db.Documents.Add(new StoredDocument { Key = DocumentKey, Json = json, UpdatedUtc = now });
        }
        else
        {
            document.Json = json;
            document.UpdatedUtc = now;
        }
    }

    public void Publish(SiteDefinition definition) => Volatile.Write(ref current, definition);
}
