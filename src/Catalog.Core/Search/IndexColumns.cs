using System.Buffers.Binary;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Catalog.Core.Programs;

namespace Catalog.Core.Search;

/// <summary>
/// The doc values of one opened index, read once into flat arrays indexed by top-level doc id,
/// so the collector filters and counts facets with array reads only. Built when a searcher
/// generation opens; the index never changes under it (rebuilds open a new generation).
/// </summary>
public sealed class IndexColumns
{
    public const int DimMinistry = 0, DimKind = 1, DimField = 2, DimApplicant = 3, DimLevel = 4, DimFiscalYear = 5, DimRateKind = 6;
    public const int MultiDims = 7;

    public static readonly string[] MultiFields =
    [
        SearchSchema.FacetMinistry, SearchSchema.FacetKind, SearchSchema.FacetField,
        SearchSchema.FacetApplicant, SearchSchema.FacetLevel, SearchSchema.FacetFiscalYear,
        SearchSchema.FacetRateKind,
    ];

    private IndexColumns(int maxDoc) => MaxDoc = maxDoc;

    public int MaxDoc { get; }

    /// <summary>Per dimension: the distinct values, and doc → value ids as offsets into a flat array.</summary>
    public ValueTable[] Dims { get; } = new ValueTable[MultiDims];

    public int[] Rate { get; private set; } = [];
    public long[] Cap { get; private set; } = [];
    public int[] IdRank { get; private set; } = [];
    public int[] NameRank { get; private set; } = [];

    /// <summary>Per doc: how many of the rate facet's thresholds its rate reaches (thresholds descend, so they form a suffix).</summary>
    public byte[] RateLevel { get; private set; } = [];
    /// <summary>Per doc: how many of the cap facet's thresholds its cap reaches.</summary>
    public byte[] CapLevel { get; private set; } = [];
    /// <summary>
    /// Per doc: bit i set when purpose i (<see cref="Purposes.All"/>) takes it in by its fields or
    /// kinds; read once per hit by the purpose facet instead of walking both dimensions.
    /// </summary>
    public int[] PurposeMask { get; private set; } = [];
    /// <summary>Doc ids in id order (the tie-break order of equal scores).</summary>
    public int[] DocsByIdRank { get; private set; } = [];

    /// <summary>Doc → first window; windows of doc d are WindowStart[d]..WindowStart[d+1].</summary>
    public int[] WindowOffsets { get; private set; } = [];
    public long[] WindowOpens { get; private set; } = [];
    public long[] WindowCloses { get; private set; } = [];
    public bool[] YearRound { get; private set; } = [];
    /// <summary>Per doc: its family's number (-1: none); <see cref="FamilyDocs"/> lists each family's docs.</summary>
    public int[] Family { get; private set; } = [];
    public int[][] FamilyDocs { get; private set; } = [];
    /// <summary>Per doc: the end of its last fiscal year in UTC ticks (<see cref="long.MaxValue"/>: none).</summary>
    public long[] FiscalEnd { get; private set; } = [];

    public static IndexColumns Load(IndexReader reader)
    {
        var maxDoc = reader.MaxDoc;
        var c = new IndexColumns(maxDoc)
        {
            Rate = new int[maxDoc],
            Cap = new long[maxDoc],
            IdRank = new int[maxDoc],
            NameRank = new int[maxDoc],
            WindowOffsets = new int[maxDoc + 1],
            YearRound = new bool[maxDoc],
            FiscalEnd = new long[maxDoc],
            Family = new int[maxDoc],
        };
        var families = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < MultiDims; d++) c.Dims[d] = ValueTable.Load(reader, MultiFields[d]);

