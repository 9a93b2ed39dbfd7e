using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PublicitySite.Search;

/// <summary>
/// "Documents holding this character" for a lone Chinese character in a bigram field: every bigram it starts,
/// which Lucene finds by walking the field's terms with that prefix — hundreds of terms for a common one like
/// 的. Kept per field and character as a bit set per segment (see <see cref="BitSetCachingFilter"/>), so the
/// walk happens once a segment rather than once a query. Bounded: past the limit it starts again.
/// </summary>
internal static class CharacterFilters
{
    private const int Limit = 1024;
    private static readonly ConcurrentDictionary<(string Field, string Character), Filter> Filters = new();

    public static Query Query(string field, string character)
    {
        if (Filters.Count >= Limit)
        {
            Filters.Clear();
        }

        var filter = Filters.GetOrAdd((field, character), key => new BitSetCachingFilter(new PrefixFilter(new Term(key.Field, key.Character))));
        return new ConstantScoreQuery(filter);
    }
}
