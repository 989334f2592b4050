using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Catalog.Japanese.Dictionary;

/// <summary>
/// The compiled dictionary as plain arrays: connection matrix, prefix trie, word entries,
/// character categories and unknown-word entries. Written by the builder, read by
/// <see cref="JapaneseDictionary"/>. Arrays are stored raw (little-endian) after a length
/// prefix, so loading is a handful of block copies; the whole payload is Brotli-compressed.
/// </summary>
internal sealed class DictionaryData
{
    public const uint Magic = 0x4349444A; // "JDIC"
    public const int FormatVersion = 1;
    private const uint EndMarker = 0x444E4521; // "!END"

    // Connection costs: Matrix[previousRightId * LeftSize + nextLeftId].
    public int RightSize;
    public int LeftSize;
    public short[] Matrix = [];

    // Trie over UTF-16 code units, nodes numbered breadth first so the children of a node are
    // contiguous and sorted by label: children of n are [TrieFirstChild[n], TrieFirstChild[n + 1]).
    public int[] TrieFirstChild = [];
    public char[] TrieLabel = [];
    public int[] TrieEntryStart = [];  // -1 when no word ends at the node
    public int[] TrieEntryCount = [];

    // Entries: known words first (homographs contiguous, in source order), then unknown-word rows.
    public int KnownEntryCount;
    public short[] LeftId = [];
    public short[] RightId = [];
    public short[] Cost = [];
    public int[] PosId = [];   // index into PosTable: "pos1,pos2,pos3,pos4,conjType,conjForm"
    public int[] TailId = [];  // index into tail pool: the remaining features, e.g. "食べる,タベ,タベ"
    public string[] PosTable = [];
    public char[] TailChars = [];
    public int[] TailOffsets = [];  // TailOffsets.Length = tail count + 1

    // Character categories (char.def): per BMP code unit, the main category and the bit mask of
    // all its categories (main and compatible).
    public string[] CategoryNames = [];
    public bool[] CategoryInvoke = [];
    public bool[] CategoryGroup = [];
    public int[] CategoryLength = [];
    public byte[] CharCategory = [];
    public ushort[] CharMask = [];
    // unk.def rows per category: entries [UnkStart[c], UnkStart[c] + UnkCount[c]).
    public int[] UnkStart = [];
    public int[] UnkCount = [];

    public void Write(Stream destination)
    {
        using var compressor = new BrotliStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(compressor);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(RightSize);
        w.Write(LeftSize);
        WriteArray(w, Matrix);
        WriteArray(w, TrieFirstChild);
        WriteArray(w, TrieLabel);
        WriteArray(w, TrieEntryStart);
        WriteArray(w, TrieEntryCount);
        w.Write(KnownEntryCount);
        WriteArray(w, LeftId);
        WriteArray(w, RightId);
        WriteArray(w, Cost);
        WriteArray(w, PosId);
        WriteArray(w, TailId);
        WriteStrings(w, PosTable);
        WriteArray(w, TailChars);
        WriteArray(w, TailOffsets);
        WriteStrings(w, CategoryNames);
        WriteArray(w, CategoryInvoke);
        WriteArray(w, CategoryGroup);
        WriteArray(w, CategoryLength);
        WriteArray(w, CharCategory);
        WriteArray(w, CharMask);
        WriteArray(w, UnkStart);
        WriteArray(w, UnkCount);
        w.Write(EndMarker);
    }

    public static DictionaryData Read(Stream source)
    {
        using var decompressor = new BrotliStream(source, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(decompressor, 1 << 16);
        using var r = new BinaryReader(buffered);
        if (r.ReadUInt32() != Magic)
        {
            throw new InvalidDataException("not a Catalog.Japanese dictionary (bad magic number)");
        }
        int version = r.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"dictionary format version {version}, expected {FormatVersion}");
        }
        var d = new DictionaryData
        {
            RightSize = r.ReadInt32(),
            LeftSize = r.ReadInt32(),
        };
        d.Matrix = ReadArray<short>(r);
        d.TrieFirstChild = ReadArray<int>(r);
        d.TrieLabel = ReadArray<char>(r);
        d.TrieEntryStart = ReadArray<int>(r);
        d.TrieEntryCount = ReadArray<int>(r);
        d.KnownEntryCount = r.ReadInt32();
        d.LeftId = ReadArray<short>(r);
        d.RightId = ReadArray<short>(r);
        d.Cost = ReadArray<short>(r);
        d.PosId = ReadArray<int>(r);
        d.TailId = ReadArray<int>(r);
        d.PosTable = ReadStrings(r);
        d.TailChars = ReadArray<char>(r);
        d.TailOffsets = ReadArray<int>(r);
        d.CategoryNames = ReadStrings(r);
        d.CategoryInvoke = ReadArray<bool>(r);
        d.CategoryGroup = ReadArray<bool>(r);
        d.CategoryLength = ReadArray<int>(r);
        d.CharCategory = ReadArray<byte>(r);
        d.CharMask = ReadArray<ushort>(r);
        d.UnkStart = ReadArray<int>(r);
        d.UnkCount = ReadArray<int>(r);
        if (r.ReadUInt32() != EndMarker)
        {
            throw new InvalidDataException("dictionary is truncated or corrupt (end marker missing)");
        }
        d.Validate();
        return d;
    }

    private void Validate()
    {
        int nodes = TrieLabel.Length;
        int entries = LeftId.Length;
        bool ok = Matrix.Length == RightSize * LeftSize
            && TrieFirstChild.Length == nodes + 1 && TrieEntryStart.Length == nodes && TrieEntryCount.Length == nodes
            && RightId.Length == entries && Cost.Length == entries && PosId.Length == entries && TailId.Length == entries
            && KnownEntryCount <= entries
            && CharCategory.Length == 0x10000 && CharMask.Length == 0x10000
            && CategoryInvoke.Length == CategoryNames.Length && CategoryGroup.Length == CategoryNames.Length
            && CategoryLength.Length == CategoryNames.Length
            && UnkStart.Length == CategoryNames.Length && UnkCount.Length == CategoryNames.Length
            && TailOffsets.Length >= 1 && TailOffsets[^1] == TailChars.Length;
        if (!ok)
        {
            throw new InvalidDataException("dictionary arrays have inconsistent sizes");
        }
    }

    private static void WriteArray<T>(BinaryWriter w, T[] values) where T : unmanaged
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader r) where T : unmanaged
    {
        int length = r.ReadInt32();
        if (length < 0 || length > 100_000_000)
        {
            throw new InvalidDataException($"implausible array length {length}");
        }
        var values = new T[length];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    private static void WriteStrings(BinaryWriter w, string[] values)
    {
        w.Write(values.Length);
        foreach (var s in values)
        {
            w.Write(s);
        }
    }

    private static string[] ReadStrings(BinaryReader r)
    {
        int length = r.ReadInt32();
        if (length < 0 || length > 10_000_000)
        {
            throw new InvalidDataException($"implausible string table length {length}");
        }
        var values = new string[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = r.ReadString();
        }
        return values;
    }
}
