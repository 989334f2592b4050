namespace Catalog.Core;

/// <summary>Where the catalogue keeps its data. Bound from the "Catalog" configuration section.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>Folder of the SQLite database and the search index (Catalog__DataPath); <see cref="CatalogPaths"/> makes it absolute.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>Folder imported on first start when the database is empty.</summary>
    public string SeedPath { get; set; } = "seed";

    /// <summary>Import the seed on first start.</summary>
    public bool SeedOnStart { get; set; } = true;

    /// <summary>How often the service looks for imports made by another process (the verbs).</summary>
    public TimeSpan FollowInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>What an import reads from a workbook or a CSV sheet before refusing it (Catalog__FileLimits__MaxRowsPerSheet …).</summary>
    public Import.FileLimits FileLimits { get; set; } = new();

    public string DatabasePath => Path.Combine(DataPath, "catalog.db");

    /// <summary>Query-time synonyms, re-read when edited; created from the built-in list when absent.</summary>
    public string SynonymsPath => Path.Combine(DataPath, "synonyms.txt");

    /// <summary>User dictionary of the Japanese analyzer; created from the built-in one when absent. Editing it needs a reindex.</summary>
    public string UserDictionaryPath => Path.Combine(DataPath, "userdict.csv");
}
