using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Catalog.Core.Drafting;
using Catalog.Core.Programs;
using Catalog.Tests.Search;
using Catalog.Tests.Support;
using Xunit.Abstractions;

namespace Catalog.Tests.Drafting;

/// <summary>
/// The draft evaluation (issue 28): the extractor over the official documents of tests/draft-eval
/// against what a reader takes from each (expected.json), and over the five original seed
/// documents against the curated records that quote them. Prints per-field precision and recall;
/// they may not fall below the figures measured when the extractor was last improved (docs/draft.md).
/// </summary>
public sealed class DraftEvaluation(ITestOutputHelper output)
{
    private static readonly string EvalFolder = Path.Combine(RepoPaths.Root, "tests", "draft-eval");
    private static readonly string[] SeedDocuments =
        ["000_f9fad185daa86c82.txt", "001_0e8e236d470c8435.txt", "002_73909b06327bf539.txt", "003_bd57ed70619b4186.txt", "004_437ce2a4ea7c911a.txt"];

    // Measured 2026-12-04 (docs/draft.md): precision 100 % on every field; it is held at 95 % as the
    // issue asks (a wrong value is worse than none), recall a little under what was measured.
    private static readonly Dictionary<string, (double Precision, double Recall)> EvalFloors = new()
    {
        ["ministry"] = (0.95, 0.95), ["fiscalYears"] = (0.95, 0.85), ["rate"] = (0.95, 0.90),
        ["caps"] = (0.95, 0.95), ["windows"] = (0.95, 0.85), ["applicants"] = (0.95, 0.75),
    };

    // The seed documents are reports naming many programs each; the draft proposes one record per
    // rate, so recall is low there (docs/draft.md). Precision is held all the same.
    private static readonly Dictionary<string, (double Precision, double Recall)> SeedFloors = new()
    {
        ["ministry"] = (0.95, 0.20), ["fiscalYears"] = (0.95, 0.05), ["rate"] = (0.95, 0.95),
        ["caps"] = (0.95, 0.30), ["windows"] = (0.95, 0.95), ["applicants"] = (0.95, 0.15),
    };

    [Fact]
    public void DraftsOfOfficialDocumentsMatchWhatAReaderTakesFromThem()
    {
        var clock = Stopwatch.StartNew();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(EvalFolder, "expected.json")));
        var score = new DraftScore();
        var documents = json.RootElement.GetProperty("documents").EnumerateArray().ToList();
        Assert.True(documents.Count >= 12, $"only {documents.Count} documents");
        foreach (var d in documents)
        {
            var name = d.GetProperty("document").GetString()!;
            var document = DraftDocument.Read(Path.Combine(EvalFolder, "documents", name));
            var drafted = DraftScore.Units(Drafter.Draft(document, name, stored: true));
            var expected = new Dictionary<string, HashSet<string>>
            {
                ["ministry"] = Strings(d, "ministry"),
                ["fiscalYears"] = d.GetProperty("fiscalYears").EnumerateArray().Select(y => y.GetInt32().ToString(CultureInfo.InvariantCulture)).ToHashSet(),
                ["rate"] = Strings(d, "rates").SelectMany(DraftScore.RateUnits).ToHashSet(),
                ["caps"] = Strings(d, "caps").SelectMany(DraftScore.CapUnits).ToHashSet(),
                ["windows"] = Strings(d, "windows"),
                ["applicants"] = Strings(d, "applicants"),
            };
            foreach (var field in DraftScore.Fields) score.Add(name, field, drafted[field], expected[field]);
        }
        Report(score, $"{documents.Count} official documents", clock);
        AssertFloors(score, EvalFloors);
    }

    private static void AssertFloors(DraftScore score, Dictionary<string, (double Precision, double Recall)> floors)
    {
        foreach (var (field, (precision, recall)) in floors)
        {
            Assert.True(score.Precision(field) >= precision, $"{field}: precision {score.Precision(field):P1} < {precision:P0}");
            Assert.True(score.Recall(field) >= recall, $"{field}: recall {score.Recall(field):P1} < {recall:P0}");
        }
    }

    [Fact]
    public void DraftsOfTheSeedDocumentsMatchTheCuratedRecordsThatQuoteThem()
    {
        var clock = Stopwatch.StartNew();
        var score = new DraftScore();
        foreach (var name in SeedDocuments)
        {
            var document = DraftDocument.Read(Path.Combine(RepoPaths.Seed, "documents", name));
            var drafted = DraftScore.Units(Drafter.Draft(document, name, stored: true));
            var curated = CuratedUnits(name);
            foreach (var field in DraftScore.Fields) score.Add(name, field, drafted[field], curated[field]);
        }
        Report(score, "5 seed documents against the curated seed", clock);
        AssertFloors(score, SeedFloors);
    }

    // The values of curated records that a quote from this document states (other bases are not the document's).
    private static Dictionary<string, HashSet<string>> CuratedUnits(string document)
    {
        var units = DraftScore.Fields.ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var p in SeedRecords.All)
        {
            bool Quoted(string path) => EvidencePaths.For(p.Evidence, path).Any(e => e.Document == document);
            var part = new ProgramRecord
            {
                Ministry = Quoted("ministry") ? p.Ministry : "",
                FiscalYears = p.FiscalYears.Where((_, i) => Quoted($"fiscalYears[{i}]")).ToList(),
                Rate = p.Rate is not null && Quoted("rate") ? p.Rate : null,
                Caps = p.Caps.Where((_, i) => Quoted($"caps[{i}]")).ToList(),
                Windows = p.Windows.Select((w, i) => new ApplicationWindow
                {
                    Start = Quoted($"windows[{i}].start") ? w.Start : null,
                    End = Quoted($"windows[{i}].end") ? w.End : null,
                }).ToList(),
                Applicants = p.Applicants.Where((_, i) => Quoted($"applicants[{i}]")).ToList(),
            };
            foreach (var (field, values) in DraftScore.Units([part])) units[field].UnionWith(values);
        }
        return units;
    }

    private static HashSet<string> Strings(JsonElement d, string property) =>
        d.GetProperty(property).EnumerateArray().Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal);

    private void Report(DraftScore score, string what, Stopwatch clock)
    {
        output.WriteLine($"{what} ({clock.ElapsedMilliseconds} ms):");
        output.WriteLine(score.Table());
        foreach (var line in score.Wrong) output.WriteLine(line);
    }
}
