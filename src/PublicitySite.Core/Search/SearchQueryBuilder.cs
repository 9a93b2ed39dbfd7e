using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PublicitySite.Search;

/// <summary>
/// Builds the Lucene query for a plan. Every unit must be present (as consecutive characters, in any field);
/// scores come from where it is found (title above names above metadata above body), from the query's words
/// appearing together as typed (an exact phrase beats scattered characters) and from SmartCn word matches.
/// </summary>
internal static class SearchQueryBuilder
{
    private static readonly (string Field, float Boost)[] UnitFields =
    [
        (SearchFields.Title, 6f),
        (SearchFields.Names, 5f),
        (SearchFields.Meta, 2f),
        (SearchFields.Body, 1f),
    ];

    /// <summary>The query; with <paramref name="matchAny"/> a unit is enough (the fallback when none holds them all).</summary>
    public static Query Build(QueryPlan plan, bool matchAny)
    {
        var units = new BooleanQuery();
        foreach (var unit in plan.Units)
        {
            if (UnitQuery(unit) is { } q)
            {
                units.Add(q, unit.Optional || matchAny ? Occur.SHOULD : Occur.MUST);
            }
        }

        var query = new BooleanQuery { { units, Occur.MUST } };
        foreach (var phrase in plan.Phrases)
        {
            var together = new DisjunctionMaxQuery(0.2f);
            Add(together, Phrase(SearchFields.Title, phrase), 8f);
            Add(together, Phrase(SearchFields.Names, phrase), 6f);
            Add(together, Phrase(SearchFields.Body, phrase), 2f);
            query.Add(together, Occur.SHOULD);
        }

        var words = SearchAnalyzers.Tokens(SearchAnalyzers.Words, SearchFields.TitleWords, plan.WordText);
        if (words.Count > 0)
        {
            var wordQuery = new BooleanQuery();
            foreach (var (term, _) in words.DistinctBy(w => w.Term))
            {
                wordQuery.Add(new TermQuery(new Term(SearchFields.TitleWords, term)) { Boost = 1.5f }, Occur.SHOULD);
            }

            query.Add(wordQuery, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>One unit alone, for suggestions.</summary>
    public static Query? UnitQuery(QueryUnit unit)
    {
        var any = new DisjunctionMaxQuery(0.3f);
        // A synonym that contains the unit (人民政协 for 政协) can only match where the unit already does: it adds
        // no recall and costs a positional match over every hit, so only the others are queried.
        foreach (var alternative in unit.Alternatives.Where(a => a == unit.Text || !a.Contains(unit.Text, StringComparison.Ordinal)))
        {
            foreach (var (field, boost) in UnitFields)
            {
                Add(any, Phrase(field, alternative), boost);
            }
        }

        return any.Disjuncts.Count == 0 ? null : any;
    }

    private static void Add(DisjunctionMaxQuery target, Query? query, float boost)
    {
        if (query is not null)
        {
            query.Boost = boost;
            target.Add(query);
        }
    }

    /// <summary>
    /// The bigrams of <paramref name="text"/> as a phrase. A single Chinese character has no bigram of its own,
    /// so it matches the bigrams it starts (and a character standing alone).
    /// </summary>
    private static Query? Phrase(string field, string text)
    {
        var tokens = SearchAnalyzers.Tokens(SearchAnalyzers.Bigrams, field, text);
        if (tokens.Count == 0)
        {
            return null;
        }

        if (tokens.Count == 1)
        {
            var term = tokens[0].Term;
            if (term.Length == 1 && TextFolding.IsHan(term[0]))
            {
                return new BooleanQuery
                {
                    { new TermQuery(new Term(field, term)), Occur.SHOULD },
                    { CharacterFilters.Query(field, term), Occur.SHOULD },
                };
            }

            return new TermQuery(new Term(field, term));
        }

        var phrase = new PhraseQuery();
        foreach (var (term, position) in tokens)
        {
            phrase.Add(new Term(field, term), position);
        }

        return phrase;
    }
}
