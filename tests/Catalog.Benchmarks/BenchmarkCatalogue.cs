namespace Catalog.Benchmarks;

/// <summary>
/// Which generated catalogue a run uses: <c>--catalogue synthetic|realistic</c> anywhere on the
/// command line, else the environment variable <c>CATALOG_BENCH_CATALOGUE</c> (so tools that only
/// pass <c>--write-ndjson FILE COUNT</c> can choose), else synthetic.
/// </summary>
public sealed record BenchmarkCatalogue(string Name, string Description, Action<string, int> WriteNdjson)
{
    public const string EnvironmentVariable = "CATALOG_BENCH_CATALOGUE";

    public static readonly BenchmarkCatalogue Synthetic = new("synthetic",
        "20 themes in 5 sentence templates: every text query matches a large share (worst case)",
        (path, count) => SyntheticCatalogue.WriteNdjson(path, count));

    public static readonly BenchmarkCatalogue Realistic = new("realistic",
        "sentences and Zipf-drawn nouns of seed/documents, skewed facets (typical case)",
        (path, count) => RealisticCatalogue.WriteNdjson(path, count));

    public static IReadOnlyList<BenchmarkCatalogue> All { get; } = [Synthetic, Realistic];

    /// <summary>Takes <c>--catalogue NAME</c> out of <paramref name="args"/> and returns the choice and the remaining arguments.</summary>
    public static (BenchmarkCatalogue Catalogue, string[] Arguments) Choose(string[] args)
    {
        var rest = new List<string>();
        string? name = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--catalogue")
            {
                if (i + 1 >= args.Length) throw new ArgumentException("--catalogue needs a name: " + Names);
                name = args[++i];
            }
            else if (args[i].StartsWith("--catalogue=", StringComparison.Ordinal)) name = args[i]["--catalogue=".Length..];
            else rest.Add(args[i]);
        }
        name ??= Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : Synthetic.Name;
        var catalogue = All.FirstOrDefault(c => c.Name == name.Trim().ToLowerInvariant())
            ?? throw new ArgumentException($"unknown catalogue '{name}' (--catalogue or {EnvironmentVariable}); known: {Names}");
        return (catalogue, [.. rest]);
    }

    private static string Names => string.Join(", ", All.Select(c => c.Name));
}
