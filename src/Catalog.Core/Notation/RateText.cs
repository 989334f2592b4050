using System.Globalization;
using System.Text.RegularExpressions;

namespace Catalog.Core.Notation;

/// <summary>A parsed subsidy rate: its kind (fraction, fixed, mixed, tiered, none) and the fractions it names.</summary>
public sealed record ParsedRate(string Kind, decimal? Max, IReadOnlyList<decimal> Fractions);

/// <summary>The rates a running text mentions: every fraction in 0–100 % and whether it says 定額.</summary>
public sealed record RateMentions(IReadOnlySet<decimal> Fractions, bool FixedAmount);

/// <summary>
/// Subsidy rates (補助率) as sources write them: 1/2, 1/2以内, 3/4 以内, 2分の1, 20%, 10/10, 定額,
/// 定額、または2/3, and amount-tiered forms (3/4（1,000万円まで）、2/3（超過分）).
/// </summary>
public static partial class RateText
{
    // Spaces are allowed inside a fraction (1 / 2, 2 分の 1) for running text; a rate text has none left.
    [GeneratedRegex(@"(?<![\d.])(?:(?<a>\d+) ?/ ?(?<b>\d+)|(?<b2>\d+) ?分の ?(?<a2>\d+)|(?<p>\d+(?:\.\d+)?) ?%)")]
    private static partial Regex FractionPattern();

    /// <summary>The value of one fraction match (1/2, 2分の1, 50%); null when it divides by zero.</summary>
    private static decimal? Value(Match m)
    {
        if (m.Groups["p"].Success) return decimal.Round(decimal.Parse(m.Groups["p"].Value, CultureInfo.InvariantCulture) / 100m, 4);
        var a = decimal.Parse(m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["a2"].Value, CultureInfo.InvariantCulture);
        var b = decimal.Parse(m.Groups["b"].Success ? m.Groups["b"].Value : m.Groups["b2"].Value, CultureInfo.InvariantCulture);
        return b == 0 ? null : decimal.Round(a / b, 4);
    }

    /// <summary>
    /// The rates a text mentions in any notation (1/2, ２分の１, 2分の1, 1/2以内, 50%, 10/10, 定額).
    /// Slashes that are not rates (dates such as 2024/4/5) give values above 1 and are skipped.
    /// </summary>
    public static RateMentions Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(new HashSet<decimal>(), false);
        var s = JapaneseText.NormalizeWidth(text);
        var fractions = new HashSet<decimal>();
        foreach (Match m in FractionPattern().Matches(s))
            if (Value(m) is { } v && v is > 0 and <= 1) fractions.Add(v);
        return new(fractions, s.Contains("定額", StringComparison.Ordinal));
    }

    /// <summary>True when <paramref name="text"/> states the rate <paramref name="rate"/>: each of its fractions, and 定額 if it says so.</summary>
    public static bool States(string? text, ParsedRate rate)
    {
        var found = Find(text);
        if (rate.Kind == "none") return false;
        var fixedAmount = rate.Kind is "fixed" or "mixed";
        return rate.Fractions.All(found.Fractions.Contains) && (!fixedAmount || found.FixedAmount);
    }

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
            if (Value(m) is not { } value) { error = $"rate '{text}' divides by zero"; return null; }
            if (value is <= 0 or > 1) { error = $"rate '{text}' is outside 0–100%"; return null; }
            fractions.Add(value);
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
