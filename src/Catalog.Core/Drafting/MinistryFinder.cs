using System.Text.RegularExpressions;
using Catalog.Core.Programs;

namespace Catalog.Core.Drafting;

/// <summary>The ministry (所管府省) and bureau, as the document names the body that runs the call.</summary>
public sealed record FoundMinistry(string Ministry, string? Bureau, string? BureauQuote = null);

/// <summary>
/// Which ministry runs the call: the one the text makes the subject (総務省は、 / 経済産業省では、),
/// else the one in the contact block, else the only one the document names. A document naming
/// several ministries with none as subject gives none: a wrong ministry is worse than an empty one.
/// </summary>
public static partial class MinistryFinder
{
    [GeneratedRegex(@"^[\s　]*(?<bureau>[一-龥ァ-ヶー・]{2,24}?(?:事務局|局|庁))(?![一-龥ァ-ヶ])")]
    private static partial Regex BureauAfter();

    public static Found<FoundMinistry>? Find(DocumentLines doc, int contactLine)
    {
        var mentions = new List<(int Line, int At, string Ministry)>();
        for (var i = 0; i < doc.Lines.Count; i++)
            foreach (var m in Vocabulary.Ministries)
                for (var at = doc.Lines[i].IndexOf(m, StringComparison.Ordinal); at >= 0; at = doc.Lines[i].IndexOf(m, at + m.Length, StringComparison.Ordinal))
                    mentions.Add((i, at, m));
        if (mentions.Count == 0) return null;
        var found = Choose(doc, contactLine, mentions);
        if (found is null || found.Value.Bureau is not null) return found;
        // 総務省では、… names no bureau; the contact block or a heading often does (総務省 情報流通行政局).
        foreach (var (line, at, ministry) in mentions.Where(x => x.Ministry == found.Value.Ministry))
            if (BureauAfter().Match(doc.Lines[line][(at + ministry.Length)..]) is { Success: true } b)
                return found with { Value = found.Value with { Bureau = b.Groups["bureau"].Value, BureauQuote = doc.Lines[line].Substring(at, ministry.Length + b.Length).Trim() } };
        return found;
    }

    private static Found<FoundMinistry>? Choose(DocumentLines doc, int contactLine, List<(int Line, int At, string Ministry)> mentions)
    {
        // 1. The subject of a sentence: 総務省は、 総務省では、 国土交通省が (the bureau may stand between).
        foreach (var (line, at, ministry) in mentions.OrderBy(x => x.Line).ThenBy(x => x.At))
        {
            var rest = doc.Lines[line][(at + ministry.Length)..];
            var bureau = BureauAfter().Match(rest);
            var after = bureau.Success ? rest[bureau.Length..] : rest;
            if (after.StartsWith("では", StringComparison.Ordinal) || after.StartsWith("においては", StringComparison.Ordinal) || after.StartsWith("は、", StringComparison.Ordinal) || after.StartsWith("は,", StringComparison.Ordinal)
                || after.StartsWith("が", StringComparison.Ordinal) && !after.StartsWith("がん", StringComparison.Ordinal))
                return Make(doc, line, at, ministry, bureau);
        }
        // 2. The contact block names the office that answers for the call.
        if (contactLine >= 0 && mentions.FirstOrDefault(x => x.Line >= contactLine && x.Line <= contactLine + 6) is { Ministry: not null } c)
            return Make(doc, c.Line, c.At, c.Ministry, BureauAfter().Match(doc.Lines[c.Line][(c.At + c.Ministry.Length)..]));
        // 3. The only ministry the document names.
        if (mentions.Select(x => x.Ministry).Distinct().Count() == 1)
        {
            var (line, at, ministry) = mentions[0];
            return Make(doc, line, at, ministry, BureauAfter().Match(doc.Lines[line][(at + ministry.Length)..]));
        }
        return null;
    }

    private static Found<FoundMinistry> Make(DocumentLines doc, int line, int at, string ministry, Match bureau)
    {
        var quote = bureau.Success ? doc.Lines[line].Substring(at, ministry.Length + bureau.Length).Trim() : ministry;
        // The quote is the sentence (or heading) that names the ministry, so the reviewer sees its role.
        var sentence = doc.Sentence(line, at);
        return new(new(ministry, bureau.Success ? bureau.Groups["bureau"].Value : null), sentence.Length <= 120 ? sentence : quote);
    }
}
