using System.Globalization;
using Catalog.Tests.Support;
using Xunit.Abstractions;

namespace Catalog.Tests.Search;

/// <summary>
/// The planner query set (tests/search-eval/planner-queries.tsv) over the real seed: precision of
/// the first ten hits and recall of the whole answer, per query and on average. The averages may
/// not fall below the figures measured when the set was last improved (docs/search-evaluation.md).
/// </summary>
public sealed class PlannerQueryEvaluation(SeedServer seed, ITestOutputHelper output) : IClassFixture<SeedServer>
{
    // Measured 2026-12-04 after #26's search work; a change that lowers them is a regression.
    private const double PrecisionFloor = 0.77;
    private const double RecallFloor = 0.97;

    public sealed record Judged(string Query, IReadOnlySet<string> Relevant);

    public static IReadOnlyList<Judged> Load()
    {
        var ids = SeedRecords.All.Select(p => p.Id).ToList();
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "tests", "search-eval", "planner-queries.tsv"));
        return lines.Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l =>
        {
            var parts = l.Split('\t');
            var relevant = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(pattern =>
            {
                var matches = pattern.EndsWith('*') ? ids.Where(id => id.StartsWith(pattern[..^1], StringComparison.Ordinal)).ToList() : ids.Where(id => id == pattern).ToList();
                Assert.True(matches.Count > 0, $"「{parts[0]}」: {pattern} names no program of the seed");
                return matches;
            }).ToHashSet(StringComparer.Ordinal);
            return new Judged(parts[0], relevant);
        }).ToList();
    }

    [Fact]
    public async Task PlannerQueriesFindWhatPlannersExpect()
    {
        var judged = Load();
        Assert.True(judged.Count >= 60, $"only {judged.Count} queries");
        double precision = 0, recall = 0;
        var zero = 0;
        foreach (var j in judged)
        {
            var result = await seed.Server.Client.GetObjectAsync($"/api/programs?pageSize=100&q={Uri.EscapeDataString(j.Query)}");
            var hits = result.Ids();
            var top = hits.Take(10).ToList();
            var p = top.Count == 0 ? 0 : (double)top.Count(j.Relevant.Contains) / top.Count;
            var r = (double)hits.Count(j.Relevant.Contains) / j.Relevant.Count;
            if (hits.Count == 0) zero++;
            precision += p;
            recall += r;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{j.Query}\tP@10 {p:0.00}\trecall {r:0.00}\thits {hits.Count}"));
        }
        precision /= judged.Count;
        recall /= judged.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{judged.Count} queries: mean P@10 {precision:0.000}, mean recall {recall:0.000}, zero-hit queries {zero}"));
        Assert.True(precision >= PrecisionFloor, $"mean P@10 {precision:0.000} < {PrecisionFloor}");
        Assert.True(recall >= RecallFloor, $"mean recall {recall:0.000} < {RecallFloor}");
    }
}
