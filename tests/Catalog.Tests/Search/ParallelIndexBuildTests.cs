using Catalog.Benchmarks;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using static Catalog.Tests.Support.Programs;

namespace Catalog.Tests.Search;

public sealed class ParallelIndexBuildTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly CatalogAnalyzers _analyzers;

    public ParallelIndexBuildTests() => _analyzers = new CatalogAnalyzers(_data.Combine("userdict.csv"));

    public void Dispose()
    {
        _analyzers.Dispose();
        _data.Dispose();
    }

    private static readonly string[] Queries =
        ["自動運転", "データ連携基盤 補助金", "スマートシティ 実証", "こうふきん", "ドローン -物流", "MaaS OR 交通", "\"地方公共団体を支援\"", "見守り 子育て", "防災"];

    [Fact]
    public void AnIndexBuiltInThreePartsHoldsTheSameDocsInTheSameOrderAndScoresEveryQueryAlike()
    {
        var records = SyntheticCatalogue.Generate(600).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var one = _data.Combine("one");
        var three = _data.Combine("three");
        IndexBuilder.Write(one, records, _analyzers, parts: 1);
        IndexBuilder.Write(three, records, _analyzers, parts: 3);

        using var oneReader = DirectoryReader.Open(FSDirectory.Open(one));
        using var threeReader = DirectoryReader.Open(FSDirectory.Open(three));
        // One segment either way: scores over several can differ in the last bit and reorder ties.
        Assert.Single(oneReader.Leaves);
        Assert.Single(threeReader.Leaves);
        Assert.False(System.IO.Directory.Exists(Path.Combine(three, "parts")), "the parts' scratch folder is removed");

        // Doc ids follow the records, whatever the threads did.
        Assert.Equal(records.Select(r => r.Id), Enumerable.Range(0, threeReader.MaxDoc).Select(d => threeReader.Document(d).Get(SearchSchema.Id)));
        Assert.Equal(records.Select(r => r.Id), Enumerable.Range(0, oneReader.MaxDoc).Select(d => oneReader.Document(d).Get(SearchSchema.Id)));

        var oneColumns = IndexColumns.Load(oneReader);
        var threeColumns = IndexColumns.Load(threeReader);
        Assert.Equal(oneColumns.IdRank, threeColumns.IdRank);
        Assert.Equal(oneColumns.NameRank, threeColumns.NameRank);
        Assert.Equal(oneColumns.Cap, threeColumns.Cap);
        Assert.Equal(oneColumns.Rate, threeColumns.Rate);

        var queries = new QueryBuilder(_analyzers, new SynonymSet(_data.Combine("synonyms.txt")));
        var matched = 0;
        foreach (var q in Queries)
        {
            var query = queries.Build(QueryText.Parse(q), QueryBuilder.QueryMode.Precise).Query;
            var a = new IndexSearcher(oneReader).Search(query, records.Count);
            var b = new IndexSearcher(threeReader).Search(query, records.Count);
            Assert.Equal(a.TotalHits, b.TotalHits);
            Assert.Equal(a.ScoreDocs.Select(d => (d.Doc, d.Score)), b.ScoreDocs.Select(d => (d.Doc, d.Score)));
            matched += a.TotalHits;
        }
        Assert.True(matched > 0, "no query matched anything; the comparison proved nothing");
    }

    [Fact]
    public async Task ARecordThatCannotBeIndexedFailsTheRebuildByNameAndTheOldIndexKeepsServing()
    {
        await using var server = await CatalogTestServer.StartAsync();
        var good = Enumerable.Range(0, 100).Select(i => Make($"p-{i:D3}", $"スマートシティ推進事業{i}", summary: "データ連携基盤を整備する")).ToArray();
        server.Add(good);
        var before = System.IO.Directory.EnumerateDirectories(server.DataPath, "index-*").Single();

        // The store holds what the importer would reject: a rate no index column can hold fails
        // building its document. It sorts last, so the last part meets it when there are several.
        var broken = Make("p-zzz-broken", "壊れた事業", rateMax: decimal.MaxValue);
        server.Store.Upsert([broken], [], "test");

        var e = Assert.Throws<IndexBuildException>(() => server.Index.Rebuild());
        Assert.Equal("p-zzz-broken", e.ProgramId);
        Assert.Contains("p-zzz-broken", e.Message);

        Assert.Equal(before, System.IO.Directory.EnumerateDirectories(server.DataPath, "index-*").Single());
        var all = await server.Client.GetObjectAsync("/api/programs?pageSize=1");
        Assert.Equal(100, all["total"]!.GetValue<int>());
    }
}
