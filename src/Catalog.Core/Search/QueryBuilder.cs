using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Core.Search;

/// <summary>
/// Turns parsed query text into a Lucene query: each word is searched in every text field
/// with the field's boost (name and aliases above tags above body), expanded with synonyms,
/// and the words are ANDed — or ORed when the caller relaxes a query that found nothing.
/// </summary>
public sealed class QueryBuilder(CatalogAnalyzers analyzers, SynonymSet synonyms)
{
    /// <summary>Field boosts: what a match in each field is worth.</summary>
    public static readonly IReadOnlyList<(string Field, float Boost)> Fields =
    [
        (SearchSchema.Name, 8f),
        (SearchSchema.Aliases, 6f),
        (SearchSchema.Reading, 3f),
        (SearchSchema.Tags, 4f),
        (SearchSchema.Org, 2f),
        (SearchSchema.Body, 1f),
        (SearchSchema.Adoptions, 0.7f),
        (SearchSchema.Bigram, 0.5f),
    ];

    public sealed record Built(Query Query, IReadOnlySet<string> HighlightTerms, IReadOnlyList<string> HighlightWords, int RequiredGroups);

    public Built Build(QueryText text, bool relaxed)
    {
        var highlightTerms = new HashSet<string>(StringComparer.Ordinal);
        var highlightWords = new List<string>();
        if (text.IsEmpty) return new(new MatchAllDocsQuery(), highlightTerms, highlightWords, 0);

        var root = new BooleanQuery();
        var groups = 0;
        foreach (var group in text.Required)
        {
            var alternatives = new BooleanQuery();
            foreach (var word in group)
            {
                if (WordQuery(word, highlightTerms, highlightWords) is { } q) alternatives.Add(q, Occur.SHOULD);
            }
            if (alternatives.Clauses.Count == 0) continue; // a word of punctuation only
            root.Add(alternatives, relaxed ? Occur.SHOULD : Occur.MUST);
            groups++;
        }
        foreach (var word in text.Excluded)
            if (WordQuery(word, null, null) is { } q) root.Add(q, Occur.MUST_NOT);

        // Only exclusions: everything but them.
        if (groups == 0) root.Add(new MatchAllDocsQuery(), Occur.MUST);
        return new(root, highlightTerms, highlightWords, groups);
    }

    private Query? WordQuery(QueryWord word, HashSet<string>? highlightTerms, List<string>? highlightWords)
    {
        var forms = new List<(string Text, float Weight)> { (word.Text, 1f) };
        forms.AddRange(synonyms.Expand(word.Text));
        var any = new BooleanQuery();
        foreach (var (formText, weight) in forms)
        {
            var perField = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, boost) in Fields)
            {
                var tokens = Analyze(analyzers.ForQuery(field), field, formText);
                if (tokens.Count == 0) continue;
                var q = FieldQuery(field, tokens, phrase: word.Phrase || field == SearchSchema.Bigram);
                q.Boost = boost;
                perField.Add(q);
                if (highlightTerms is not null && field == SearchSchema.Body)
                    foreach (var t in tokens) highlightTerms.Add(t.Term);
            }
            if (perField.Disjuncts.Count == 0) continue;
            perField.Boost = weight;
            any.Add(perField, Occur.SHOULD);
            highlightWords?.Add(formText);
        }
        return any.Clauses.Count switch
        {
            0 => null,
            1 => any.Clauses[0].Query,
            _ => any,
        };
    }

    private static Query FieldQuery(string field, List<(string Term, int Position)> tokens, bool phrase)
    {
        if (tokens.Count == 1) return new TermQuery(new Term(field, tokens[0].Term));
        var byPosition = tokens.GroupBy(t => t.Position).OrderBy(g => g.Key).ToList();
        if (phrase)
        {
            if (byPosition.All(g => g.Count() == 1))
            {
                var pq = new PhraseQuery();
                foreach (var t in tokens) pq.Add(new Term(field, t.Term), t.Position);
                return pq;
            }
            var mpq = new MultiPhraseQuery();
            foreach (var g in byPosition) mpq.Add(g.Select(t => new Term(field, t.Term)).ToArray(), g.Key);
            return mpq;
        }
        var all = new BooleanQuery();
        foreach (var g in byPosition)
        {
            if (g.Count() == 1) { all.Add(new TermQuery(new Term(field, g.First().Term)), Occur.MUST); continue; }
            var same = new BooleanQuery();
            foreach (var t in g) same.Add(new TermQuery(new Term(field, t.Term)), Occur.SHOULD);
            all.Add(same, Occur.MUST);
        }
        return all;
    }

    /// <summary>Terms and positions of <paramref name="text"/> as <paramref name="analyzer"/> sees it in <paramref name="field"/>.</summary>
    public static List<(string Term, int Position)> Analyze(Analyzer analyzer, string field, string text)
    {
        var result = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            result.Add((term.ToString(), Math.Max(position, 0)));
        }
        stream.End();
        return result;
    }
}
