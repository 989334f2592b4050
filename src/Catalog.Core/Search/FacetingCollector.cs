using Lucene.Net.Index;
using Lucene.Net.Search;
using Catalog.Core.Programs;

namespace Catalog.Core.Search;

/// <summary>
/// Collects one search in one pass: applies the filters, keeps the best hits of the requested
/// page, and counts every facet. Multi-select: a document that fails only facet X's filter is
/// still counted for X, so X's counts show what selecting another X value would give.
/// </summary>
internal sealed class FacetingCollector : ICollector
{
    public const int DimStatus = IndexColumns.MultiDims, DimRate = DimStatus + 1, DimCap = DimStatus + 2, DimPurpose = DimStatus + 3;

    private static readonly (int Threshold, string Value, string Label)[] RateBuckets = FacetBuckets.Rate;
    private static readonly long[] CapBuckets = FacetBuckets.Cap;

    private readonly IndexColumns _columns;
    private readonly Filters _filters;
    private readonly bool _filtered;
    private readonly sbyte[] _status;
    private readonly long[] _next;
    private readonly long[] _cap;
    private readonly int[] _rate;
    private readonly int[] _idRank;
    private readonly byte[] _rateLevel;
    private readonly byte[] _capLevel;
    private readonly int[][] _dimOffsets = new int[IndexColumns.MultiDims][];
    private readonly int[][] _dimIds = new int[IndexColumns.MultiDims][];
    private readonly int[] _rateLevels = new int[RateBuckets.Length + 1];
    private readonly int[] _capLevels = new int[CapBuckets.Length + 1];
    // Purposes are rules over fields and kinds, resolved per doc when the index opens.
    private readonly int[] _purposeMask;
    private readonly SearchSort _sort;
    private readonly Hit[] _heap;
    private int _heapSize;
    private int _docBase;
    private Scorer? _scorer;

    public FacetingCollector(IndexColumns columns, Filters filters, long asOfUtcTicks, SearchSort sort, int keep)
    {
        _columns = columns;
        _filters = filters;
        _filtered = filters.Any;
        var statuses = columns.StatusesAt(asOfUtcTicks);
        _status = statuses.Status;
        _next = statuses.NextDeadline;
        _cap = columns.Cap;
        _rate = columns.Rate;
        _idRank = columns.IdRank;
        _rateLevel = columns.RateLevel;
        _capLevel = columns.CapLevel;
        _sort = sort;
        _heap = new Hit[Math.Max(keep, 0)];
        for (var d = 0; d < IndexColumns.MultiDims; d++)
        {
            DimCounts[d] = new int[columns.Dims[d].Values.Length];
            _dimOffsets[d] = columns.Dims[d].Offsets;
            _dimIds[d] = columns.Dims[d].Ids;
        }
        _purposeMask = columns.PurposeMask;
    }

    public int Total { get; private set; }
    public int[][] DimCounts { get; } = new int[IndexColumns.MultiDims][];
    public int[] StatusCounts { get; } = new int[Vocabulary.Statuses.Count];
    public int[] RateCounts { get; } = new int[RateBuckets.Length];
    public int[] CapCounts { get; } = new int[CapBuckets.Length];
    public int[] PurposeCounts { get; } = new int[Purposes.All.Count];

    // Counts do not care about order and ties are broken by id rank, not doc id, so Lucene may
    // use its faster out-of-order bulk scorer for disjunctions. A query with a required clause
    // is scored in order whatever this says (Lucene 4.8's BooleanWeight), but only after building
    // the first clause's out-of-order scorer and its 2,048-bucket table, about 100 KB, to drop it:
    // for such a query the collector asks for order and the same scorer comes straight.
    public bool AcceptsDocsOutOfOrder { get; init; } = true;

