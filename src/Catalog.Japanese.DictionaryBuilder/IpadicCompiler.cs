using System.Globalization;
using Catalog.Japanese.Dictionary;

namespace Catalog.Japanese.DictionaryBuilder;

/// <summary>Reads the IPADIC source directory and produces <see cref="DictionaryData"/>.</summary>
internal static class IpadicCompiler
{
    private sealed record Row(string Surface, short Left, short Right, short Cost, string Pos, string Tail);

    public static DictionaryData Compile(string sourceDir, TextWriter log)
    {
        var data = new DictionaryData();
        ReadMatrix(Path.Combine(sourceDir, "matrix.def"), data);
        log.WriteLine($"matrix {data.RightSize}x{data.LeftSize}");

        var posIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var tails = new TailPool();

        // Files in ordinal name order and rows in file order; a stable sort by surface then keeps
        // homographs in source order, which decides ties between equal-cost homographs.
        var files = Directory.GetFiles(sourceDir, "*.csv").OrderBy(Path.GetFileName, StringComparer.Ordinal).ToList();
        var rows = new List<Row>(400_000);
        foreach (var file in files)
        {
            foreach (var line in EucJp.ReadLines(file))
            {
                if (line.Length == 0)
                {
                    continue;
                }
                var f = line.Split(',');
                if (f.Length < 5)
                {
                    throw new InvalidDataException($"{file}: malformed row '{line}'");
                }
                SplitFeatures(f.AsSpan(4), out var pos, out var tail);
                rows.Add(new Row(f[0], short.Parse(f[1], CultureInfo.InvariantCulture), short.Parse(f[2], CultureInfo.InvariantCulture),
                    short.Parse(f[3], CultureInfo.InvariantCulture), pos, tail));
            }
        }
        log.WriteLine($"{rows.Count:N0} entries from {files.Count} CSV files");
        var sorted = rows.OrderBy(r => r.Surface, StringComparer.Ordinal).ToList();

        var unkRows = ReadCharDefAndUnk(sourceDir, data);
        var all = sorted.Concat(unkRows.Select(u => u.Row)).ToList();
        data.KnownEntryCount = sorted.Count;
        for (int c = 0; c < data.UnkStart.Length; c++)
        {
            if (data.UnkStart[c] >= 0)
            {
                data.UnkStart[c] += sorted.Count;
            }
        }
        data.LeftId = all.Select(r => r.Left).ToArray();
        data.RightId = all.Select(r => r.Right).ToArray();
        data.Cost = all.Select(r => r.Cost).ToArray();
        data.PosId = all.Select(r => Intern(posIds, r.Pos)).ToArray();
        data.TailId = all.Select(r => tails.Add(r.Tail)).ToArray();
        data.PosTable = posIds.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        (data.TailChars, data.TailOffsets) = tails.ToArrays();
        log.WriteLine($"{data.PosTable.Length} part-of-speech combinations, {data.TailOffsets.Length - 1:N0} distinct feature tails");

        BuildTrie(sorted, data);
        log.WriteLine($"trie: {data.TrieLabel.Length:N0} nodes");
        return data;
    }

    private static int Intern(Dictionary<string, int> table, string value)
    {
        if (!table.TryGetValue(value, out int id))
        {
            id = table.Count;
            table.Add(value, id);
        }
        return id;
    }

    /// <summary>First six features (POS 1-4, conjugation type and form) and the rest.</summary>
    private static void SplitFeatures(ReadOnlySpan<string> features, out string pos, out string tail)
    {
        var head = new string[6];
        for (int i = 0; i < 6; i++)
        {
            head[i] = i < features.Length ? features[i] : "*";
        }
        pos = string.Join(',', head);
        tail = features.Length > 6 ? string.Join(',', features[6..].ToArray()) : "";
    }

