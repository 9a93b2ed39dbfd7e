using Microsoft.EntityFrameworkCore;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Contents.Definitions;
using PublicitySite.Storage;
using PublicitySite.Workflow;

namespace PublicitySite.Words;

/// <summary>The effective 错敏词 list: the recipe's terms, overridden and extended by administrators' rows.</summary>
public sealed class WordList(AppDbContext db, SiteDefinitionStore definitions, CommandAccess access, AuditLog audit, TimeProvider clock)
{
    /// <summary>Said to whoever may not keep the list: it belongs to those who run the site's settings or its users.</summary>
    public const string Refusal = "您的角色无权维护错敏词词库";

    /// <summary>Whether <paramref name="actor"/> may read and change the list (settings or user administrators).</summary>
    public bool MayManage(Actor actor) => access.Allows(actor, Permissions.ManageSettings) || access.Allows(actor, Permissions.ManageUsers);

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

    /// <summary>Adds or changes a term (or switches it off), with its audit line in the same commit.</summary>
    public async Task<Result<WordDefinition>> SaveAsync(Actor actor, WordDefinition word, bool enabled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(word);
        if (!MayManage(actor))
        {
            return new Failure.Forbidden(Refusal);
        }

        var term = word.Term.Trim();
        if (term.Length is 0 or > 100)
        {
            return new Failure.Invalid("term", "词条不能为空，且不超过 100 个字符");
        }

        if (word.Replacement is { Length: > 200 })
        {
            return new Failure.Invalid("replacement", "建议用词不超过 200 个字符");
        }

        var row = await db.Set<WordEntry>().FirstOrDefaultAsync(r => r.Term == term, cancellationToken);
        if (row is null)
        {
            row = new WordEntry { Term = term, UpdatedBy = actor.Name };
            db.Set<WordEntry>().Add(row);
        }

        row.Replacement = string.IsNullOrWhiteSpace(word.Replacement) ? null : word.Replacement.Trim();
        row.Level = word.Level;
        row.Note = string.IsNullOrWhiteSpace(word.Note) ? null : word.Note.Trim();
        row.Enabled = enabled;
        row.UpdatedBy = actor.Name;
        row.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        audit.Stage(actor.Name, AuditActions.WordsChanged, term, $"{(enabled ? "启用" : "停用")}；级别 {word.Level}；建议 {row.Replacement}", address: actor.Address);
        await db.SaveChangesAsync(cancellationToken);
        return new WordDefinition { Term = term, Replacement = row.Replacement, Level = row.Level, Note = row.Note };
    }
}
