using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PublicitySite.Contents;
using PublicitySite.Storage;

namespace PublicitySite.Search;

/// <summary>
/// Groups of words that find each other (政协 / 人民政协 / 政治协商会议), kept in the database so
/// administrators can edit them. Applied to queries only: an edit takes effect at once, with no reindex.
/// </summary>
public sealed class SynonymStore(TimeProvider clock, PublicitySite.Changes.INodeSignals? nodes = null)
{
    public const string DocumentKey = "search-synonyms";
    public const int MaxGroups = 500;
    public const int MaxWordLength = 20;

    private static readonly IReadOnlyList<IReadOnlyList<string>> Defaults = LoadDefaults();
    private Snapshot current = new(Defaults);

    public IReadOnlyList<IReadOnlyList<string>> Groups => Volatile.Read(ref current).Groups;

    /// <summary>The words that stand for <paramref name="folded"/>, itself first; just itself when it has none.</summary>
    public IReadOnlyList<string> Expand(string folded) =>
        Volatile.Read(ref current).Lookup.TryGetValue(folded, out var group) ? [folded, .. group.Where(w => w != folded)] : [folded];

    /// <summary>Whether <paramref name="folded"/> is a word of some group.</summary>
    public bool Contains(string folded) => Volatile.Read(ref current).Lookup.ContainsKey(folded);

    public async Task LoadAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Key == DocumentKey, cancellationToken);
        if (document is not null && JsonSerializer.Deserialize<List<List<string>>>(document.Json) is { } groups)
        {
            Volatile.Write(ref current, new Snapshot(groups));
        }
    }

    /// <summary>Checks and saves a new list; returns the problems (in Chinese) instead when there are any.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(AppDbContext db, IReadOnlyList<IReadOnlyList<string>> groups, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(groups);
        var errors = Validate(groups);
        if (errors.Count > 0)
        {
            return errors;
        }

        var clean = groups.Select(g => g.Select(w => w.Trim()).Distinct().ToList()).ToList();
        var json = JsonSerializer.Serialize(clean, StorageJson.Options);
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Key == DocumentKey, cancellationToken);
        if (document is null)
        {
            db.Documents.Add(new StoredDocument { Key = DocumentKey, Json = json, UpdatedUtc = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            document.Json = json;
            document.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        Volatile.Write(ref current, new Snapshot(clean));
        if (nodes is not null)
        {
            await nodes.ChangedAsync(PublicitySite.Changes.SharedState.Synonyms, cancellationToken);
        }

        return [];
    }

    private static List<string> Validate(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        var errors = new List<string>();
        if (groups.Count > MaxGroups)
        {
            errors.Add($"同义词最多 {MaxGroups} 组");
        }

        for (var i = 0; i < groups.Count; i++)
        {
            var words = groups[i]?.Select(w => w?.Trim() ?? "").ToList() ?? [];
            if (words.Distinct().Count() < 2)
            {
                errors.Add($"第 {i + 1} 组至少应有两个不同的词");
            }

            if (words.Any(w => w.Length == 0 || w.Length > MaxWordLength || w.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
            {
                errors.Add($"第 {i + 1} 组含有空词、过长的词（超过 {MaxWordLength} 字）或空白字符");
            }
        }

        return errors;
    }

    private static List<IReadOnlyList<string>> LoadDefaults()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PublicitySite.Search.Data.synonyms.txt")
            ?? throw new InvalidOperationException("The default synonyms are not embedded.");
        using var reader = new StreamReader(stream);
        var groups = new List<IReadOnlyList<string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                groups.Add(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return groups;
    }

    private sealed class Snapshot
    {
        public Snapshot(IEnumerable<IReadOnlyList<string>> groups)
        {
            Groups = groups.Select(g => (IReadOnlyList<string>)g.ToList()).ToList();
            foreach (var group in Groups)
            {
                var folded = group.Select(TextFolding.Fold).Distinct().ToList();
                foreach (var word in folded)
                {
                    Lookup[word] = Lookup.TryGetValue(word, out var existing) ? [.. existing.Union(folded)] : folded;
                }
            }
        }

        public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

        public Dictionary<string, IReadOnlyList<string>> Lookup { get; } = new(StringComparer.Ordinal);
    }
}
