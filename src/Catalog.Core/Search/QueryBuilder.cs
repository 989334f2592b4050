using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Core.Search;

/// <summary>
/// Turns parsed query text into a Lucene query: each word is searched in every text field
/// with the field's boost (name and aliases above tags above body), expanded with synonyms,
/// and the words are ANDed — or ORed when the caller relaxes a query that found nothing.
/// Every word also matches as a substring: a phrase of its character bigrams in the bigram
/// field, at a boost far below the morphological fields. The lattice segments a word the
/// dictionary does not know differently by context (「、ドローンと」 is ド / ローン while the
/// query ドローン is one token), so without it such records were missed; with it a record
/// holding the whole word as a token still ranks above one where the characters only meet.
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
        (SearchSchema.Bigram, SubstringBoost),
    ];

    /// <summary>
    /// What a substring (bigram phrase) match is worth: a constant (see <see cref="Substring"/>)
    /// far below any morphological match, so a record holding the whole word as a token ranks
    /// above one where its characters only meet.
    /// </summary>
    public const float SubstringBoost = 0.01f;

    public sealed record Built(Query Query, IReadOnlySet<string> HighlightTerms, IReadOnlyList<string> HighlightWords, int RequiredGroups);

    // Built queries are immutable once built and safe to share between searches; planners'
    // queries repeat, and analysing a word for eight fields costs more than the search itself.
    // One cache per synonym version, replaced whole when the synonyms change. When full it keeps
    // what it has and stops adding: a miss never takes the dictionary's every lock (Count does)
    // and a full cache never empties itself under load.
    private Cache _cache = new(-1);
    public const int CacheSize = 1024;

    private sealed class Cache(int synonyms)
    {
        public int Synonyms { get; } = synonyms;
        public System.Collections.Concurrent.ConcurrentDictionary<(string Text, QueryMode Mode), Built> Entries { get; } = new();
        public int Count;
    }

    /// <summary>How many built queries are cached (for tests).</summary>
    public int CachedCount => Volatile.Read(ref _cache).Count;

    /// <summary>
    /// How to combine the words: <see cref="QueryMode.Precise"/> requires every word;
    /// <see cref="QueryMode.Relaxed"/> ORs them, for when every word together finds nothing.
    /// Both search every field, the bigram substring field included.
    /// </summary>
    public enum QueryMode { Precise, Relaxed }

    public Built Build(QueryText text, QueryMode mode)
    {
        var version = synonyms.Version;
        var cache = Volatile.Read(ref _cache);
        if (cache.Synonyms != version)
        {
            var fresh = new Cache(version);
            cache = Interlocked.CompareExchange(ref _cache, fresh, cache) == cache ? fresh : Volatile.Read(ref _cache);
        }
        var key = (Key(text), mode);
        if (cache.Entries.TryGetValue(key, out var cached)) return cached;
        var built = BuildUncached(text, mode);
        // Reserve a slot first, so concurrent misses never overfill the cache.
        if (Interlocked.Increment(ref cache.Count) <= CacheSize) { if (!cache.Entries.TryAdd(key, built)) Interlocked.Decrement(ref cache.Count); }
        else Interlocked.Decrement(ref cache.Count);
        return built;
    }

    private static string Key(QueryText text) =>
        string.Join("\u0001", text.Required.Select(g => string.Join("\u0002", g.Select(w => (w.Phrase ? "\"" : "") + w.Text))))
        + "\u0003" + string.Join("\u0002", text.Excluded.Select(w => (w.Phrase ? "\"" : "") + w.Text));

    private Built BuildUncached(QueryText text, QueryMode mode)
    {
        var relaxed = mode == QueryMode.Relaxed;
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
            var normalized = TextNormalizer.Normalize(formText);
            foreach (var (field, boost) in Fields)
            {
                var tokens = CatalogAnalyzers.Tokens(analyzers.ForQuery(field), field, formText);
                if (tokens.Count == 0) continue;
                // Search mode keeps a compound beside its parts; when one token is the whole
                // word, that token alone finds it (the text was indexed with the same compound).
                if (!word.Phrase && !CatalogAnalyzers.IsNGramField(field) && tokens.Count > 1 && tokens.FirstOrDefault(t => t.Term == normalized) is { Term: not null } whole)
                    tokens = [whole];
                var q = FieldQuery(field, tokens, phrase: word.Phrase || CatalogAnalyzers.IsNGramField(field));
                if (field == SearchSchema.Bigram) q = Substring(q);
                q.Boost = boost;
                perField.Add(q);
                // A lone character of a longer word (市 of 加賀市) would mark every 市 of the text:
                // only the word's longer pieces are marked (the word itself is, where it occurs).
                if (highlightTerms is not null && field == SearchSchema.Body)
                    foreach (var t in tokens)
                        if (t.Term.Length > 1 || normalized.Length == 1) highlightTerms.Add(t.Term);
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

    /// <summary>
    /// The bigram phrase as a cached, constant-score filter. It is there for recall, not to rank:
    /// reading the positions of every record holding a common word's bigrams made it the most
    /// costly clause of a query. The matching records are kept per segment (built queries are
    /// cached, and the filter with them), so a repeated word costs a bitset walk; every record
    /// found only as a substring scores the same small constant, below any morphological match,
    /// and ties fall to the usual id order.
    /// </summary>
    private static Query Substring(Query phrase) =>
        phrase is TermQuery ? phrase : new ConstantScoreQuery(new CachingWrapperFilter(new QueryWrapperFilter(phrase)));

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
}
