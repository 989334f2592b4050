using System.Diagnostics;
using Catalog.Core;
using Catalog.Core.Import;
using Catalog.Core.Programs;
using Catalog.Core.Store;
using Catalog.Core.Workbook;

namespace Catalog.Benchmarks;

/// <summary>
/// Time and peak working set of the Excel workbook on a synthetic catalogue: export (streamed),
/// then import of that workbook into an empty catalogue (read, validate, write SQLite).
/// Usage: dotnet run -c Release --project tests/Catalog.Benchmarks -- --workbook [count] [export]
/// ("export" stops after the export).
/// </summary>
public static class WorkbookBenchmark
{
    public static int Run(int count, bool exportOnly = false)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "catalog-workbook-bench-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            Console.WriteLine($"Synthetic catalogue: {count:N0} programs; {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            var records = SyntheticCatalogue.Generate(count).ToList();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var baseline = Process.GetCurrentProcess();
            Console.WriteLine($"records in memory:  working set {Mb(baseline.WorkingSet64),6:F0} MB  (peak so far {Mb(baseline.PeakWorkingSet64):F0} MB)");

            var file = Path.Combine(folder, "catalog.xlsx");
            var sw = Stopwatch.StartNew();
            var cpu = baseline.TotalProcessorTime;
            WorkbookExporter.WriteFile(records, file);
            var afterExport = Process.GetCurrentProcess();
            Console.WriteLine($"export:   {sw.Elapsed.TotalSeconds,7:F1} s  (CPU {(afterExport.TotalProcessorTime - cpu).TotalSeconds:F1} s)  peak working set {Mb(afterExport.PeakWorkingSet64),6:F0} MB  ({new FileInfo(file).Length / 1048576.0:F1} MB workbook)");

            // What the import's limits (FileLimits) see of it: the parts as they expand.
            using (var zip = System.IO.Compression.ZipFile.OpenRead(file))
            {
                var largest = zip.Entries.MaxBy(e => e.Length)!;
                Console.WriteLine($"parts:    {zip.Entries.Count} parts, {zip.Entries.Sum(e => e.Length) / 1048576.0:F1} MB expanded; largest {largest.FullName} {largest.Length / 1048576.0:F1} MB");
            }

            if (exportOnly) return 0;
            records = null;
            GC.Collect();
            var db = new CatalogDatabase(new CatalogOptions { DataPath = Path.Combine(folder, "data") });
            db.Migrate();
            sw.Restart();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            // A stress test, past the import's default limits (100,000 rows a sheet, 128 MB a part).
            var limits = new FileLimits
            {
                MaxFileBytes = long.MaxValue, MaxPartBytes = long.MaxValue, MaxExpandedBytes = long.MaxValue,
                MaxRowsPerSheet = int.MaxValue, MaxReadTime = TimeSpan.MaxValue,
            };
            var result = new CatalogImporter(new ProgramStore(db), limits: limits).Import(file);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("\n", result.Errors.Take(10)));
            var afterImport = Process.GetCurrentProcess();
            Console.WriteLine($"import:   {sw.Elapsed.TotalSeconds,7:F1} s  (CPU {(afterImport.TotalProcessorTime - cpu).TotalSeconds:F1} s)  peak working set {Mb(afterImport.PeakWorkingSet64),6:F0} MB  ({result.Counts.Added:N0} added)");
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static double Mb(long bytes) => bytes / 1048576.0;
}
