namespace Catalog.Core.Programs;

/// <summary>
/// The rate-kind facet (補助率の種類, request parameter <c>rateKind</c>): which ways of paying a
/// program's rate text offers. Derived from <see cref="SubsidyRate.Kind"/>, which the importer
/// derives from the source's own rate text; a record without a rate has no rate kind.
/// </summary>
/// <remarks>
/// The rule, one value or two per record:
/// <list type="bullet">
/// <item><c>定額</c> — the rate text says 定額 (kind <c>fixed</c>, and <c>mixed</c>: 定額、または2/3).</item>
/// <item><c>定率</c> — the rate text names a fraction (kind <c>fraction</c>, <c>mixed</c> and
/// <c>tiered</c>: 1/2, 1/2以内, 10/10, 3/4（1,000万円まで）、2/3（超過分）).</item>
/// </list>
/// Kind <c>none</c> (なし, 対象外) offers neither. A program that may pay either way is found under
/// both, as a planner looking for 定額 would want it.
/// </remarks>
public static class RateKindFacet
{
    public const string Fixed = "定額";
    public const string Fraction = "定率";

    /// <summary>The values in facet order; they are also what <c>rateKind</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Values = [Fixed, Fraction];

    /// <summary>What staff read for each value; the API and the UI both take it from here.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Fixed] = "定額",
        [Fraction] = "定率（1/2 など）",
    };

    /// <summary>The label of a value; a value outside the facet shows as written.</summary>
    public static string Label(string value) => Labels.GetValueOrDefault(value, value);

    /// <summary>The facet values of a rate, from its derived kind (see the remarks for the rule).</summary>
    public static IReadOnlyList<string> Of(SubsidyRate? rate) => rate?.Kind switch
    {
        "fixed" => [Fixed],
        "mixed" => [Fixed, Fraction],
        "fraction" or "tiered" => [Fraction],
        _ => [],
    };
}
