using System.Text.RegularExpressions;
using Catalog.Core.Notation;
using Catalog.Core.Programs;

namespace Catalog.Core.Drafting;

/// <summary>
/// The program's name, its 年度, kinds and fields. The name is what the title or the opening
/// sentence calls for applications for (「…事業」の公募, …交付金の募集について); the 年度 is the one
/// written with that name, or the only one the opening names. Kinds and fields are the vocabulary's
/// words the name itself contains.
/// </summary>
public static partial class NameFinder
{
    private const string ProgramNoun = @"(?:事業|交付金|補助金|支援|プロジェクト|制度|推進費|委託|実証|助成金|モデル|チャレンジ)";

    // 令和7年度「…事業」(…)の2次公募, …交付金の募集について: the name before a call word.
    [GeneratedRegex(@"[「『](?<name>[^「」『』]{3,60}?" + ProgramNoun + @"[^「」『』]{0,20}?)[」』](?:\s*[（(][^）)]{1,40}[）)])?\s*(?:の|に係る|に関する)?\s*(?:[0-9０-９一二三]次|追加|二次|第[0-9０-９]回)?\s*(?:公募|募集|提案募集|申請受付)")]
    private static partial Regex QuotedCall();

    [GeneratedRegex(@"^(?:(?:令和|平成)\s*[元0-9０-９]{1,2}\s*年度\s*(?:補正予算)?\s*)?(?<name>[^\s「」。、]{3,60}?" + ProgramNoun + @"(?:[（(][^）)]{1,30}[）)])?)\s*(?:の|に係る|に関する)?\s*(?:[0-9０-９一二三]次|追加|二次|第[0-9０-９]回)?\s*(?:公募|募集|提案募集|申請受付)")]
    private static partial Regex TitleCall();

    [GeneratedRegex(@"[「『](?<name>[^「」『』]{3,60}?" + ProgramNoun + @"(?:\s*[（(][^）)「」]{1,30}[）)])?)[」』]")]
    private static partial Regex QuotedName();

    // In a sentence: 、日本版MaaS 推進・支援事業の公募を開始します (the name starts after the last 、 or 。).
    [GeneratedRegex(@"(?:^|[、。]|ため|より)\s*(?<name>[^、。「」\s][^、。「」]{2,40}?" + ProgramNoun + @")\s*の(?:[0-9０-９一二三]次)?(?:公募|募集)")]
    private static partial Regex SentenceCall();

    [GeneratedRegex(@"^(?:令和|平成)\s*[元0-9０-９]{1,2}\s*年度\s*")]
    private static partial Regex LeadingYear();

    // 令和5年度に引き続き, 令和5年度から, 令和5年度までの: a 年度 before or after the program's.
    [GeneratedRegex(@"^\s*(?:に引き続き|から|まで|以降|以前|末|中に|の実績|に実施|に採択|に選定)")]
    private static partial Regex PointsElsewhere();

    [GeneratedRegex(@"(?:令和|平成)\s*[元0-9０-９]{1,2}\s*年度|(?<![0-9０-９])[0-9０-９]{4}\s*年度")]
    private static partial Regex FiscalYearWord();

    /// <summary>The name and the line it was read from.</summary>
    public static (Found<string>? Name, int Line) Name(DocumentLines doc)
    {
        var opening = Math.Min(doc.Lines.Count, 25);
        for (var i = 0; i < opening; i++)
            if (QuotedCall().Match(doc.Lines[i]) is { Success: true } m) return (Named(doc, i, m), i);
        for (var i = 0; i < opening; i++)
            if (TitleCall().Match(doc.Lines[i].Trim()) is { Success: true } m) return (Named(doc, i, m), i);
        for (var i = 0; i < opening; i++)
            if (SentenceCall().Match(doc.Lines[i]) is { Success: true } m) return (Named(doc, i, m), i);
        for (var i = 0; i < opening; i++)
            if (QuotedName().Match(doc.Lines[i]) is { Success: true } m) return (Named(doc, i, m), i);
        // A page whose first heading is the program (…交付金, …補助金), as municipal pages are titled.
        for (var i = 0; i < Math.Min(doc.Lines.Count, 4); i++)
        {
            var line = doc.Lines[i].Trim();
            if (line.Length is >= 4 and <= 40 && Regex.IsMatch(line, ProgramNoun + @"(?:[（(][^）)]{1,30}[）)])?$") && !line.Contains('。'))
                return (new(line, line), i);
        }
        return (null, -1);
    }

    private static Found<string> Named(DocumentLines doc, int line, Match m)
    {
        // The 年度 goes to fiscalYears; the name is the program's, the same every year.
        var name = LeadingYear().Replace(m.Groups["name"].Value.Trim(), "");
        var sentence = doc.Sentence(line, m.Index);
        return new(name, sentence.Length <= 160 ? sentence : m.Value);
    }

    /// <summary>The 年度 written on the name's line (before the name), else the only 年度 the opening lines name.</summary>
    public static Found<int>? FiscalYear(DocumentLines doc, int nameLine)
    {
        if (nameLine >= 0 && Year(nameLine) is { } onName) return onName;
        var years = new List<Found<int>>();
        for (var i = 0; i < Math.Min(doc.Lines.Count, 12); i++)
            if (Year(i) is { } y) years.Add(y);
        return years.Select(y => y.Value).Distinct().Count() == 1 ? years[0] : null;

        Found<int>? Year(int index)
        {
            var line = doc.Lines[index];
            var m = FiscalYearWord().Match(line);
            if (m.Success && index != nameLine && PointsElsewhere().IsMatch(line[(m.Index + m.Length)..])) return null;
            if (!m.Success || !Wareki.TryParseFiscalYear(m.Value, out var year)) return null;
            // Two different 年度 on one line (令和6年度から令和8年度): not one program year.
            if (FiscalYearWord().Matches(line).Select(x => Wareki.TryParseFiscalYear(x.Value, out var other) ? other : 0).Distinct().Count() > 1) return null;
            var sentence = doc.Sentence(index, m.Index);
            return new(year, sentence.Length <= 160 ? sentence : m.Value.Trim());
        }
    }

    // The vocabulary's kinds, read from the words a name ends in or contains.
    private static readonly (string Word, string Kind)[] KindWords =
    [
        ("交付金", "交付金"), ("補助金", "補助金"), ("補助事業", "補助金"), ("助成金", "補助金"), ("委託", "委託"),
        ("伴走支援", "伴走支援・計画策定支援"), ("計画策定支援", "伴走支援・計画策定支援"), ("アドバイザー", "アドバイザー派遣"),
        ("実証", "実証支援"),
    ];

    public static List<string> Kinds(string name) =>
        KindWords.Where(k => name.Contains(k.Word, StringComparison.Ordinal)).Select(k => k.Kind).Distinct().ToList();

    public static List<string> Fields(string name) =>
        Vocabulary.Fields.Where(f => name.Contains(f, StringComparison.OrdinalIgnoreCase)).ToList();
}
