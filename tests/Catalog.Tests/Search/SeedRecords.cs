using Catalog.Core.Programs;
using Catalog.Tests.Import;
using Catalog.Tests.Support;

namespace Catalog.Tests.Search;

/// <summary>
/// The seed's records as the importer validates them (derived fields filled in), so tests over the
/// seed count their expectations from the data rather than writing a number that every new
/// record would break.
/// </summary>
internal static class SeedRecords
{
    private static readonly Lazy<IReadOnlyList<ProgramRecord>> Loaded = new(() =>
    {
        using var t = new TestStore();
        var (result, programs, _) = t.Importer.Validate(RepoPaths.Seed);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return programs;
    });

    public static IReadOnlyList<ProgramRecord> All => Loaded.Value;

    public static int Count(Func<ProgramRecord, bool> predicate) => All.Count(predicate);
}
