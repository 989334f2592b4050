using System.Globalization;
using Catalog.Core.Notation;
using Catalog.Core.Programs;

namespace Catalog.Core.Search;

/// <summary>
/// The facet counts of one search as the API returns them: each dimension's values in the
/// vocabulary's order, with the labels staff read (from <see cref="Vocabulary"/> and
/// <see cref="FacetBuckets"/>), and every selected value kept even when it has no hit.
/// </summary>
internal static class FacetResults
{
    public static Dictionary<string, IReadOnlyList<FacetValue>> From(IndexColumns columns, FacetingCollector c, SearchRequest r)
    {
        static string Inv(long n) => n.ToString(CultureInfo.InvariantCulture);

        IReadOnlyList<FacetValue> Multi(int dim, IReadOnlyList<string> order, IEnumerable<string> selected, Func<string, string>? label = null, bool byValueDesc = false)
        {
            var table = columns.Dims[dim];
            var chosen = selected.ToHashSet(StringComparer.Ordinal);
            var rank = order.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i, StringComparer.Ordinal);
            var values = table.Values.Select((v, id) => (v, count: c.DimCounts[dim][id]))
                .Where(x => x.count > 0 || chosen.Contains(x.v))
                .Concat(chosen.Where(s => !table.IdOf.ContainsKey(s)).Select(s => (v: s, count: 0)));
            var ordered = byValueDesc
                ? values.OrderByDescending(x => x.v, StringComparer.Ordinal)
                : values.OrderBy(x => rank.GetValueOrDefault(x.v, int.MaxValue)).ThenByDescending(x => x.count).ThenBy(x => x.v, StringComparer.Ordinal);
            return ordered.Select(x => new FacetValue(x.v, label?.Invoke(x.v) ?? x.v, x.count, chosen.Contains(x.v))).ToList();
        }

        var rateMin = r.RateMin is { } rm ? (int)Math.Round(rm * 10_000m) : -1;
        return new Dictionary<string, IReadOnlyList<FacetValue>>
        {
            ["ministry"] = Multi(IndexColumns.DimMinistry, Vocabulary.Ministries, r.Ministries),
            ["kind"] = Multi(IndexColumns.DimKind, Vocabulary.Kinds, r.Kinds),
            ["field"] = Multi(IndexColumns.DimField, Vocabulary.Fields, r.Fields),
            ["applicant"] = Multi(IndexColumns.DimApplicant, Vocabulary.Applicants, r.Applicants),
            ["level"] = Multi(IndexColumns.DimLevel, Vocabulary.Levels, r.Levels, Vocabulary.LevelLabel),
            ["fiscalYear"] = Multi(IndexColumns.DimFiscalYear, [], r.FiscalYears.Select(y => Inv(y)),
                v => int.TryParse(v, out var y) ? Wareki.FormatFiscalYear(y) : v, byValueDesc: true),
            ["rateKind"] = Multi(IndexColumns.DimRateKind, RateKindFacet.Values, r.RateKinds, RateKindFacet.Label),
            ["status"] = Vocabulary.Statuses.Select((s, i) => new FacetValue(s, s, c.StatusCounts[i], r.Statuses.Contains(s)))
                .Where(v => v.Count > 0 || v.Selected).ToList(),
            ["rate"] = FacetBuckets.Rate.Select((b, i) => new FacetValue(b.Value, b.Label, c.RateCounts[i], rateMin == b.Threshold))
                .Where(v => v.Count > 0 || v.Selected).ToList(),
            ["purpose"] = Purposes.Values.Select((v, i) => new FacetValue(v, v, c.PurposeCounts[i], r.Purposes.Contains(v)))
                .Where(v => v.Count > 0 || v.Selected).ToList(),
            ["cap"] = FacetBuckets.Cap.Select((b, i) => new FacetValue(Inv(b), Money.Format(b) + "以上", c.CapCounts[i], r.CapMin == b))
                .Where(v => v.Count > 0 || v.Selected).ToList(),
        };
    }
}
