using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalog.Core.Search;

/// <summary>
/// Collects one search in one pass: applies the filters, keeps the best hits of the requested
/// page, and counts every facet. Multi-select: a document that fails only facet X's filter is
/// still counted for X, so X's counts show what selecting another X value would give.
/// </summary>
internal sealed class FacetingCollector : ICollector
{
    public const int DimStatus = IndexColumns.MultiDims, DimRate = DimStatus + 1, DimCap = DimStatus + 2;

    /// <summary>Thresholds of the rate facet, in rate × 10,000, with the value sent back as rateMin.</summary>
    public static readonly (int Threshold, string Value, string Label)[] RateBuckets =
    [
        (10_000, "1", "10/10（定率全額）"), (7_500, "0.75", "3/4以上"), (6_600, "0.66", "2/3以上"),
        (5_000, "0.5", "1/2以上"), (3_300, "0.33", "1/3以上"),
    ];

    public static readonly long[] CapBuckets = [500_000_000, 100_000_000, 50_000_000, 10_000_000];

    private readonly IndexColumns _columns;
    private readonly Filters _filters;
    private readonly long _asOf;
    private readonly SearchSort _sort;
    private readonly Hit[] _heap;
    private int _heapSize;
    private int _docBase;
    private Scorer? _scorer;

    public FacetingCollector(IndexColumns columns, Filters filters, long asOfUtcTicks, SearchSort sort, int keep)
    {
        _columns = columns;
        _filters = filters;
        _asOf = asOfUtcTicks;
        _sort = sort;
        _heap = new Hit[Math.Max(keep, 0)];
        for (var d = 0; d < IndexColumns.MultiDims; d++) DimCounts[d] = new int[columns.Dims[d].Values.Length];
    }

    public int Total { get; private set; }
    public int[][] DimCounts { get; } = new int[IndexColumns.MultiDims][];
    public int[] StatusCounts { get; } = new int[4];
    public int[] RateCounts { get; } = new int[RateBuckets.Length];
    public int[] CapCounts { get; } = new int[CapBuckets.Length];

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc)
    {
        var g = _docBase + doc;
        var c = _columns;
        var f = _filters;

        var cap = c.Cap[g];
        if (f.CapMax >= 0 && (cap < 0 || cap > f.CapMax)) return;
        var (status, next) = c.StatusAt(g, _asOf);
        if (f.DeadlineBefore >= 0 && (next < 0 || next > f.DeadlineBefore)) return;

        var failed = 0;
        for (var d = 0; d < IndexColumns.MultiDims; d++)
            if (f.Selected[d] is { } selected && !AnyIn(c.Dims[d], g, selected)) failed |= 1 << d;
        if (f.Statuses is { } statuses && (status < 0 || !statuses[status])) failed |= 1 << DimStatus;
        var rate = c.Rate[g];
        if (f.RateMin >= 0 && rate < f.RateMin) failed |= 1 << DimRate;
        if (f.CapMin >= 0 && cap < f.CapMin) failed |= 1 << DimCap;

        if (failed == 0)
        {
            Total++;
            for (var d = 0; d < IndexColumns.MultiDims; d++) CountMulti(d, g);
            CountStatus(status);
            CountRate(rate);
            CountCap(cap);
            Offer(g, next);
            return;
        }
        if ((failed & (failed - 1)) != 0) return; // fails two facets: counted nowhere
        var dim = System.Numerics.BitOperations.TrailingZeroCount(failed);
        if (dim < IndexColumns.MultiDims) CountMulti(dim, g);
        else if (dim == DimStatus) CountStatus(status);
        else if (dim == DimRate) CountRate(rate);
        else CountCap(cap);
    }

    private static bool AnyIn(IndexColumns.ValueTable table, int doc, bool[] selected)
    {
        for (var i = table.Offsets[doc]; i < table.Offsets[doc + 1]; i++)
            if (selected[table.Ids[i]]) return true;
        return false;
    }

    private void CountMulti(int dim, int doc)
    {
        var table = _columns.Dims[dim];
        var counts = DimCounts[dim];
        for (var i = table.Offsets[doc]; i < table.Offsets[doc + 1]; i++) counts[table.Ids[i]]++;
    }

    private void CountStatus(int status) { if (status >= 0) StatusCounts[status]++; }

    private void CountRate(int rate)
    {
        for (var i = 0; i < RateBuckets.Length; i++) if (rate >= RateBuckets[i].Threshold) RateCounts[i]++;
    }

    private void CountCap(long cap)
    {
        for (var i = 0; i < CapBuckets.Length; i++) if (cap >= CapBuckets[i]) CapCounts[i]++;
    }

    // --- the best hits: a bounded heap whose root is the worst kept hit ---

    public readonly record struct Hit(int Doc, float Score, long Key, int Tie);

    private void Offer(int doc, long nextDeadline)
    {
        if (_heap.Length == 0) return;
        var key = _sort switch
        {
            SearchSort.Deadline => nextDeadline < 0 ? long.MaxValue : nextDeadline,
            SearchSort.Cap => _columns.Cap[doc] < 0 ? long.MaxValue : -_columns.Cap[doc],
            SearchSort.Rate => _columns.Rate[doc] < 0 ? long.MaxValue : -_columns.Rate[doc],
            SearchSort.Name => _columns.NameRank[doc],
            _ => 0,
        };
        if (_heapSize == _heap.Length)
        {
            // Cheap reject before asking the scorer: only relevance needs the score.
            if (_sort != SearchSort.Relevance)
            {
                var worst = _heap[0];
                if (key > worst.Key || (key == worst.Key && _columns.IdRank[doc] > worst.Tie)) return;
            }
        }
        var hit = new Hit(doc, _sort == SearchSort.Relevance ? _scorer?.GetScore() ?? 0f : 0f, key, _columns.IdRank[doc]);
        if (_heapSize < _heap.Length)
        {
            _heap[_heapSize] = hit;
            SiftUp(_heapSize++);
        }
        else if (Better(hit, _heap[0]))
        {
            _heap[0] = hit;
            SiftDown(0);
        }
    }

    private bool Better(in Hit a, in Hit b)
    {
        if (_sort == SearchSort.Relevance && a.Score != b.Score) return a.Score > b.Score;
        if (a.Key != b.Key) return a.Key < b.Key;
        return a.Tie < b.Tie;
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Better(_heap[parent], _heap[i])) break; // parent is worse or equal: heap holds
            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            int l = 2 * i + 1, r = l + 1, worst = i;
            if (l < _heapSize && Better(_heap[worst], _heap[l])) worst = l;
            if (r < _heapSize && Better(_heap[worst], _heap[r])) worst = r;
            if (worst == i) return;
            (_heap[worst], _heap[i]) = (_heap[i], _heap[worst]);
            i = worst;
        }
    }

    /// <summary>The kept hits, best first.</summary>
    public List<Hit> Sorted()
    {
        var list = _heap.AsSpan(0, _heapSize).ToArray().ToList();
        list.Sort((a, b) => Better(a, b) ? -1 : Better(b, a) ? 1 : 0);
        return list;
    }

    /// <summary>The request's filters resolved against the index's value tables.</summary>
    public sealed class Filters
    {
        public bool[]?[] Selected { get; } = new bool[]?[IndexColumns.MultiDims];
        public bool[]? Statuses { get; set; }
        public int RateMin { get; set; } = -1;
        public long CapMin { get; set; } = -1;
        public long CapMax { get; set; } = -1;
        public long DeadlineBefore { get; set; } = -1;
    }
}
