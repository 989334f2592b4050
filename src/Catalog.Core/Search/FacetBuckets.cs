namespace Catalog.Core.Search;

/// <summary>
/// The thresholds of the range facets. The columns precompute each document's level against
/// them, the collector counts those levels, and the facet results label them.
/// </summary>
public static class FacetBuckets
{
    /// <summary>Thresholds of the rate facet, in rate × 10,000, with the value sent back as rateMin.</summary>
    public static readonly (int Threshold, string Value, string Label)[] Rate =
    [
        (10_000, "1", "10/10（定率全額）"), (7_500, "0.75", "3/4以上"), (6_600, "0.66", "2/3以上"),
        (5_000, "0.5", "1/2以上"), (3_300, "0.33", "1/3以上"),
    ];

    /// <summary>Thresholds of the cap facet, in yen.</summary>
    public static readonly long[] Cap = [500_000_000, 100_000_000, 50_000_000, 10_000_000];
}
