using Catalog.Core.Programs;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Catalog.Core.Search;

/// <summary>
/// Writes one index directory from the store's records, on every core. Analysis (the Japanese
/// tokenizer) is most of the cost, so the records are cut into contiguous parts, one per core;
/// each part is analysed by its own writer into a scratch folder, and the parts are then merged
/// into the generation's index as one segment, in record order. Doc ids therefore follow the
/// records (id order) whatever the thread timing, and the index is the one a single writer builds.
/// </summary>
internal static class IndexBuilder
{
    // A part costs one more writer and segment: not worth it for a handful of records.
    private const int MinPartSize = 16;
    private const string PartsFolder = "parts";

    /// <summary>How many parts (and threads) a build of <paramref name="count"/> records uses.</summary>
    public static int PartsFor(int count) => Math.Clamp(Math.Min(Environment.ProcessorCount, count / MinPartSize), 1, 8);

    /// <summary>Writes the index of <paramref name="records"/> into the empty or absent directory <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<ProgramRecord> records, CatalogAnalyzers analyzers, int parts)
    {
        var ranges = Ranges(records.Count, parts);
        var readings = new string[records.Count];
        Parallel(ranges, (from, to, _, stop) =>
        {
            for (var i = from; i < to && !stop.IsCancellationRequested; i++) readings[i] = analyzers.ReadingOf(records[i].Name);
        });
        var (idRank, nameRank) = Ranks(records, readings);

        var scratch = Path.Combine(path, PartsFolder);
        var partPaths = ranges.Select((_, k) => Path.Combine(scratch, k.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        Parallel(ranges, (from, to, k, stop) => WritePart(partPaths[k], records, from, to, idRank, nameRank, analyzers, stop));

        // One segment, as a single writer's ForceMerge(1) gives: scores over several segments can
        // differ in the last bit (their scorers sum in another order), which would reorder ties.
        using (var directory = new NIOFSDirectory(path))
        using (var writer = new IndexWriter(directory, Config(analyzers)))
        {
            var sources = partPaths.Select(p => new NIOFSDirectory(p)).ToArray();
            var readers = new List<DirectoryReader>();
            try
            {
                readers.AddRange(sources.Select(s => DirectoryReader.Open(s)));
                writer.AddIndexes(readers.ToArray<IndexReader>());
            }
            finally
            {
                foreach (var r in readers) r.Dispose();
                foreach (var s in sources) s.Dispose();
            }
            writer.Commit();
        }
        System.IO.Directory.Delete(scratch, recursive: true);
    }

    private static void WritePart(string path, IReadOnlyList<ProgramRecord> records, int from, int to, int[] idRank, int[] nameRank, CatalogAnalyzers analyzers, CancellationToken stop)
    {
        using var directory = new NIOFSDirectory(path);
        // The final merge joins every segment of every part: no merging here, no compound files to unpack.
        var config = Config(analyzers);
        config.MergePolicy = NoMergePolicy.NO_COMPOUND_FILES;
        config.UseCompoundFile = false;
        using var writer = new IndexWriter(directory, config);
        for (var i = from; i < to; i++)
        {
            stop.ThrowIfCancellationRequested();
            var r = records[i];
            try { writer.AddDocument(ProgramDocuments.Create(r, idRank[i], nameRank[i])); }
            catch (Exception e) { throw new IndexBuildException(r.Id, e); }
        }
        writer.Commit();
    }

    private static IndexWriterConfig Config(CatalogAnalyzers analyzers) => new(SearchSchema.Version, analyzers.Indexing)
    {
        OpenMode = OpenMode.CREATE,
        RAMBufferSizeMB = 128,
    };

    // Position of each record in id order and in 五十音順 (by reading, then the name itself, then id).
    private static (int[] IdRank, int[] NameRank) Ranks(IReadOnlyList<ProgramRecord> records, string[] readings)
    {
        var n = records.Count;
        var byId = Enumerable.Range(0, n).OrderBy(i => records[i].Id, StringComparer.Ordinal).ToArray();
        var byName = Enumerable.Range(0, n).OrderBy(i => readings[i], StringComparer.Ordinal)
            .ThenBy(i => records[i].Name, StringComparer.Ordinal).ThenBy(i => records[i].Id, StringComparer.Ordinal).ToArray();
        var idRank = new int[n];
        var nameRank = new int[n];
        for (var k = 0; k < n; k++)
        {
            idRank[byId[k]] = k;
            nameRank[byName[k]] = k;
        }
        return (idRank, nameRank);
    }

    private static (int From, int To)[] Ranges(int count, int parts) =>
        Enumerable.Range(0, parts).Select(k => (count * k / parts, count * (k + 1) / parts)).ToArray();

    // One thread per range; when one fails the others stop, and the first failure is rethrown.
    private static void Parallel((int From, int To)[] ranges, Action<int, int, int, CancellationToken> work)
    {
        using var stop = new CancellationTokenSource();
        if (ranges.Length == 1)
        {
            work(ranges[0].From, ranges[0].To, 0, stop.Token);
            return;
        }
        var errors = new Exception?[ranges.Length];
        var threads = ranges.Select((r, k) => new Thread(() =>
        {
            try { work(r.From, r.To, k, stop.Token); }
            catch (Exception e)
            {
                errors[k] = e;
                stop.Cancel();
            }
        }) { IsBackground = true, Name = $"index part {k}" }).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        if (errors.FirstOrDefault(e => e is not null and not OperationCanceledException) is { } first)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
    }
}

/// <summary>A record could not be indexed; the message names it, the index in use is untouched.</summary>
public sealed class IndexBuildException(string programId, Exception inner)
    : Exception($"program '{programId}' could not be indexed: {inner.Message}", inner)
{
    public string ProgramId { get; } = programId;
}
