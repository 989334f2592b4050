using System.Globalization;
using System.Text.RegularExpressions;

namespace Catalog.Core.Notation;

/// <summary>A parsed subsidy rate: its kind (fraction, fixed, mixed, tiered, none) and the fractions it names.</summary>
public sealed record ParsedRate(string Kind, decimal? Max, IReadOnlyList<decimal> Fractions);

/// <summary>
/// Subsidy rates (補助率) as sources write them: 1/2, 1/2以内, 3/4 以内, 2分の1, 20%, 10/10, 定額,
/// 定額、または2/3, and amount-tiered forms (3/4（1,000万円まで）、2/3（超過分）).
/// </summary>
public static partial class RateText
{
    [GeneratedRegex(@"(?<a>\d+)/(?<b>\d+)|(?<b2>\d+)分の(?<a2>\d+)|(?<p>\d+(?:\.\d+)?)%")]
    private static partial Regex FractionPattern();

    [GeneratedRegex(@"^[\d/分の%.以内下程度定額、,。・()（）]*$")]
    private static partial Regex OnlyRateWords();

    /// <summary>Parses a rate text; on failure returns null and says why.</summary>
    public static ParsedRate? TryParse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text)) { error = "rate text is empty"; return null; }
        var s = JapaneseText.NormalizeAscii(text);
        if (s is "なし" or "-" or "対象外") return new("none", null, []);

        var fractions = new List<decimal>();
        foreach (Match m in FractionPattern().Matches(s))
        {
            decimal value;
            if (m.Groups["p"].Success)
                value = decimal.Parse(m.Groups["p"].Value, CultureInfo.InvariantCulture) / 100m;
            else
            {
                var a = decimal.Parse(m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["a2"].Value, CultureInfo.InvariantCulture);
                var b = decimal.Parse(m.Groups["b"].Success ? m.Groups["b"].Value : m.Groups["b2"].Value, CultureInfo.InvariantCulture);
                if (b == 0) { error = $"rate '{text}' divides by zero"; return null; }
                value = a / b;
            }
            if (value is <= 0 or > 1) { error = $"rate '{text}' is outside 0–100%"; return null; }
            fractions.Add(decimal.Round(value, 4));
        }

        var fixedAmount = s.Contains("定額", StringComparison.Ordinal);
        // Amount tiers name a yen amount beside the fractions (まで / 超 / 超過).
        var tiered = fractions.Count > 1 && (s.Contains('円') || s.Contains("超", StringComparison.Ordinal));
        if (fractions.Count == 0 && !fixedAmount) { error = $"rate '{text}' names neither a fraction nor 定額"; return null; }
        if (!tiered && !OnlyRateWords().IsMatch(s.Replace("または", "", StringComparison.Ordinal).Replace("若しくは", "", StringComparison.Ordinal)))
        {
            error = $"rate '{text}' has words that are not part of a rate";
            return null;
        }

        var kind = tiered ? "tiered" : fixedAmount ? (fractions.Count > 0 ? "mixed" : "fixed") : "fraction";
        return new(kind, fractions.Count > 0 ? fractions.Max() : null, fractions);
    }
}
