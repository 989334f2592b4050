using System.Text;

namespace Catalog.Core.Search;

/// <summary>
/// What planners type, read as they mean it, before the query is built: hiragana also searches
/// its katakana (どろーん → ドローン); a kana word also searches the catalogue's terms read that way
/// (じどううんてん → 自動運転, ぼうさい → 防災); a katakana word the catalogue does not know, one edit
/// from one it knows, also searches that one and is reported as 「もしかして」 (スマートシテイ →
/// スマートシティ); two words that together are a synonym term are one word (smart city). The
/// words as typed are always searched too: this only adds alternatives.
/// </summary>
internal static class QueryExpansion
{
    /// <summary>Shortest katakana word corrected as a typo; shorter ones have too many neighbours.</summary>
    public const int TypoMinLength = 5;

    public sealed record Expanded(QueryText Text, string? DidYouMean);

    public static Expanded Expand(QueryText text, string? q, Func<SuggestionList>? vocabulary, SynonymSet synonyms)
    {
        var groups = JoinSynonymPairs(text.Required, synonyms);
        var corrections = new List<(string From, string To)>();
        var expanded = new List<IReadOnlyList<QueryWord>>();
        foreach (var group in groups)
        {
            var words = new List<QueryWord>(group);
            foreach (var word in group)
            {
                if (word.Phrase) continue;
                var normalized = TextNormalizer.Normalize(word.Text);
                var katakana = LongVowels(TextNormalizer.FoldToKatakana(normalized));
                if (katakana != normalized) Add(words, katakana);
                if (vocabulary is null || !IsKana(katakana)) continue;
                var list = vocabulary();
                var readAs = list.TextsReadAs(katakana);
                foreach (var t in readAs) Add(words, t);
                if (readAs.Count == 0 && katakana.Length >= TypoMinLength && !list.IsKatakanaTerm(katakana)
                    && list.KatakanaTermsOneEditFrom(katakana) is [var nearest, ..])
                {
                    Add(words, nearest);
                    corrections.Add((word.Text, nearest));
                }
            }
            expanded.Add(words);
        }
        string? didYouMean = null;
        if (corrections.Count > 0 && q is not null)
        {
            var b = new StringBuilder(q);
            foreach (var (from, to) in corrections) b.Replace(from, to);
            didYouMean = b.ToString();
        }
        return new(new QueryText(expanded, text.Excluded), didYouMean);
    }

    // A dash typed for the long-vowel mark after kana (スマ−トシティ, ド-ロン) is the mark.
    private static string LongVowels(string s)
    {
        if (s.IndexOfAny(['−', '‐', '-', '－', '—', '―']) < 0) return s;
        var chars = s.ToCharArray();
        for (var i = 1; i < chars.Length; i++)
            if (chars[i] is '−' or '‐' or '-' or '－' or '—' or '―' && chars[i - 1] is >= '\u30A1' and <= '\u30FA' or 'ー')
                chars[i] = 'ー';
        return new string(chars);
    }

    private static void Add(List<QueryWord> words, string text)
    {
        if (!words.Any(w => TextNormalizer.Normalize(w.Text) == TextNormalizer.Normalize(text))) words.Add(new QueryWord(text, false));
    }

    // Katakana (with ー) only: the words whose reading can stand for a kanji term or hide a typo.
    private static bool IsKana(string s) => s.Length > 0 && s.All(c => c is >= '\u30A1' and <= '\u30FA' or 'ー');

    private static List<IReadOnlyList<QueryWord>> JoinSynonymPairs(IReadOnlyList<IReadOnlyList<QueryWord>> groups, SynonymSet synonyms)
    {
        var joined = new List<IReadOnlyList<QueryWord>>();
        for (var i = 0; i < groups.Count; i++)
        {
            if (i + 1 < groups.Count && groups[i] is [{ Phrase: false } a] && groups[i + 1] is [{ Phrase: false } b]
                && synonyms.IsTerm(a.Text + " " + b.Text))
            {
                joined.Add([new QueryWord(a.Text + " " + b.Text, false)]);
                i++;
                continue;
            }
            joined.Add(groups[i]);
        }
        return joined;
    }
}
