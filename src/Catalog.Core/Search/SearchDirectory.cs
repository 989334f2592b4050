using Lucene.Net.Store;

namespace Catalog.Core.Search;

/// <summary>
/// The directory a generation searches: <see cref="NIOFSDirectory"/> (not MMapDirectory, which
/// crashes under concurrent search in beta00017, apache/lucenenet#1013) with a larger read
/// buffer. Every refill of Lucene's default 1 KB buffer is a positioned read through FileStream
/// (a seek, a stat and a pread): a profile of the bench mix at 100,000 programs put 12 % of the
/// search CPU in those refills while a dense query walks long posting lists.
/// </summary>
internal sealed class SearchDirectory(string path) : NIOFSDirectory(path)
{
    /// <summary>
    /// Bytes read per refill. Each posting or stored-fields reader that a search clones allocates
    /// its own buffer when it first reads, so this is also garbage per term and per query.
    /// </summary>
    public const int ReadBufferSize = 8192;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        var input = base.OpenInput(name, context);
        // Clones (one per posting enumerator) copy the size. The term dictionary keeps Lucene's 1 KB:
        // a term lookup reads one block of a few hundred bytes, and every lookup clones the file.
        if (input is BufferedIndexInput buffered && !name.EndsWith(".tim", StringComparison.Ordinal)) buffered.SetBufferSize(ReadBufferSize);
        return input;
    }
}
