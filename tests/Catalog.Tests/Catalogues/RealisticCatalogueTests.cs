using System.Text.Json.Nodes;
using Catalog.Benchmarks;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Tests.Support;
using Xunit.Abstractions;

namespace Catalog.Tests.Catalogues;

public class RealisticCatalogueTests(ITestOutputHelper output)
{
    [Fact]
    public void TheSameSeedAndCountGiveTheSameCatalogueAndAnotherSeedAnother()
    {
        var first = RealisticCatalogue.Generate(400).Select(p => ProgramJson.Serialize(p)).ToList();
        var again = RealisticCatalogue.Generate(400).Select(p => ProgramJson.Serialize(p)).ToList();
        var other = RealisticCatalogue.Generate(400, seed: 7).Select(p => ProgramJson.Serialize(p)).ToList();

        Assert.Equal(first, again);
        Assert.Equal(first.Take(150), RealisticCatalogue.Generate(150).Select(p => ProgramJson.Serialize(p)));
        Assert.True(first.Zip(other).Count(p => p.First != p.Second) > 390, "another seed should give other records");
    }

    [Fact]
    public async Task ThreeThousandRealisticRecordsImportThroughTheImporterAndAreFound()
    {
        await using var server = await CatalogTestServer.StartAsync();
        var ndjson = Path.Combine(server.DataPath, "realistic.ndjson");
        RealisticCatalogue.WriteNdjson(ndjson, 3000);

        var result = server.Importer.Import(ndjson);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Take(10)));
        Assert.Equal(3000, result.Counts.Added);
        Assert.Null(result.IndexError);
        var all = JsonNode.Parse(await server.Client.GetStringAsync("/api/programs?pageSize=1"))!;
        Assert.Equal(3000, all["total"]!.GetValue<long>());
        // A word of the documents is found in some records, not in all of them.
        var word = JsonNode.Parse(await server.Client.GetStringAsync("/api/programs?q=自動運転&pageSize=1"))!;
        Assert.InRange(word["total"]!.GetValue<long>(), 1, 2999);
    }

    [Fact]
    public void TheRealisticCataloguesWordsAreSkewedWithALongTailUnlikeTheSyntheticOnes()
    {
        const int count = 3000;
        using var folder = new TempFolder();
        using var analyzers = new CatalogAnalyzers(folder.Combine("userdict.csv"));
        var realisticRecords = RealisticCatalogue.Generate(count).ToList();
        var syntheticRecords = SyntheticCatalogue.Generate(count).ToList();
        var realistic = Distribution.Of(DocumentFrequencies(analyzers, realisticRecords), count);
        var synthetic = Distribution.Of(DocumentFrequencies(analyzers, syntheticRecords), count);
        output.WriteLine($"realistic: {realistic}");
        output.WriteLine($"synthetic: {synthetic}");

        // Many more words, most of them rare: a long tail.
        Assert.True(realistic.Terms >= 5 * synthetic.Terms, $"{realistic.Terms} terms against {synthetic.Terms}");
        Assert.True(realistic.RareShare > 0.4, $"only {realistic.RareShare:P0} of the terms are in under 1% of the records");
        Assert.True(synthetic.RareShare < realistic.RareShare / 3, $"synthetic {synthetic.RareShare:P0}, realistic {realistic.RareShare:P0}");
        // Skewed: the head words are in far more records than the typical word.
        Assert.True(realistic.HeadToMedian >= 20, $"the 10th word is in {realistic.HeadToMedian:F1}× the records of the median word");
        Assert.True(synthetic.HeadToMedian < realistic.HeadToMedian / 4, $"synthetic {synthetic.HeadToMedian:F1}×, realistic {realistic.HeadToMedian:F1}×");

        // The topics a query names (the field vocabulary: 自動運転, ドローン, 防災 …) are in a far
        // smaller share of the records than the synthetic catalogue's themes.
        double TopicShare(List<ProgramRecord> records, string topic) =>
            records.Count(r => (r.Name + r.Summary + r.Purpose).Contains(topic, StringComparison.Ordinal)) / (double)records.Count;
        var realisticTopics = Vocabulary.Fields.Select(f => TopicShare(realisticRecords, f)).Order().ToList();
        var syntheticTopics = Vocabulary.Fields.Select(f => TopicShare(syntheticRecords, f)).Order().ToList();
        output.WriteLine("topic shares, realistic: " + string.Join(" ", Vocabulary.Fields.Select(f => $"{f}:{TopicShare(realisticRecords, f):P1}")));
        output.WriteLine("topic shares, synthetic: " + string.Join(" ", Vocabulary.Fields.Select(f => $"{f}:{TopicShare(syntheticRecords, f):P1}")));
        var median = Vocabulary.Fields.Count / 2;
        Assert.True(realisticTopics[median] < syntheticTopics[median] / 2, $"median topic: realistic {realisticTopics[median]:P1}, synthetic {syntheticTopics[median]:P1}");
    }

    private sealed record Distribution(int Terms, double RareShare, double HeadToMedian, string Top)
    {
        public static Distribution Of(Dictionary<string, int> df, int records)
        {
            var ranked = df.Values.OrderDescending().ToArray();
            var top = string.Join(" ", df.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(8).Select(p => $"{p.Key}:{p.Value}"));
            return new(ranked.Length, ranked.Count(v => v < records / 100) / (double)ranked.Length,
                ranked[9] / (double)ranked[ranked.Length / 2], top);
        }
    }

    // In how many records each content term of the text fields occurs (the catalogue's analysis).
    private static Dictionary<string, int> DocumentFrequencies(CatalogAnalyzers analyzers, IEnumerable<ProgramRecord> records)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var analyzer = analyzers.ForQuery(SearchSchema.Body);
        foreach (var r in records)
        {
            var terms = new HashSet<string>(StringComparer.Ordinal);
            foreach (var text in new[] { r.Name, r.Summary, r.Purpose }.Concat(r.Requirements))
                foreach (var (term, _) in CatalogAnalyzers.Tokens(analyzer, SearchSchema.Body, text ?? ""))
                    if (term.Length >= 2 && !term.All(char.IsDigit)) terms.Add(term);
            foreach (var t in terms) df[t] = df.GetValueOrDefault(t) + 1;
        }
        return df;
    }
}
