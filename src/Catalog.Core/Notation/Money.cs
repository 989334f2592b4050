using System.Globalization;
using System.Text.RegularExpressions;

namespace Catalog.Core.Notation;

/// <summary>What a money text says: an amount, no amount (上限の定めなし, 数億円程度), or nothing readable.</summary>
public enum MoneyTextKind { Amount, NoAmount, Invalid }

/// <summary>A parsed money text. <see cref="PartOfLarger"/> marks "…の内数" (a share of a larger line, not a cap).</summary>
public readonly record struct MoneyText(MoneyTextKind Kind, long? Yen, bool Approximate, bool PartOfLarger);

/// <summary>
/// Money as Japanese sources write it: 10,000千円, 3.0億円, 約5,000万円, 20,000百万円, 1億5,000万円,
/// 1,000億円の内数. Units multiply the number before them; several number-unit pairs add up.
/// </summary>
public static partial class Money
{
    private static readonly (string Unit, decimal Factor)[] Units =
    [
        ("兆", 1_000_000_000_000m), ("億", 100_000_000m), ("千万", 10_000_000m), ("百万", 1_000_000m),
        ("万", 10_000m), ("千", 1_000m), ("百", 100m),
    ];

    [GeneratedRegex(@"^(?:約|最大|上限|概ね|総額)?(?<body>(?:\d[\d,]*(?:\.\d+)?(?:兆|億|千万|百万|万|千|百)?)+)円(?<tail>.*)$")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"(?<n>\d[\d,]*(?:\.\d+)?)(?<u>兆|億|千万|百万|万|千|百)?")]
    private static partial Regex PartPattern();

    // Tails that may follow an amount without changing it.
    private static readonly string[] AllowedTails = ["", "以内", "程度", "まで", "を上限", "を上限とする", "（税込）", "(税込)", "の内数", "/年", "/件", "/団体", "/事業"];

    // Texts that state on purpose that there is no amount.
    private static readonly string[] NoAmountPhrases = ["上限なし", "上限の定めなし", "定めなし", "なし", "予算の範囲内", "個別に決定", "数億円程度", "数千万円程度"];

    public static MoneyText Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(MoneyTextKind.Invalid, null, false, false);
        var s = JapaneseText.NormalizeAscii(text);
        if (NoAmountPhrases.Contains(s)) return new(MoneyTextKind.NoAmount, null, false, false);

        var m = AmountPattern().Match(s);
        if (!m.Success || !AllowedTails.Contains(m.Groups["tail"].Value))
            return new(MoneyTextKind.Invalid, null, false, false);

        decimal total = 0;
        var lastFactor = decimal.MaxValue;
        foreach (Match part in PartPattern().Matches(m.Groups["body"].Value))
        {
            var number = part.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal);
            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
                return new(MoneyTextKind.Invalid, null, false, false);
            var factor = part.Groups["u"].Success ? Units.First(u => u.Unit == part.Groups["u"].Value).Factor : 1m;
            // 1億5,000万円 adds up; 5,000万1億円 is not a number.
            if (factor >= lastFactor) return new(MoneyTextKind.Invalid, null, false, false);
            lastFactor = factor;
            total += n * factor;
        }
        if (total != decimal.Truncate(total) || total > long.MaxValue) return new(MoneyTextKind.Invalid, null, false, false);
        return new(MoneyTextKind.Amount, (long)total, s.StartsWith('約') || m.Groups["tail"].Value == "程度", m.Groups["tail"].Value == "の内数");
    }

    [GeneratedRegex(@"(?:約)?(?:\d[\d,]*(?:\.\d+)?(?:兆|億|千万|百万|万|千|百)?)+円(?:の内数)?")]
    private static partial Regex AmountInText();

    /// <summary>The first amount written inside a longer text (令和3年度補正一般会計 20,000百万円の内数).</summary>
    public static MoneyText Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(MoneyTextKind.Invalid, null, false, false);
        var whole = Parse(text);
        if (whole.Kind != MoneyTextKind.Invalid) return whole;
        var m = AmountInText().Match(JapaneseText.NormalizeAscii(text));
        return m.Success ? Parse(m.Value) : whole;
    }

    // In running text a space may sit between a number and its unit (11,200 千円), never inside a
    // number: every number but the last carries a unit (1億 5,000万円), so R6 10,000千円 stays 10,000千円.
    [GeneratedRegex(@"(?<![\d,.])(?:\d[\d,]*(?:\.\d+)? ?(?:兆|億|千万|百万|万|千|百) ?)*\d[\d,]*(?:\.\d+)? ?(?:兆|億|千万|百万|万|千|百)? ?円")]
    private static partial Regex AmountsInRunningText();

    /// <summary>
    /// Every amount a running text writes, in yen: 11,200 千円, 3.0億円, 1億5,000万円, 20,000百万円,
    /// full-width digits (１億円) included.
    /// </summary>
    public static IReadOnlySet<long> FindAll(string? text)
    {
        var amounts = new HashSet<long>();
        if (string.IsNullOrWhiteSpace(text)) return amounts;
        foreach (Match m in AmountsInRunningText().Matches(JapaneseText.NormalizeWidth(text)))
            if (Parse(m.Value) is { Kind: MoneyTextKind.Amount, Yen: { } yen }) amounts.Add(yen);
        return amounts;
    }

    /// <summary>300000000 → 3億円; 250000000 → 2.5億円; 50000000 → 5,000万円.</summary>
    public static string Format(long yen)
    {
        if (yen >= 100_000_000 && yen % 1_000_000 == 0)
            return (yen / 100_000_000m).ToString("0.##", CultureInfo.InvariantCulture) + "億円";
        if (yen >= 10_000 && yen % 10_000 == 0)
            return (yen / 10_000).ToString("#,0", CultureInfo.InvariantCulture) + "万円";
        return yen.ToString("#,0", CultureInfo.InvariantCulture) + "円";
    }
}
