namespace Catalog.Core.Search;

/// <summary>
/// Query-time synonyms from a text file (one group a line, comma-separated; a line starting
/// with <c>~</c> is a weaker, one-for-the-other group such as 補助金 and 交付金). The file is
/// re-read when it changes, so editing it needs no rebuild.
/// </summary>
public sealed class SynonymSet
{
    /// <summary>Weight of a variant from a <c>~</c> line, relative to the words as typed.</summary>
    public const float RelatedWeight = 0.3f;

    private readonly string _path;
    private readonly Lock _lock = new();
    // Everything a reader needs, replaced whole: a reader sees the old set or the new one.
    private Snapshot _snapshot = new((DateTime.MinValue, -1), [], 0);

    private sealed record Snapshot((DateTime Written, long Length) Stamp, IReadOnlyList<Group> Groups, int Version);

    public SynonymSet(string path)
    {
        _path = path;
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            using var defaults = typeof(SynonymSet).Assembly.GetManifestResourceStream("Catalog.Core.Search.synonyms.txt");
            if (defaults is not null)
            {
                using var file = File.Create(path);
                defaults.CopyTo(file);
            }
        }
    }

    public string Path => _path;

    /// <summary>Changes whenever the file is re-read, so callers can cache what they built from it.</summary>
    public int Version => Current().Version;

    private sealed record Group(string[] Terms, float Weight);

    /// <summary>Variants of <paramref name="word"/> with a synonym substituted, each with its weight.</summary>
    public IReadOnlyList<(string Text, float Weight)> Expand(string word)
    {
        var groups = Current().Groups;
        if (groups.Count == 0) return [];
        var normalized = TextNormalizer.Normalize(word);
        var variants = new List<(string, float)>();
        foreach (var g in groups)
            foreach (var term in g.Terms)
            {
                var at = FindWhole(normalized, term);
                if (at < 0) continue;
                foreach (var other in g.Terms)
                    if (other != term && variants.Count < 8)
                        variants.Add((normalized[..at] + other + normalized[(at + term.Length)..], g.Weight));
                break;
            }
        return variants.DistinctBy(v => v.Item1).Where(v => v.Item1 != normalized).ToList();
    }

    /// <summary>True when <paramref name="phrase"/> (normalised) is itself a term of a group: smart city, autonomous driving.</summary>
    public bool IsTerm(string phrase)
    {
        var normalized = TextNormalizer.Normalize(phrase);
        return Current().Groups.Any(g => g.Terms.Contains(normalized));
    }

    // A Latin term (AI) must not match inside a longer Latin word (mail).
    private static int FindWhole(string text, string term)
    {
        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var after = at + term.Length >= text.Length ? ' ' : text[at + term.Length];
            if (!(char.IsAsciiLetter(term[0]) && char.IsAsciiLetter(before)) && !(char.IsAsciiLetter(term[^1]) && char.IsAsciiLetter(after)))
                return at;
        }
        return -1;
    }

    private Snapshot Current()
    {
        var info = new FileInfo(_path);
        var stamp = info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1L);
        var current = Volatile.Read(ref _snapshot);
        if (stamp == current.Stamp) return current;
        lock (_lock)
        {
            current = _snapshot;
            if (stamp == current.Stamp) return current;
            try
            {
                var next = new Snapshot(stamp, info.Exists ? Parse(File.ReadAllLines(_path)) : [], current.Version + 1);
                Volatile.Write(ref _snapshot, next);
                return next;
            }
            catch (IOException) { return current; /* being written; keep the last good set and retry next time */ }
        }
    }

    private static List<Group> Parse(IEnumerable<string> lines)
    {
        var groups = new List<Group>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var weight = 1f;
            if (line.StartsWith('~')) { weight = RelatedWeight; line = line[1..]; }
            var terms = line.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(TextNormalizer.Normalize).Where(t => t.Length > 0).Distinct().ToArray();
            if (terms.Length > 1) groups.Add(new Group(terms, weight));
        }
        return groups;
    }
}