        var opens = new List<long>();
        var closes = new List<long>();
        var scratch = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var r = leaf.AtomicReader;
            var rate = r.GetNumericDocValues(SearchSchema.RateMax);
            var cap = r.GetNumericDocValues(SearchSchema.CapMax);
            var idRank = r.GetNumericDocValues(SearchSchema.IdRank);
            var nameRank = r.GetNumericDocValues(SearchSchema.NameRank);
            var windows = r.GetBinaryDocValues(SearchSchema.Windows);
            var fiscalEnd = r.GetNumericDocValues(SearchSchema.FiscalEnd);
            var family = r.GetSortedDocValues(SearchSchema.Family);
            for (var doc = 0; doc < r.MaxDoc; doc++)
            {
                var g = leaf.DocBase + doc;
                c.Rate[g] = (int)(rate?.Get(doc) ?? -1);
                c.Cap[g] = cap?.Get(doc) ?? -1;
                c.IdRank[g] = (int)(idRank?.Get(doc) ?? g);
                c.NameRank[g] = (int)(nameRank?.Get(doc) ?? g);
                c.FiscalEnd[g] = fiscalEnd?.Get(doc) ?? long.MaxValue;
                c.Family[g] = -1;
                if (family is not null && family.GetOrd(doc) >= 0)
                {
                    family.Get(doc, scratch);
                    var key = scratch.Utf8ToString();
                    if (!families.TryGetValue(key, out var id)) families[key] = id = families.Count;
                    c.Family[g] = id;
                }
                c.WindowOffsets[g] = opens.Count;
                if (windows is null) continue;
                windows.Get(doc, scratch);
                var span = scratch.Bytes.AsSpan(scratch.Offset, scratch.Length);
                for (var i = 0; i + ProgramDocuments.WindowBytes <= span.Length; i += ProgramDocuments.WindowBytes)
                {
                    opens.Add(BinaryPrimitives.ReadInt64LittleEndian(span[i..]));
                    closes.Add(BinaryPrimitives.ReadInt64LittleEndian(span[(i + 8)..]));
                    if (span[i + 16] == 1) c.YearRound[g] = true;
                }
            }
        }
        c.WindowOffsets[maxDoc] = opens.Count;
        c.RateLevel = new byte[maxDoc];
        c.CapLevel = new byte[maxDoc];
        for (var d = 0; d < maxDoc; d++)
        {
            c.RateLevel[d] = (byte)FacetBuckets.Rate.Count(b => c.Rate[d] >= b.Threshold);
            c.CapLevel[d] = (byte)FacetBuckets.Cap.Count(b => c.Cap[d] >= b);
        }
        c.PurposeMask = PurposeMasks(c.Dims[DimField], c.Dims[DimKind], maxDoc);
        c.DocsByIdRank = new int[maxDoc];
        for (var d = 0; d < maxDoc; d++) c.DocsByIdRank[d] = d;
        Array.Sort(c.DocsByIdRank, (a, b) => c.IdRank[a].CompareTo(c.IdRank[b]) is var k and not 0 ? k : a.CompareTo(b));
        c.FamilyDocs = Enumerable.Range(0, maxDoc).Where(d => c.Family[d] >= 0).GroupBy(d => c.Family[d])
            .OrderBy(f => f.Key).Select(f => f.ToArray()).ToArray();
        c.WindowOpens = [.. opens];
        c.WindowCloses = [.. closes];
        // Statuses only change when a window opens or (one tick after) it closes or a fiscal year ends.
        c._boundaries = opens.Where(o => o != long.MinValue)
            .Concat(closes.Concat(c.FiscalEnd).Where(x => x != long.MaxValue).Select(x => x + 1))
            .Distinct().Order().ToArray();
        return c;
    }

    private static int[] PurposeMasks(ValueTable fields, ValueTable kinds, int maxDoc)
    {
        int[] fieldMasks = [.. fields.Values.Select(v => Purposes.MaskOf(v, isField: true))];
        int[] kindMasks = [.. kinds.Values.Select(v => Purposes.MaskOf(v, isField: false))];
        var masks = new int[maxDoc];
        for (var d = 0; d < maxDoc; d++)
        {
            for (var i = fields.Offsets[d]; i < fields.Offsets[d + 1]; i++) masks[d] |= fieldMasks[fields.Ids[i]];
            for (var i = kinds.Offsets[d]; i < kinds.Offsets[d + 1]; i++) masks[d] |= kindMasks[kinds.Ids[i]];
        }
        return masks;
    }

    private long[] _boundaries = [];
    private StatusSnapshot? _snapshot;

    /// <summary>Every document's status and next deadline at a moment (see <see cref="StatusAt"/>).</summary>
    public sealed record StatusSnapshot(long From, long Until, sbyte[] Status, long[] NextDeadline);

    /// <summary>
    /// Statuses of all documents at <paramref name="asOfTicks"/>. Computed once per interval
    /// between window boundaries and reused, so "now" costs nothing until a window opens or closes.
    /// </summary>
    public StatusSnapshot StatusesAt(long asOfTicks)
    {
        var s = Volatile.Read(ref _snapshot);
        if (s is not null && asOfTicks >= s.From && asOfTicks < s.Until) return s;
        var i = Array.BinarySearch(_boundaries, asOfTicks);
        if (i < 0) i = ~i - 1; // the last boundary at or before asOf
        var from = i >= 0 ? _boundaries[i] : long.MinValue;
        var until = i + 1 < _boundaries.Length ? _boundaries[i + 1] : long.MaxValue;
        var status = new sbyte[MaxDoc];
        var next = new long[MaxDoc];
        for (var d = 0; d < MaxDoc; d++)
        {
            var (st, nx) = StatusAt(d, asOfTicks);
            status[d] = (sbyte)st;
            next[d] = nx;
        }
        s = new StatusSnapshot(from, until, status, next);
        Volatile.Write(ref _snapshot, s);
        return s;
    }

    /// <summary>Status index into <see cref="Programs.Vocabulary.Statuses"/> (-1: no window) and the next deadline in UTC ticks (-1: none).</summary>
    public (int Status, long NextDeadline) StatusAt(int doc, long asOfTicks)
    {
        int from = WindowOffsets[doc], to = WindowOffsets[doc + 1];
        return Programs.ProgramStatus.Rule(WindowOpens.AsSpan(from, to - from), WindowCloses.AsSpan(from, to - from), YearRound[doc], FiscalEnd[doc], asOfTicks);
    }

    /// <summary>
    /// The forecast of the next call for a doc: only the family's latest fiscal year carries it,
    /// computed from the dated windows of every record of the family (<see cref="CallForecast"/>).
    /// </summary>
    public CallForecast? ForecastFor(int doc, DateTimeOffset asOf)
    {
        if (Family[doc] < 0) return null;
        var docs = FamilyDocs[Family[doc]];
        // Fewer than two dated windows in the whole family: nothing to see a yearly pattern in.
        if (docs.Sum(d => WindowOffsets[d + 1] - WindowOffsets[d]) < CallForecast.MinimumYears) return null;
        var latest = docs.Max(LastFiscalYear);
        if (LastFiscalYear(doc) != latest || latest < 0) return null;
        var calls = new List<PastCall>();
        foreach (var d in docs)
        {
            if (YearRound[d]) return null; // open all year: there is no next call to expect
            var years = FiscalYearsOf(d).ToList();
            for (var i = WindowOffsets[d]; i < WindowOffsets[d + 1]; i++)
            {
                if (WindowOpens[i] == long.MinValue || WindowCloses[i] == long.MaxValue) continue;
                var start = new DateTimeOffset(WindowOpens[i], TimeSpan.Zero);
                var fy = years.Count == 1 ? years[0] : Notation.Wareki.FiscalYearOf(DateOnly.FromDateTime(start.ToOffset(ProgramStatus.Jst).DateTime));
                calls.Add(new PastCall(fy, start, new DateTimeOffset(WindowCloses[i], TimeSpan.Zero)));
            }
        }
        return CallForecast.Estimate(calls, asOf);
    }

    private IEnumerable<int> FiscalYearsOf(int doc)
    {
        var t = Dims[DimFiscalYear];
        for (var i = t.Offsets[doc]; i < t.Offsets[doc + 1]; i++)
            yield return int.Parse(t.Values[t.Ids[i]], System.Globalization.CultureInfo.InvariantCulture);
    }

    private int LastFiscalYear(int doc) => FiscalYearsOf(doc).DefaultIfEmpty(-1).Max();

    /// <summary>One multi-valued facet dimension.</summary>
    public sealed class ValueTable
    {
        public string[] Values { get; private init; } = [];
        public Dictionary<string, int> IdOf { get; private init; } = [];
        public int[] Offsets { get; private init; } = [];
        public int[] Ids { get; private init; } = [];

        public static ValueTable Load(IndexReader reader, string field)
        {
            var values = new List<string>();
            var idOf = new Dictionary<string, int>(StringComparer.Ordinal);
            var offsets = new int[reader.MaxDoc + 1];
            var ids = new List<int>();
            var scratch = new BytesRef();
            foreach (var leaf in reader.Leaves)
            {
                var dv = leaf.AtomicReader.GetSortedSetDocValues(field);
                var map = new int[dv?.ValueCount ?? 0];
                for (var ord = 0; ord < map.Length; ord++)
                {
                    dv!.LookupOrd(ord, scratch);
                    var s = scratch.Utf8ToString();
                    if (!idOf.TryGetValue(s, out var id)) { id = values.Count; values.Add(s); idOf[s] = id; }
                    map[ord] = id;
                }
                for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
                {
                    offsets[leaf.DocBase + doc] = ids.Count;
                    if (dv is null) continue;
                    dv.SetDocument(doc);
                    long ord;
                    while ((ord = dv.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ids.Add(map[ord]);
                }
            }
            offsets[reader.MaxDoc] = ids.Count;
            return new ValueTable { Values = [.. values], IdOf = idOf, Offsets = offsets, Ids = [.. ids] };
        }
    }
}
