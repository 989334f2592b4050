using Catalog.Core.Programs;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;

namespace Catalog.Core.Search;

/// <summary>
/// Completions for the search box: program names, aliases and fields, matched on the text
/// and, for kana, on readings. The list is built once per index generation.
/// </summary>
internal sealed class ProgramSuggester(CatalogAnalyzers analyzers, ILogger logger)
{
    public IReadOnlyList<Suggestion> Suggest(IndexGeneration g, string q, int max)
    {
        var needle = TextNormalizer.FoldToKatakana(TextNormalizer.Normalize(q));
        if (needle.Length == 0) return [];
        return g.Suggestions(Build).Find(needle, max);
    }

    /// <summary>The generation's list of names, aliases and fields with their readings (built once).</summary>
    public SuggestionList List(IndexGeneration g) => g.Suggestions(Build);

    // The completion list takes seconds to build for a large catalogue: build it in the background
    // as soon as a generation is current, so no keystroke waits for it (a request that comes
    // earlier waits for the one build in progress).
    public void Warm(IndexGeneration g) => Task.Run(() =>
    {
        if (!g.TryAcquire()) return;
        try { g.Suggestions(Build); }
        catch (Exception e) { logger.LogWarning(e, "Could not prepare suggestions for {Directory}", g.Path); }
        finally { g.Release(); }
    });

    private SuggestionList Build(IndexSearcher searcher, int maxDoc)
    {
        var entries = new List<(Suggestion, string, string)>();
        (Suggestion, string, string) Entry(string text, string kind, string? id) =>
            (new Suggestion(text, kind, id), TextNormalizer.FoldToKatakana(TextNormalizer.Normalize(text)), analyzers.ReadingOf(text));
        for (var doc = 0; doc < maxDoc; doc++)
        {
            var r = SearchHits.Load(searcher, doc);
            entries.Add(Entry(r.Name, "name", r.Id));
            entries.AddRange(r.Aliases.Select(a => Entry(a, "alias", r.Id)));
        }
        entries.AddRange(Vocabulary.Fields.Select(f => Entry(f, "field", null)));
        return new SuggestionList(entries);
    }
}

/// <summary>A completion: <see cref="Kind"/> is name, alias or field; <see cref="Id"/> the program, if any.</summary>
public sealed record Suggestion(string Text, string Kind, string? Id);
