using Catalog.Core.Programs;
using Catalog.Core.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using static Catalog.Tests.Support.Programs;

namespace Catalog.Tests.Search;

/// <summary>The collector over a small in-memory index: filters, multi-select counts, buckets, order.</summary>
public sealed class FacetingCollectorTests : IDisposable
{
    private static readonly DateTimeOffset May2024 = new(2024, 5, 1, 0, 0, 0, TimeSpan.FromHours(9));
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexColumns _columns;

    public FacetingCollectorTests()
    {
        ProgramRecord[] records =
        [
            Make("a", "A", ministry: "内閣府", kinds: ["交付金"], rateMax: 0.5m, capYen: 100_000_000,
                windows: [Window("2024-04-01T00:00:00+09:00", "2024-05-31T23:59:59+09:00")]),
            Make("b", "B", ministry: "総務省", kinds: ["補助金"], rateMax: 0.75m, capYen: 10_000_000,
                windows: [Window("2024-06-01T00:00:00+09:00", "2024-06-30T23:59:59+09:00")]),
            Make("c", "C", ministry: "総務省", kinds: ["交付金", "補助金"], rateMax: 1m, capYen: 600_000_000,
                windows: [Window("2024-01-01T00:00:00+09:00", "2024-01-31T23:59:59+09:00")]),
            Make("d", "D", ministry: "内閣府", kinds: ["委託"]),
        ];
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(SearchSchema.Version, new WhitespaceAnalyzer(SearchSchema.Version))))
        {
            for (var i = 0; i < records.Length; i++) writer.AddDocument(ProgramDocuments.Create(records[i], i, records.Length - 1 - i));
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _columns = IndexColumns.Load(_reader);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    private FacetingCollector Collect(SearchRequest request, int keep = 10)
    {
        var collector = new FacetingCollector(_columns, ProgramSearcherFilters(request), request.AsOf.UtcTicks, request.Sort, keep);
        new IndexSearcher(_reader).Search(new MatchAllDocsQuery(), collector);
        return collector.Finish();
    }

    private FacetingCollector.Filters ProgramSearcherFilters(SearchRequest r) => ProgramSearcher.ResolveFilters(_columns, r);

    private int Count(FacetingCollector c, int dim, string value) => c.DimCounts[dim][_columns.Dims[dim].IdOf[value]];

    private List<string> Ids(FacetingCollector c) => c.Sorted().Select(h => _columns.IdRank[h.Doc]).Select(rank => "abcd"[rank].ToString()).ToList();

    [Fact]
    public void AQueryWithRequiredClausesScoresTheSameWhenTheCollectorAsksForOrder()
    {
        static BooleanQuery AnyOf(string field, params string[] terms)
        {
            var q = new BooleanQuery();
            foreach (var t in terms) q.Add(new TermQuery(new Term(field, t)), Occur.SHOULD);
            return q;
        }
        var words = new BooleanQuery
        {
            { AnyOf(SearchSchema.Tags, "交付金", "補助金"), Occur.MUST },
            { AnyOf(SearchSchema.Org, "総務省", "内閣府"), Occur.MUST },
        };
        Assert.True(FacetingCollector.ScoredInOrder(words));
        Assert.False(FacetingCollector.ScoredInOrder(AnyOf(SearchSchema.Tags, "交付金", "補助金")));

        List<FacetingCollector.Hit> Hits(bool outOfOrder)
        {
            var request = new SearchRequest { AsOf = May2024 };
            var c = new FacetingCollector(_columns, ProgramSearcherFilters(request), request.AsOf.UtcTicks, request.Sort, 10) { AcceptsDocsOutOfOrder = outOfOrder };
            new IndexSearcher(_reader).Search(words, c);
            return [.. c.Finish().Sorted()];
        }
        var inOrder = Hits(outOfOrder: false);
        Assert.Equal(3, inOrder.Count); // a, b and c; d is neither 交付金 nor 補助金
        Assert.Equal(Hits(outOfOrder: true), inOrder);
    }

    [Fact]
    public void WithoutFiltersEveryDocumentIsCountedOncePerValue()
    {
        var c = Collect(new SearchRequest { AsOf = May2024 });
        Assert.Equal(4, c.Total);
        Assert.Equal(2, Count(c, IndexColumns.DimMinistry, "内閣府"));
        Assert.Equal(2, Count(c, IndexColumns.DimKind, "交付金"));
        Assert.Equal(2, Count(c, IndexColumns.DimKind, "補助金"));
    }

    [Fact]
    public void AFacetsOwnSelectionDoesNotNarrowItsCountsButNarrowsTheOthers()
    {
        var c = Collect(new SearchRequest { AsOf = May2024, Ministries = ["総務省"] });
        Assert.Equal(2, c.Total);
        Assert.Equal(2, Count(c, IndexColumns.DimMinistry, "内閣府")); // what choosing 内閣府 too would add
        Assert.Equal(0, Count(c, IndexColumns.DimKind, "委託"));      // d is not 総務省
        Assert.Equal(2, Count(c, IndexColumns.DimKind, "補助金"));
    }

    [Fact]
    public void StatusesAreCountedAtTheRequestedMoment()
    {
        var c = Collect(new SearchRequest { AsOf = May2024 });
        Assert.Equal(1, c.StatusCounts[ProgramStatus.Open]);     // a
        Assert.Equal(1, c.StatusCounts[ProgramStatus.Upcoming]); // b
        Assert.Equal(1, c.StatusCounts[ProgramStatus.Closed]);   // c; d has no window
        Assert.Equal(1, Collect(new SearchRequest { AsOf = May2024, Statuses = ["予告"] }).Total);
    }

    [Fact]
    public void RateAndCapBucketsCountEveryThresholdAReachesAndFilterByTheChosenOne()
    {
        var c = Collect(new SearchRequest { AsOf = May2024 });
        var half = Array.FindIndex(FacetBuckets.Rate, b => b.Value == "0.5");
        Assert.Equal(3, c.RateCounts[half]); // 0.5, 0.75, 1
        Assert.Equal(1, c.RateCounts[0]);    // only 10/10
        var oneHundredMillion = Array.IndexOf(FacetBuckets.Cap, 100_000_000L);
        Assert.Equal(2, c.CapCounts[oneHundredMillion]);
        Assert.Equal(["b", "c"], Ids(Collect(new SearchRequest { AsOf = May2024, RateMin = 0.75m })).Order().ToList());
        Assert.Equal(["b"], Ids(Collect(new SearchRequest { AsOf = May2024, CapMax = 50_000_000 })));
    }

    [Fact]
    public void SortsOrderTheKeptHitsAndTiesGoByIdOrder()
    {
        Assert.Equal(["c", "a", "b", "d"], Ids(Collect(new SearchRequest { AsOf = May2024, Sort = SearchSort.Cap })));
        Assert.Equal(["a", "b", "c", "d"], Ids(Collect(new SearchRequest { AsOf = May2024 })));
        Assert.Equal(["a", "b"], Ids(Collect(new SearchRequest { AsOf = May2024 }, keep: 2)));
    }

    [Fact]
    public void PurposesFollowEachDocsFieldsAndKindsInCountsAndInTheFilter()
    {
        ProgramRecord[] records =
        [
            Make("p", "P", fields: ["防災", "ドローン"], kinds: ["補助金"]),
            Make("q", "Q", fields: ["観光"], kinds: ["伴走支援・計画策定支援", "アドバイザー派遣"]),
            Make("r", "R", fields: [], kinds: ["補助金"]),
        ];
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchSchema.Version, new WhitespaceAnalyzer(SearchSchema.Version))))
            for (var i = 0; i < records.Length; i++) writer.AddDocument(ProgramDocuments.Create(records[i], i, i));
        using var reader = DirectoryReader.Open(directory);
        var columns = IndexColumns.Load(reader);
        var searcher = new IndexSearcher(reader);
        FacetingCollector Run(SearchRequest r)
        {
            var c = new FacetingCollector(columns, ProgramSearcher.ResolveFilters(columns, r), r.AsOf.UtcTicks, r.Sort, 10);
            searcher.Search(new MatchAllDocsQuery(), c);
            return c.Finish();
        }

        var all = Run(new SearchRequest { AsOf = May2024 });
        var expected = records.SelectMany(p => Purposes.Of(p.Fields, p.Kinds)).CountBy(v => v).ToDictionary();
        Assert.Equal(6, expected.Count); // 防災; 物流 and 先端技術 (ドローン); 観光; 計画づくり; 人材 (アドバイザー派遣)
        for (var i = 0; i < Purposes.All.Count; i++)
            Assert.Equal(expected.GetValueOrDefault(Purposes.Values[i]), all.PurposeCounts[i]);
        var planning = Run(new SearchRequest { AsOf = May2024, Purposes = ["計画づくりから相談したい"] });
        Assert.Equal(["q"], planning.Sorted().Select(h => records[columns.IdRank[h.Doc]].Id));
        Assert.Equal(all.PurposeCounts, planning.PurposeCounts); // its own facet is not narrowed by it
    }
}
