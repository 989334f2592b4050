using System.Diagnostics.CodeAnalysis;

namespace Catalog.Japanese.Dictionary;

/// <summary>
/// The compiled IPADIC system dictionary: immutable and safe to share between threads. Use
/// <see cref="Default"/> for the dictionary embedded in this assembly (loaded once, on first
/// use) or <see cref="Load(string)"/> for a file produced by Catalog.Japanese.DictionaryBuilder.
/// </summary>
public sealed class JapaneseDictionary
{
    private const string ResourceName = "Catalog.Japanese.Resources.ipadic.dict.br";
    private static readonly Lazy<JapaneseDictionary> DefaultInstance =
        new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    internal readonly DictionaryData Data;
    private readonly int[] _rootChild;
    private readonly Lazy<Tokenization.KuromojiTables> _kuromoji;

    private JapaneseDictionary(DictionaryData data)
    {
        Data = data;
        _kuromoji = new(() => new Tokenization.KuromojiTables(this), LazyThreadSafetyMode.ExecutionAndPublication);
        // Direct table for the root's children: the widest fan-out, hit once per lookup.
        _rootChild = new int[0x10000];
        Array.Fill(_rootChild, -1);
        for (int n = data.TrieFirstChild[0]; n < data.TrieFirstChild[1]; n++)
        {
            _rootChild[data.TrieLabel[n]] = n;
        }
    }

    /// <summary>The IPADIC dictionary embedded in this assembly, loaded on first access.</summary>
    public static JapaneseDictionary Default => DefaultInstance.Value;

    /// <summary>Loads a dictionary file written by Catalog.Japanese.DictionaryBuilder.</summary>
    /// <param name="path">Path of the compiled (Brotli-compressed) dictionary.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid dictionary; the message names the file.</exception>
    public static JapaneseDictionary Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Japanese dictionary file '{path}' does not exist.", path);
        }
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    private static JapaneseDictionary LoadEmbedded()
    {
        using var stream = typeof(JapaneseDictionary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource '{ResourceName}' is missing from {typeof(JapaneseDictionary).Assembly.GetName().Name}");
        return Load(stream, ResourceName);
    }

    private static JapaneseDictionary Load(Stream stream, string name)
    {
        try
        {
            return new JapaneseDictionary(DictionaryData.Read(stream));
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or IndexOutOfRangeException or ArgumentException)
        {
            throw new InvalidDataException($"Japanese dictionary '{name}' is missing, truncated or corrupt: {e.Message}", e);
        }
    }

    /// <summary>Tables for the Kuromoji lattice, built on first use.</summary>
    internal Tokenization.KuromojiTables KuromojiTables => _kuromoji.Value;

    /// <summary>Number of word entries, excluding unknown-word rows.</summary>
    public int WordCount => Data.KnownEntryCount;

    /// <summary>Child of trie node <paramref name="node"/> labelled <paramref name="c"/>, or -1.</summary>
    internal int Child(int node, char c)
    {
        if (node == 0)
        {
            return _rootChild[c];
        }
        var labels = Data.TrieLabel;
        int lo = Data.TrieFirstChild[node];
        int hi = Data.TrieFirstChild[node + 1] - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            char m = labels[mid];
            if (m == c)
            {
                return mid;
            }
            if (m < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /// <summary>Entries whose surface is exactly <paramref name="surface"/>.</summary>
    internal IEnumerable<int> EntriesOf(string surface)
    {
        int node = 0;
        foreach (char c in surface)
        {
            node = Child(node, c);
            if (node < 0)
            {
                return [];
            }
        }
        return Enumerable.Range(Data.TrieEntryStart[node], Data.TrieEntryCount[node]);
    }

    internal int ConnectionCost(int previousRightId, int nextLeftId) =>
        Data.Matrix[previousRightId * Data.LeftSize + nextLeftId];

    internal ReadOnlySpan<char> Tail(int entry)
    {
        int id = Data.TailId[entry];
        int start = Data.TailOffsets[id];
        return Data.TailChars.AsSpan(start, Data.TailOffsets[id + 1] - start);
    }

    internal string PartOfSpeechFeatures(int entry) => Data.PosTable[Data.PosId[entry]];

    [SuppressMessage("Performance", "CA1822", Justification = "kept on the instance for symmetry")]
    internal bool IsUnknownEntry(int entry) => entry >= Data.KnownEntryCount;
}
