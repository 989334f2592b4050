using System.Text.RegularExpressions;
using Catalog.Core.Notation;

namespace Catalog.Core.Drafting;

/// <summary>A cap as a document states it: the amount text, the applicant class it is for, and per what.</summary>
public sealed record FoundCap(string Text, long Yen, string? Applicant, string? Per);

/// <summary>
/// 補助率 and caps (上限額) read after their labels. A value is taken only where a label says what
/// it is: a fraction or an amount elsewhere in the text (地方負担分(1/2), 予算額) is not a rate or a cap.
/// Each candidate is checked by the project's own parsers (<see cref="RateText"/>, <see cref="Money"/>).
/// </summary>
public static partial class RateAndCapFinder
{
    private static readonly string[] RateLabels = ["補助率", "交付率", "助成率", "補助割合", "負担割合（国）"];
    private static readonly string[] CapLabels = ["補助上限額", "交付上限額", "上限額", "補助限度額", "限度額", "補助金の上限", "補助上限", "上限"];

    // One rate as written: 定額, 1/2, １／２, 2分の1, ２分の１, 50%, each maybe 以内; several joined by 、 or または.
    private const string OneRate = @"(?:定額|[0-9０-９]{1,3}\s*[/／]\s*[0-9０-９]{1,3}|[0-9０-９]{1,3}\s*分\s*の\s*[0-9０-９]{1,3}|[0-9０-９]{1,3}(?:[.．][0-9０-９]+)?\s*[%％])(?:\s*以内)?";

    [GeneratedRegex(OneRate + @"(?:\s*(?:、|，|,|・|または|若しくは)\s*" + OneRate + ")*")]
    private static partial Regex RatePhrase();

    // A rate in running text or a table cell without a label: 補助対象経費の2分の1以内, 1/2を補助, 2/3(上限1億円).
    [GeneratedRegex(@"経費の\s*(?<r>" + OneRate + @")|(?<r>" + OneRate + @")\s*(?:を|まで)\s*(?:補助|助成|交付)|最大\s*(?<r>" + OneRate + @")\s*の?範囲内で補助|(?<![0-9０-９/／])(?<r>" + OneRate + @")\s*[（(]\s*上限")]
    private static partial Regex RateInSentence();

    // An amount as written: 3.0億円, 3,000万円, １億５，０００万円, 10,000 千円.
    [GeneratedRegex(@"(?<![0-9０-９,，.．])(?:[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s?(?:兆|億|千万|百万|万|千)\s?)*[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s?(?:兆|億|千万|百万|万|千)?\s?円")]
    private static partial Regex Amount();

    // A menu under a 補助率 heading with its rate in brackets: A 立上げ・事業拡大の取組(ソフト:定額).
    [GeneratedRegex(@"[（(][^（）()\n]{1,12}[:：]\s*(?<r>" + OneRate + @")\s*[）)]")]
    private static partial Regex MenuRate();

    // A cap table's rows under its heading: 都道府県:15億円/年度 中枢中核:15億円/年度 市区町村:10億円/年度.
    [GeneratedRegex(@"(?<who>[^:：\s、。()（）]{1,12})\s*[:：]\s*(?<amount>[0-9０-９][0-9０-９,，.．]*\s?(?:兆|億|千万|百万|万|千)?\s?円)(?<per>\s*/\s*年度?)?")]
    private static partial Regex ClassAmount();

    // A menu row closing on its cap, under a short cap heading: ア イ以外の場合 1,500万円.
    [GeneratedRegex(@"\s(?<amount>[0-9０-９][0-9０-９,，.．]*\s?(?:兆|億|千万|百万|万|千)?\s?円)(?:まで|以内)?\s*$")]
    private static partial Regex RowEndingInAmount();

    /// <summary>Every distinct rate the document states after a rate label or in a 経費のN分のM sentence, in document order.</summary>
    public static List<Found<string>> Rates(DocumentLines doc)
    {
        var found = new List<Found<string>>();
        foreach (var (line, at, label) in doc.FindLabels(RateLabels))
        {
            var (value, quote) = doc.After(line, at, label);
            var end = value.IndexOfAny(['。', '\n'], Math.Min(value.Length, 1));
            var sentence = end < 0 ? value : value[..end];
            var matches = RatePhrase().Matches(sentence);
            // The rate follows its label closely (補助率 1/2, 補助率：定額); further on it is about something else.
            if (matches.Count == 0 || matches[0].Index > 12) continue;
            foreach (Match m in matches) Add(found, m.Value.Trim(), Shorten(quote, m.Value));
        }
        foreach (var (line, _, _) in doc.FindLabels(RateLabels))
            for (var i = line + 1; i < Math.Min(doc.Lines.Count, line + 10); i++)
                foreach (Match m in MenuRate().Matches(doc.Lines[i]))
                    Add(found, m.Groups["r"].Value.Trim(), doc.Lines[i].Trim());
        for (var i = 0; i < doc.Lines.Count; i++)
            foreach (Match m in RateInSentence().Matches(doc.Lines[i]))
                Add(found, m.Groups["r"].Value.Trim(), doc.Sentence(i, m.Index));
        return found;

        static void Add(List<Found<string>> found, string text, string quote)
        {
            if (RateText.TryParse(text, out _) is not { Kind: not "none" } parsed) return;
            if (found.Any(f => RateText.TryParse(f.Value, out _) is { } other && other.Kind == parsed.Kind && other.Fractions.SequenceEqual(parsed.Fractions))) return;
            found.Add(new(text, quote));
        }
    }

