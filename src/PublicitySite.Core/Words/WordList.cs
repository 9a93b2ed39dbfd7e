using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;

namespace PublicitySite.Words;

/// <summary>The effective 错敏词 list: the recipe's terms, overridden and extended by administrators' rows.</summary>
public sealed class WordList(AppDbContext db, SiteDefinitionStore definitions, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<WordDefinition>> GetAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<WordEntry>().AsNoTracking().ToListAsync(cancellationToken);
        var overridden = rows.Select(r => r.Term).ToHashSet(StringComparer.Ordinal);
        return definitions.Current.Words.Where(w => !overridden.Contains(w.Term))
            .Concat(rows.Where(r => r.Enabled).Select(r => new WordDefinition { Term = r.Term, Replacement = r.Replacement, Level = r.Level, Note = r.Note }))
            .OrderBy(w => w.Term, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every term with where it comes from, for the admin page (switched-off terms included).</summary>
    public async Task<IReadOnlyList<(WordDefinition Word, bool Enabled, bool FromRecipe)>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<WordEntry>().AsNoTracking().ToListAsync(cancellationToken);
        var recipe = definitions.Current.Words.ToDictionary(w => w.Term, StringComparer.Ordinal);
        var result = rows.Select(r => (new WordDefinition { Term = r.Term, Replacement = r.Replacement, Level = r.Level, Note = r.Note }, r.Enabled, recipe.ContainsKey(r.Term))).ToList();
        result.AddRange(recipe.Values.Where(w => rows.All(r => r.Term != w.Term)).Select(w => (w, true, true)));
        return result.OrderBy(r => r.Item1.Term, StringComparer.Ordinal).ToList();
    }

    /// <summary>Adds or changes a term (or switches it off); the change is audited.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(string actor, WordDefinition word, bool enabled, string? address = null, CancellationToken cancellationToken = default)
    {
        var term = word.Term.Trim();
        if (term.Length is 0 or > 100)
        {
            return ["词条不能为空，且不超过 100 个字符"];
        }

        if (word.Replacement is { Length: > 200 })
        {
            return ["建议用词不超过 200 个字符"];
        }

        var row = await db.Set<WordEntry>().FirstOrDefaultAsync(r => r.Term == term, cancellationToken);
        if (row is null)
        {
            row = new WordEntry { Term = term, UpdatedBy = actor };
            db.Set<WordEntry>().Add(row);
        }

        row.Replacement = string.IsNullOrWhiteSpace(word.Replacement) ? null : word.Replacement.Trim();
        row.Level = word.Level;
        row.Note = string.IsNullOrWhiteSpace(word.Note) ? null : word.Note.Trim();
        row.Enabled = enabled;
        row.UpdatedBy = actor;
        row.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        audit.Stage(actor, AuditActions.WordsChanged, term, $"{(enabled ? "启用" : "停用")}；级别 {word.Level}；建议 {row.Replacement}", address: address);
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
