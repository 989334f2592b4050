using Catalog.Japanese.Tokenization;

namespace Catalog.Japanese.Dictionary;

/// <summary>
/// User words in Kuromoji's CSV form: <c>surface,segmentation,readings,part-of-speech</c>, where
/// segmentation and readings are space-separated, one reading per segment, e.g.
/// <c>関西国際空港,関西 国際 空港,カンサイ コクサイ クウコウ,カスタム名詞</c>. Lines starting with
/// <c>#</c> and blank lines are ignored. A user word wins over system words at its position and is
/// never decompounded; it is emitted as its segments. Immutable and thread-safe once loaded.
/// </summary>
public sealed class UserDictionary
{
    internal sealed record Entry(string Surface, string[] Segments, string[] Readings, string PartOfSpeech);

    private readonly Entry[] _entries;
    private readonly Dictionary<char, int[]> _byFirstChar;

    private UserDictionary(Entry[] entries)
    {
        _entries = entries;
        _byFirstChar = entries
            .Select((e, i) => (e, i))
            .GroupBy(x => x.e.Surface[0])
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.e.Surface.Length).Select(x => x.i).ToArray());
    }

    /// <summary>Number of user words.</summary>
    public int Count => _entries.Length;

    /// <summary>Reads a user dictionary from CSV text.</summary>
    /// <exception cref="FormatException">A line is malformed; the message gives its number.</exception>
    public static UserDictionary Load(TextReader reader) => Load(reader, "user dictionary");

    /// <summary>Reads a user dictionary from a UTF-8 CSV file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">A line is malformed; the message names the file and line.</exception>
    public static UserDictionary Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"User dictionary file '{path}' does not exist.", path);
        }
        using var reader = new StreamReader(path);
        return Load(reader, path);
    }

    private static UserDictionary Load(TextReader reader, string name)
    {
        var entries = new List<Entry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? line;
        int number = 0;
        while ((line = reader.ReadLine()) != null)
        {
            number++;
            line = line.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var f = line.Split(',');
            if (f.Length != 4)
            {
                throw new FormatException($"{name}, line {number}: expected 4 comma-separated fields, found {f.Length}");
            }
            var surface = f[0].Trim();
            var segments = f[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var readings = f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (surface.Length == 0 || string.Concat(segments) != surface)
            {
                throw new FormatException($"{name}, line {number}: the segmentation '{f[1]}' does not spell the surface '{surface}'");
            }
            if (readings.Length != segments.Length)
            {
                throw new FormatException($"{name}, line {number}: {segments.Length} segments but {readings.Length} readings");
            }
            if (seen.Add(surface))
            {
                entries.Add(new Entry(surface, segments, readings, f[3].Trim()));
            }
        }
        return new UserDictionary(entries.ToArray());
    }

    internal Entry this[int index] => _entries[index];

    /// <summary>Appends (end, entry) for each user word that starts at <paramref name="start"/>, shortest first.</summary>
    internal void Lookup(ReadOnlySpan<char> text, int start, int end, List<(int End, int Entry)> matches)
    {
        if (!_byFirstChar.TryGetValue(text[start], out var candidates))
        {
            return;
        }
        var rest = text[start..end];
        foreach (int i in candidates)
        {
            var surface = _entries[i].Surface;
            if (rest.StartsWith(surface, StringComparison.Ordinal))
            {
                matches.Add((start + surface.Length, i));
            }
        }
    }
}
