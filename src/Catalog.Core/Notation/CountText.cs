using System.Globalization;
using System.Text.RegularExpressions;

namespace Catalog.Core.Notation;

/// <summary>Counts as sources write them: 8件, 14事業, 19団体, 3地域, 60組, 7コンソーシアム, 5か所 (a number and its counter word).</summary>
public static partial class CountText
{
    // The counter words of selection counts in the sources; a bare number is not a count.
    [GeneratedRegex(@"(?<![\d,.])(?<n>\d[\d,]*) ?(?:件|事業|団体|地域|自治体|市区町村|市町村|都市|提案|計画|地区|プロジェクト|コンソーシアム|組|か所|ヶ所|ケ所|カ所|箇所)")]
    private static partial Regex CountPattern();

    /// <summary>Every count a running text writes (full-width digits and commas allowed).</summary>
    public static IReadOnlySet<int> FindAll(string? text)
    {
        var counts = new HashSet<int>();
        if (string.IsNullOrWhiteSpace(text)) return counts;
        foreach (Match m in CountPattern().Matches(JapaneseText.NormalizeWidth(text)))
            if (int.TryParse(m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                counts.Add(n);
        return counts;
    }
}