    private static void ReadMatrix(string path, DictionaryData data)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        data.RightSize = int.Parse(header[0], CultureInfo.InvariantCulture);
        data.LeftSize = int.Parse(header[1], CultureInfo.InvariantCulture);
        data.Matrix = new short[data.RightSize * data.LeftSize];
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 3)
            {
                continue;
            }
            int right = int.Parse(f[0], CultureInfo.InvariantCulture);
            int left = int.Parse(f[1], CultureInfo.InvariantCulture);
            data.Matrix[right * data.LeftSize + left] = short.Parse(f[2], CultureInfo.InvariantCulture);
        }
    }

    private sealed record UnkRow(int Category, Row Row);

    private static List<UnkRow> ReadCharDefAndUnk(string sourceDir, DictionaryData data)
    {
        var names = new List<string>();
        var invoke = new List<bool>();
        var group = new List<bool>();
        var length = new List<int>();
        var category = new byte[0x10000];
        var mask = new ushort[0x10000];
        bool masksInitialised = false;

        foreach (var raw in EucJp.ReadLines(Path.Combine(sourceDir, "char.def")))
        {
            int hash = raw.IndexOf('#');
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var f = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (!f[0].StartsWith("0x", StringComparison.Ordinal))
            {
                names.Add(f[0]);
                invoke.Add(f[1] == "1");
                group.Add(f[2] == "1");
                length.Add(int.Parse(f[3], CultureInfo.InvariantCulture));
                continue;
            }
            if (!masksInitialised)
            {
                // Code points not listed anywhere belong to DEFAULT.
                int def = names.IndexOf("DEFAULT");
                Array.Fill(category, (byte)def);
                Array.Fill(mask, (ushort)(1 << def));
                masksInitialised = true;
            }
            var range = f[0].Split("..");
            int lo = Convert.ToInt32(range[0], 16);
            int hi = range.Length > 1 ? Convert.ToInt32(range[1], 16) : lo;
            int main = names.IndexOf(f[1]);
            ushort bits = 0;
            for (int i = 1; i < f.Length; i++)
            {
                bits |= (ushort)(1 << names.IndexOf(f[i]));
            }
            for (int c = lo; c <= hi && c <= 0xFFFF; c++)
            {
                category[c] = (byte)main;
                mask[c] = bits;
            }
        }
        if (names.Count > 16)
        {
            throw new InvalidDataException("more than 16 character categories");
        }

        var unk = new List<UnkRow>();
        foreach (var line in EucJp.ReadLines(Path.Combine(sourceDir, "unk.def")))
        {
            if (line.Length == 0)
            {
                continue;
            }
            var f = line.Split(',');
            SplitFeatures(f.AsSpan(4), out var pos, out var tail);
            int cat = names.IndexOf(f[0]);
            if (cat < 0)
            {
                throw new InvalidDataException($"unk.def: unknown category {f[0]}");
            }
            unk.Add(new UnkRow(cat, new Row(f[0], short.Parse(f[1], CultureInfo.InvariantCulture), short.Parse(f[2], CultureInfo.InvariantCulture),
                short.Parse(f[3], CultureInfo.InvariantCulture), pos, tail)));
        }
        // Group unk rows by category keeping file order within each category.
        unk = unk.OrderBy(u => u.Category).ToList();
        data.UnkStart = new int[names.Count];
        data.UnkCount = new int[names.Count];
        Array.Fill(data.UnkStart, -1);
        for (int i = 0; i < unk.Count; i++)
        {
            int c = unk[i].Category;
            if (data.UnkCount[c]++ == 0)
            {
                data.UnkStart[c] = i; // relative; shifted by the known entry count below
            }
        }
        data.CategoryNames = names.ToArray();
        data.CategoryInvoke = invoke.ToArray();
        data.CategoryGroup = group.ToArray();
        data.CategoryLength = length.ToArray();
        data.CharCategory = category;
        data.CharMask = mask;
        return unk;
    }

    private static void BuildTrie(List<Row> sorted, DictionaryData data)
    {
        // Distinct surfaces with their entry ranges.
        var surfaces = new List<string>();
        var starts = new List<int>();
        var counts = new List<int>();
        for (int i = 0; i < sorted.Count; i++)
        {
            if (i > 0 && sorted[i].Surface == sorted[i - 1].Surface)
            {
                counts[^1]++;
                continue;
            }
            surfaces.Add(sorted[i].Surface);
            starts.Add(i);
            counts.Add(1);
        }

        var firstChild = new List<int>();
        var label = new List<char> { '\0' };
        var entryStart = new List<int>();
        var entryCount = new List<int>();
        // Breadth-first: each queued node covers the surfaces [lo, hi) sharing a prefix of length depth.
        var queue = new Queue<(int Lo, int Hi, int Depth)>();
        queue.Enqueue((0, surfaces.Count, 0));
        int nextId = 1;
        while (queue.Count > 0)
        {
            var (lo, hi, depth) = queue.Dequeue();
            if (lo < hi && surfaces[lo].Length == depth)
            {
                entryStart.Add(starts[lo]);
                entryCount.Add(counts[lo]);
                lo++;
            }
            else
            {
                entryStart.Add(-1);
                entryCount.Add(0);
            }
            firstChild.Add(nextId);
            int i = lo;
            while (i < hi)
            {
                char c = surfaces[i][depth];
                int j = i + 1;
                while (j < hi && surfaces[j][depth] == c)
                {
                    j++;
                }
                label.Add(c);
                queue.Enqueue((i, j, depth + 1));
                nextId++;
                i = j;
            }
        }
        firstChild.Add(nextId);
        data.TrieFirstChild = firstChild.ToArray();
        data.TrieLabel = label.ToArray();
        data.TrieEntryStart = entryStart.ToArray();
        data.TrieEntryCount = entryCount.ToArray();
    }

    private sealed class TailPool
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _values = [];

        public int Add(string tail)
        {
            if (!_ids.TryGetValue(tail, out int id))
            {
                id = _values.Count;
                _ids.Add(tail, id);
                _values.Add(tail);
            }
            return id;
        }

        public (char[] Chars, int[] Offsets) ToArrays()
        {
            var offsets = new int[_values.Count + 1];
            var chars = new char[_values.Sum(v => v.Length)];
            int at = 0;
            for (int i = 0; i < _values.Count; i++)
            {
                offsets[i] = at;
                _values[i].CopyTo(chars.AsSpan(at));
                at += _values[i].Length;
            }
            offsets[^1] = at;
            return (chars, offsets);
        }
    }
}
