using System.Diagnostics;
using System.Globalization;
using Catalog.Core;
using Catalog.Core.Import;
using Catalog.Core.Programs;
using Catalog.Core.Store;
using Dapper;

namespace Catalog.Benchmarks;

/// <summary>
/// How much history costs: a synthetic catalogue of N programs is imported, then one field of
/// one program is changed R times (each import a revision), and twice more through a replacing
/// import of the whole catalogue with one field changed. Reports the bytes the history tables
/// and the database grow per revision. No search index is involved.
/// Usage: dotnet run -c Release --project tests/Catalog.Benchmarks -- --revisions [count] [revisions]
/// </summary>
public static class RevisionStorage
{
    public static int Run(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "catalog-revisions-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var database = new CatalogDatabase(new CatalogOptions { DataPath = data });
            database.Migrate();
            var importer = new CatalogImporter(new ProgramStore(database));
            var ndjson = Path.Combine(data, "synthetic.ndjson");
            SyntheticCatalogue.WriteNdjson(ndjson, count);
            var sw = Stopwatch.StartNew();
            Check(importer.Import(ndjson));
            Console.WriteLine($"Synthetic catalogue: {count:N0} programs imported in {sw.Elapsed.TotalSeconds:F1} s (revision 1).");
            var (history0, file0) = Measure(database);
            Console.WriteLine($"after revision 1:  history rows {history0 / 1048576.0,8:F1} MB   database pages in use {file0 / 1048576.0,8:F1} MB");

            // One field of one program, one import each: the everyday case.
            var programs = SyntheticCatalogue.Generate(count).ToList();
            var random = new Random(7);
            var one = Path.Combine(data, "one.ndjson");
            for (var i = 0; i < rounds; i++)
            {
                var p = programs[random.Next(programs.Count)];
                p.Summary += $"（改訂{i + 1}）";
                File.WriteAllText(one, ProgramJson.Serialize(p) + "\n");
                Check(importer.Import(one));
            }
            var (history1, file1) = Measure(database);
            Console.WriteLine($"{rounds} one-field revisions (import of one program each):");
            Console.WriteLine($"  history rows +{(history1 - history0) / (double)rounds,6:F0} bytes per revision   database pages in use +{(file1 - file0) / (double)rounds,6:F0} bytes per revision");

            // The whole catalogue again with one field changed, as import --replace reads it.
            const int replaceRounds = 2;
            double seconds = 0;
            for (var i = 0; i < replaceRounds; i++)
            {
                programs[random.Next(programs.Count)].Summary += "（全体改訂）";
                using (var writer = new StreamWriter(ndjson))
                    foreach (var p in programs) writer.Write(ProgramJson.Serialize(p) + "\n");
                sw.Restart();
                var result = importer.Import(ndjson, new ImportOptions { Replace = true });
                seconds += sw.Elapsed.TotalSeconds;
                Check(result);
                if (result.Commit!.Changes.Count != 1) throw new InvalidOperationException($"expected one change, got {result.Commit.Changes.Count}");
            }
            var (history2, file2) = Measure(database);
            Console.WriteLine($"{replaceRounds} one-field revisions (import --replace of all {count:N0} programs each, {seconds / replaceRounds:F1} s each):");
            Console.WriteLine($"  history rows +{(history2 - history1) / (double)replaceRounds,6:F0} bytes per revision   database pages in use +{(file2 - file1) / (double)replaceRounds,6:F0} bytes per revision");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static void Check(ImportResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("\n", result.Errors.Take(10)));
    }

    // The bytes the history rows hold (column values; this SQLite has no dbstat for page-exact figures),
    // and the pages in use in the database file after a checkpoint.
    private static (long History, long File) Measure(CatalogDatabase database)
    {
        using var connection = database.Open();
        connection.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        const string historySql = """
            SELECT (SELECT ifnull(sum(length(entity_kind) + length(entity_key) + ifnull(length(program_id), 0) + length(change)
                        + length(label) + ifnull(length(after_json), 0) + ifnull(length(fields_json), 0) + 8), 0) FROM revision_changes)
                 + (SELECT ifnull(sum(length(created_at) + length(kind) + length(source) + ifnull(length(sha256), 0) + 8 * 5), 0) FROM revisions);
            """;
        var history = connection.ExecuteScalar<long>(historySql);
        var pages = connection.ExecuteScalar<long>("PRAGMA page_count;") - connection.ExecuteScalar<long>("PRAGMA freelist_count;");
        return (history, pages * connection.ExecuteScalar<long>("PRAGMA page_size;"));
    }
}
