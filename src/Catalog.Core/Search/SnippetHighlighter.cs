using System.Net;
using System.Text;
using Catalog.Core.Programs;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalog.Core.Search;

/// <summary>
/// Builds snippets: finds matched words by the analyzer's offsets into the stored text, cuts a
/// window around the first match, HTML-escapes the source text and only then inserts
/// <c>&lt;mark&gt;</c> at the exact offsets. No markup from the source ever survives.
/// </summary>
public sealed class SnippetHighlighter(CatalogAnalyzers analyzers)
{
    public const int Before = 24;
    public const int Length = 110;
    public const int MaxSnippets = 3;

    public IReadOnlyList<Snippet> Snippets(ProgramRecord p, IReadOnlySet<string> terms, IReadOnlyList<string> words)
    {
        if (terms.Count == 0 && words.Count == 0) return [];
        var candidates = new List<(string Field, string Text)> { ("name", p.Name) };
        candidates.AddRange(p.Aliases.Select(a => ("aliases", a)));
        foreach (var (field, text) in new[] { ("summary", p.Summary), ("purpose", p.Purpose), ("supportContent", p.SupportContent), ("notes", p.Notes) })
            if (!string.IsNullOrEmpty(text)) candidates.Add((field, text));
        candidates.AddRange(p.Requirements.Select(r => ("requirements", r)));
        candidates.AddRange(p.Adoptions.Select(a => ("adoptions", $"{a.Prefecture}{a.Municipality} {a.Title}".Trim())));

        var snippets = new List<Snippet>();
        foreach (var (field, text) in candidates)
        {
            var spans = Matches(text, terms, words);
            if (spans.Count == 0) continue;
            // One snippet per field, name first, then the fields in the order above.
            if (snippets.Any(s => s.Field == field)) continue;
            snippets.Add(new Snippet(field, Render(text, spans)));
            if (snippets.Count == MaxSnippets) break;
        }
        return snippets;
    }

    /// <summary>Matched character spans of <paramref name="text"/>, merged and ordered.</summary>
    public List<(int Start, int End)> Matches(string text, IReadOnlySet<string> terms, IReadOnlyList<string> words)
    {
        var spans = new List<(int Start, int End)>();
        if (terms.Count > 0)
        {
            using var stream = analyzers.ForHighlight.GetTokenStream(SearchSchema.Body, text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
                if (terms.Contains(term.ToString())) spans.Add((offset.StartOffset, offset.EndOffset));
            stream.End();
        }
        // Words the analysis splits differently in the text still show when they occur verbatim.
        foreach (var w in words)
        {
            if (w.Length == 0) continue;
            for (var at = text.IndexOf(w, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(w, at + w.Length, StringComparison.OrdinalIgnoreCase))
                spans.Add((at, at + w.Length));
        }
        spans.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var s in spans)
        {
            if (s.End > text.Length || s.Start >= s.End) continue;
            if (merged.Count > 0 && s.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, s.End));
            else merged.Add(s);
        }
        return merged;
    }

    /// <summary>The window around the first span, escaped, with marks.</summary>
    public static string Render(string text, List<(int Start, int End)> spans)
    {
        var start = Math.Max(0, spans[0].Start - Before);
        var end = Math.Min(text.Length, start + Length);
        if (end - start < Length) start = Math.Max(0, end - Length);
        if (start > 0 && char.IsLowSurrogate(text[start])) start--;
        if (end < text.Length && char.IsLowSurrogate(text[end])) end++;

        var sb = new StringBuilder();
        if (start > 0) sb.Append('…');
        var at = start;
        foreach (var (s0, e0) in spans)
        {
            var s = Math.Max(s0, start);
            var e = Math.Min(e0, end);
            if (s >= e) continue;
            sb.Append(WebUtility.HtmlEncode(text[at..s]));
            sb.Append("<mark>").Append(WebUtility.HtmlEncode(text[s..e])).Append("</mark>");
            at = e;
        }
        sb.Append(WebUtility.HtmlEncode(text[at..end]));
        if (end < text.Length) sb.Append('…');
        return sb.ToString();
    }
}