    /// <summary>Every distinct cap after a cap label: several amounts on one line each get the applicant class written before them.</summary>
    public static List<Found<FoundCap>> Caps(DocumentLines doc)
    {
        var found = new List<Found<FoundCap>>();
        foreach (var (line, at, label) in doc.FindLabels(CapLabels))
        {
            if (Near(doc, line, at, "予算")) continue; // a budget line, not a cap
            TableRows(doc, line, found);
            var (value, quote) = doc.After(line, at, label);
            var amounts = Amount().Matches(value).Where(m => m.Index <= 60).ToList();
            if (amounts.Count == 0 || amounts[0].Index > 30) continue;
            var per = Per(doc.Lines[line]);
            var from = 0;
            foreach (var m in amounts)
            {
                var money = Money.Parse(m.Value);
                if (money is not { Kind: MoneyTextKind.Amount, Yen: > 0 and var yen }) continue;
                var applicant = ApplicantFinder.LastClassIn(value[from..m.Index]);
                from = m.Index + m.Length;
                if (found.Any(f => f.Value.Yen == yen && f.Value.Applicant == applicant)) continue;
                found.Add(new(new(m.Value.Trim(), yen, applicant, per), Shorten(quote, m.Value)));
            }
        }
        return found;
    }

    // The rows of a cap table below its heading, until a line that is neither a row nor a heading of one.
    private static void TableRows(DocumentLines doc, int line, List<Found<FoundCap>> found)
    {
        for (var i = line + 1; i < Math.Min(doc.Lines.Count, line + 16); i++)
        {
            var rows = ClassAmount().Matches(doc.Lines[i]).ToList();
            if (rows.Count == 0 && doc.IsShort(line) && RowEndingInAmount().Match(doc.Lines[i]) is { Success: true } row) rows.Add(row);
            foreach (var m in rows)
            {
                if (Money.Parse(m.Groups["amount"].Value) is not { Kind: MoneyTextKind.Amount, Yen: > 0 and var yen }) continue;
                var applicant = ApplicantFinder.LastClassIn(m.Groups["who"].Success ? m.Groups["who"].Value : doc.Lines[i][..m.Index]);
                if (found.Any(f => f.Value.Yen == yen && f.Value.Applicant == applicant)) continue;
                var per = m.Groups["per"].Success ? "year" : null;
                found.Add(new(new(m.Groups["amount"].Value.Trim(), yen, applicant, per), m.Value.Trim()));
            }
        }
    }

    private static bool Near(DocumentLines doc, int line, int at, string word)
    {
        var text = doc.Lines[line];
        var start = Math.Max(0, at - 8);
        return text.AsSpan(start, Math.Min(text.Length, at + 12) - start).Contains(word, StringComparison.Ordinal);
    }

    private static string? Per(string line)
    {
        var s = line.Replace(" ", "", StringComparison.Ordinal);
        if (s.Contains("年度", StringComparison.Ordinal) || s.Contains("年間", StringComparison.Ordinal)) return "year";
        if (PerProject().IsMatch(s)) return "project";
        return null;
    }

    [GeneratedRegex(@"[1１一](?:件|事業|提案|団体|地域|申請)(?:あたり|当たり)")]
    private static partial Regex PerProject();

    // A long quote is cut to the stretch that ends with the value (the label and what is between).
    private static string Shorten(string quote, string value)
    {
        var at = quote.IndexOf(value, StringComparison.Ordinal);
        if (at < 0) return quote;
        var end = at + value.Length;
        var tail = quote[end..];
        // Keep what qualifies the value on its own line (以内, （国費）), not the next sentences.
        var cut = tail.IndexOfAny(['。', '\n']);
        return (quote[..end] + (cut < 0 ? tail : tail[..cut])).Trim();
    }
}
