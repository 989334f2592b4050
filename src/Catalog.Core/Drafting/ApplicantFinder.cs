using Catalog.Core.Search;
using Catalog.Japanese;
using Catalog.Japanese.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalog.Core.Drafting;

/// <summary>
/// Applicant classes (申請主体) from the text after a 提案主体 / 応募主体 / 補助対象者 label. Words are cut
/// by the project's Japanese tokenizer and read by <see cref="QueryUnderstanding.ReadWord"/>, the
/// same mapping a search query gets (市町村 → 市区町村, 企業 → 民間事業者). A word counts only when it
/// stands whole: 事業者 inside 補助事業者 and 県 inside 県内 are not applicants.
/// </summary>
public static class ApplicantFinder
{
    private static readonly string[] Labels =
    [
        "提案主体", "応募主体", "申請主体", "補助対象事業者", "補助対象者", "交付対象者", "補助事業者", "応募資格", "応募できる者",
        "申請できる者", "対象団体", "交付対象", "実施主体", "事業主体", "対象者", "対象",
    ];

    // Tokens that end a noun run without belonging to the class word before them.
    private static readonly HashSet<string> Breaks = new(StringComparer.Ordinal) { "及び", "及", "又は", "又", "並びに", "若しくは", "等", "など", "その他", "ほか", "他", "の" };
    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal) { "等", "など", "法人" };

    public static List<Found<List<string>>> Find(DocumentLines doc)
    {
        var found = new List<Found<List<string>>>();
        foreach (var (line, at, label) in doc.FindLabels(Labels))
        {
            var text = doc.Lines[line];
            var after = at + label.Length < text.Length ? text[at + label.Length] : '\n';
            // A heading or a table label (（２）提案主体, 補助対象者：), not the word inside a sentence.
            if (after is not ('：' or ':' or ' ' or '　' or '\t' or '】' or ')' or '）' or '\n')) continue;
            if (label == "対象" && text[..at].Trim(' ', '　', '・', '-', '•', '\t').Length > 0) continue; // ・対象 heads a list item only
            var (value, quote) = doc.After(line, at, label);
            var classes = ClassesIn(value);
            if (classes.Count == 0) continue;
            found.Add(new(classes, quote));
        }
        // 地方公共団体や企業・団体などを対象に広く提案を募集します: who a call is addressed to.
        for (var i = 0; i < doc.Lines.Count; i++)
            foreach (var sentence in doc.Lines[i].Split('。'))
            {
                var at = sentence.IndexOf("を対象に", StringComparison.Ordinal);
                if (at < 0 || !(sentence.Contains("募集", StringComparison.Ordinal) || sentence.Contains("公募", StringComparison.Ordinal))) continue;
                var who = sentence[Math.Max(0, at - 40)..at];
                var classes = ClassesIn(who[(who.LastIndexOfAny(['、', '，', 'し', 'は']) + 1)..]);
                if (classes.Count > 0) found.Add(new(classes, sentence.Trim()));
            }
        return found;
    }

    /// <summary>The applicant classes a text names, in order, each once.</summary>
    public static List<string> ClassesIn(string text)
    {
        var classes = Matches(text).Select(m => m.Class).Distinct().ToList();
        // 都道府県若しくは市町村(以下「地方公共団体」という。): the definition adds no class.
        if (classes.Contains("都道府県") && classes.Contains("市区町村")) classes.Remove("地方公共団体");
        return classes;
    }

    /// <summary>The last applicant class a text names (the one a following amount belongs to), or null.</summary>
    public static string? LastClassIn(string text) => Matches(text).Select(m => m.Class).LastOrDefault();

    // How notices name applicants that a search query does not: the head noun of a compound
    // (地域交通協議会, サービス事業体, NPO団体). Only read after an applicant label or in a call's sentence.
    private static readonly (string Ending, string Class)[] HeadNouns =
    [
        ("協議会", "コンソーシアム"), ("事業体", "民間事業者"), ("民間団体", "NPO・団体"), ("NPO団体", "NPO・団体"), ("NPO法人", "NPO・団体"),
    ];

    private static List<(string Class, int End)> Matches(string text)
    {
        var tokens = Tokens(text);
        var result = WordMatches(tokens);
        // A noun run that ends in a head noun, unless a word of the run was read already.
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && !EndsRun(tokens, i - 1, i)) continue;
            var j = i + 1;
            while (j < tokens.Count && !EndsRun(tokens, j - 1, j)) j++;
            var run = string.Concat(tokens.Skip(i).Take(j - i).Select(t => t.Text));
            var end = tokens[j - 1].End;
            if (HeadNouns.FirstOrDefault(h => run.EndsWith(h.Ending, StringComparison.Ordinal)) is { Class: { } head }
                && !result.Any(r => r.End > tokens[i].Start && r.End <= end))
                result.Add((head, end));
            i = j - 1;
        }
        return result.OrderBy(r => r.End).ToList();
    }

    private static List<(string Class, int End)> WordMatches(List<(string Text, int Start, int End)> tokens)
    {
        var result = new List<(string, int)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && !EndsRun(tokens, i - 1, i)) continue;
            for (var j = Math.Min(tokens.Count, i + 4); j > i; j--)
            {
                if (j < tokens.Count && !EndsRun(tokens, j - 1, j) && !Suffixes.Contains(tokens[j].Text)) continue;
                var word = string.Concat(tokens.Skip(i).Take(j - i).Select(t => t.Text));
                var part = QueryUnderstanding.ReadWord(QueryUnderstanding.Normalize(word), DateTimeOffset.UnixEpoch)
                    .FirstOrDefault(p => p.Filter == "applicant");
                if (part is null) continue;
                result.Add((part.Value, tokens[j - 1].End));
                i = j - 1;
                break;
            }
        }
        return result;
    }

    // A noun run ends between two tokens when they are not adjacent, or either is punctuation,
    // kana particles or a conjunction (及び, 等).
    private static bool EndsRun(List<(string Text, int Start, int End)> tokens, int before, int after) =>
        tokens[before].End != tokens[after].Start || !IsWordy(tokens[before].Text) || !IsWordy(tokens[after].Text)
        || Breaks.Contains(tokens[before].Text) || Breaks.Contains(tokens[after].Text);

    private static bool IsWordy(string token)
    {
        var c = token[0];
        // Kanji, katakana (not the middle dot ・, which separates words), Latin letters and digits.
        return char.IsAsciiLetterOrDigit(c) || c is >= '\u4E00' and <= '\u9FFF' or >= '\u30A1' and <= '\u30FA' or '\u30FC' or >= '\uFF21' and <= '\uFF5A';
    }

    private static List<(string Text, int Start, int End)> Tokens(string text)
    {
        var tokens = new List<(string, int, int)>();
        using var tokenizer = new JapaneseTokenizer(new StringReader(text), null, JapaneseTokenizerMode.Normal, discardPunctuation: false);
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        var offset = tokenizer.AddAttribute<IOffsetAttribute>();
        tokenizer.Reset();
        while (tokenizer.IncrementToken())
            if (term.Length > 0 && !string.IsNullOrWhiteSpace(term.ToString())) tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        tokenizer.End();
        return tokens;
    }
}