    /// <summary>Whether Lucene would score <paramref name="query"/> in document order anyway.</summary>
    public static bool ScoredInOrder(Query query) => query is BooleanQuery b && b.Clauses.Any(c => c.IsRequired);

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc)
    {
        var g = _docBase + doc;
        if (!_filtered)
        {
            CountAll(g);
            Offer(g);
            return;
        }
        var f = _filters;

        var cap = _cap[g];
        if (f.HideEnded && _status[g] == ProgramStatus.Ended) return;
        if (f.CapMax >= 0 && (cap < 0 || cap > f.CapMax)) return;
        int status = _status[g];
        if (f.DeadlineBefore >= 0 && (_next[g] is var next && (next < 0 || next > f.DeadlineBefore))) return;

        var failed = 0;
        for (var d = 0; d < IndexColumns.MultiDims; d++)
            if (f.Selected[d] is { } selected && !AnyIn(_dimOffsets[d], _dimIds[d], g, selected)) failed |= 1 << d;
        if (f.Statuses is { } statuses && (status < 0 || !statuses[status])) failed |= 1 << DimStatus;
        if (f.RateMin >= 0 && _rate[g] < f.RateMin) failed |= 1 << DimRate;
        if (f.CapMin >= 0 && cap < f.CapMin) failed |= 1 << DimCap;
        if (f.Purposes != 0 && (_purposeMask[g] & f.Purposes) == 0) failed |= 1 << DimPurpose;

        if (failed == 0)
        {
            CountAll(g);
            Offer(g);
            return;
        }
        if ((failed & (failed - 1)) != 0) return; // fails two facets: counted nowhere
        var dim = System.Numerics.BitOperations.TrailingZeroCount(failed);
        if (dim < IndexColumns.MultiDims) CountMulti(dim, g);
        else if (dim == DimStatus) CountStatus(status);
        else if (dim == DimRate) _rateLevels[_rateLevel[g]]++;
        else if (dim == DimCap) _capLevels[_capLevel[g]]++;
        else CountPurposes(g);
    }

    private void CountAll(int g)
    {
        Total++;
        for (var d = 0; d < IndexColumns.MultiDims; d++) CountMulti(d, g);
        int status = _status[g];
        CountStatus(status);
        _rateLevels[_rateLevel[g]]++;
        _capLevels[_capLevel[g]]++;
        CountPurposes(g);
    }

    private void CountPurposes(int doc)
    {
        for (var mask = _purposeMask[doc]; mask != 0; mask &= mask - 1)
            PurposeCounts[System.Numerics.BitOperations.TrailingZeroCount(mask)]++;
    }

    // 受付中 counts the year-round programs too: a filter on it takes them in (Vocabulary.StatusIncludes).
    private void CountStatus(int status)
    {
        if (status < 0) return;
        StatusCounts[status]++;
        if (status == ProgramStatus.YearRound) StatusCounts[ProgramStatus.Open]++;
    }

    private static bool AnyIn(int[] offsets, int[] ids, int doc, bool[] selected)
    {
        for (var i = offsets[doc]; i < offsets[doc + 1]; i++)
            if (selected[ids[i]]) return true;
        return false;
    }

    private void CountMulti(int dim, int doc)
    {
        var offsets = _dimOffsets[dim];
        var ids = _dimIds[dim];
        var counts = DimCounts[dim];
        for (var i = offsets[doc]; i < offsets[doc + 1]; i++) counts[ids[i]]++;
    }

    /// <summary>Turns the per-level tallies into the bucket counts; call once, after the search.</summary>
    public FacetingCollector Finish()
    {
        // A doc at level n reaches the last n thresholds (they descend), so bucket i counts levels ≥ length − i.
        for (var i = 0; i < RateBuckets.Length; i++)
            for (var n = RateBuckets.Length - i; n <= RateBuckets.Length; n++) RateCounts[i] += _rateLevels[n];
        for (var i = 0; i < CapBuckets.Length; i++)
            for (var n = CapBuckets.Length - i; n <= CapBuckets.Length; n++) CapCounts[i] += _capLevels[n];
        return this;
    }

    // --- the best hits: a bounded heap whose root is the worst kept hit ---

    public readonly record struct Hit(int Doc, float Score, long Key, int Tie);

    private void Offer(int doc)
    {
        if (_heap.Length == 0) return;
        var key = _sort switch
        {
            SearchSort.Deadline => _next[doc] < 0 ? long.MaxValue : _next[doc],
            SearchSort.Cap => _cap[doc] < 0 ? long.MaxValue : -_cap[doc],
            SearchSort.Rate => _rate[doc] < 0 ? long.MaxValue : -_rate[doc],
            SearchSort.Name => _columns.NameRank[doc],
            _ => 0,
        };
        var score = 0f;
        if (_sort == SearchSort.Relevance) score = _scorer?.GetScore() ?? 0f;
        if (_heapSize == _heap.Length)
        {
            // Cheap reject before building the hit: the root is the worst kept one.
            ref readonly var worst = ref _heap[0];
            if (_sort == SearchSort.Relevance && score != worst.Score)
            {
                if (score < worst.Score) return;
            }
            else if (key > worst.Key || (key == worst.Key && _idRank[doc] > worst.Tie)) return;
        }
        var hit = new Hit(doc, score, key, _idRank[doc]);
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
        /// <summary>Leave out programs whose last fiscal year is over (終了): not a facet, counted nowhere.</summary>
        public bool HideEnded { get; set; }
        public int RateMin { get; set; } = -1;
        public long CapMin { get; set; } = -1;
        public long CapMax { get; set; } = -1;
        public long DeadlineBefore { get; set; } = -1;
        /// <summary>Bits of the selected purposes (<see cref="Programs.Purposes.All"/>); 0 when none is selected.</summary>
        public int Purposes { get; set; }

        /// <summary>Whether any filter is set (when none is, every collected doc counts everywhere).</summary>
        public bool Any => Statuses is not null || HideEnded || Purposes != 0 || RateMin >= 0 || CapMin >= 0 || CapMax >= 0 || DeadlineBefore >= 0 || Selected.Any(s => s is not null);
    }
}
