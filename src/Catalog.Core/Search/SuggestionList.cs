namespace Catalog.Core.Search;

/// <summary>
/// The completion list of one index generation, one entry a text, laid out so a keystroke costs a
/// binary search, not a scan: entries are numbered in rank order (name, alias, field; then shorter text; then
/// ordinal text), their normalised keys and readings sit in one string, and two index arrays
/// sort the entries by key and by reading for prefix ranges. A contains-match is found by
/// scanning the one string in entry order, so the first entries found are the best ranked and
/// the scan stops as soon as the page is full.
/// </summary>
internal sealed class SuggestionList
{
    private const char Separator = '\uFFFF'; // never in normalised text; ends a key and a reading

    /// <summary>How many entries, best-ranked first, a contains-match is looked for in.</summary>
    public const int ContainsScanEntries = 20_000;
    private readonly Suggestion[] _entries;
    private readonly string _text; // per entry: key, Separator, reading, Separator
    private readonly int[] _keyStart; // entry i's key starts here; its reading ends at _keyStart[i + 1] - 1
    private readonly int[] _readingStart;
    private readonly int[] _byKey; // entry numbers in ordinal order of their keys
    private readonly int[] _byReading;

    public SuggestionList(IEnumerable<(Suggestion Suggestion, string Key, string Reading)> entries)
    {
        var ranked = entries
            .Where(e => e.Key.Length > 0)
            .GroupBy(e => e.Suggestion.Text, StringComparer.Ordinal)
            .Select(OnePerText)
            .OrderBy(e => KindRank(e.Suggestion.Kind)).ThenBy(e => e.Suggestion.Text.Length).ThenBy(e => e.Suggestion.Text, StringComparer.Ordinal)
            .ToArray();
        _entries = new Suggestion[ranked.Length];
        _keyStart = new int[ranked.Length + 1];
        _readingStart = new int[ranked.Length];
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < ranked.Length; i++)
        {
            _entries[i] = ranked[i].Suggestion;
            _keyStart[i] = text.Length;
            text.Append(ranked[i].Key.Replace(Separator, ' ')).Append(Separator);
            _readingStart[i] = text.Length;
            text.Append(ranked[i].Reading.Replace(Separator, ' ')).Append(Separator);
        }
        _keyStart[ranked.Length] = text.Length;
        _text = text.ToString();
        _byKey = Sorted(Key);
        _byReading = Sorted(Reading);
    }

    public int Count => _entries.Length;

    // A text is suggested once, as its best kind (a name before an alias before a field): a name
    // every 年度 and menu of a family shares, or an alias of many programs, is one completion. It
    // keeps its program when one program has it as that kind; otherwise picking it searches the text.
    private static (Suggestion Suggestion, string Key, string Reading) OnePerText(IEnumerable<(Suggestion Suggestion, string Key, string Reading)> same)
    {
        var best = same.GroupBy(e => KindRank(e.Suggestion.Kind)).MinBy(g => g.Key)!.ToList();
        var ids = best.Select(e => e.Suggestion.Id).Distinct().Count();
        return ids == 1 ? best[0] : best[0] with { Suggestion = best[0].Suggestion with { Id = null } };
    }

    /// <summary>
    /// Up to <paramref name="max"/> completions for a normalised, katakana-folded needle: entries
    /// whose key starts with it, then entries whose reading does, then entries that contain it
    /// in key or reading; within each, in rank order.
    /// </summary>
    public List<Suggestion> Find(string needle, int max)
    {
        var result = new List<Suggestion>(Math.Min(max, 16));
        if (needle.Length == 0 || max <= 0 || needle.Contains(Separator)) return result;
        var taken = new HashSet<int>();
        foreach (var i in Best(_byKey, Key, needle, max, taken)) Take(i);
        if (result.Count < max)
            foreach (var i in Best(_byReading, Reading, needle, max - result.Count, taken)) Take(i);
        // Fill the page with contains-matches: a vectorised search over the one string, entries in
        // rank order, stopping when the page is full. Bounded: only the best-ranked entries are
        // read, so a needle found nowhere costs a fraction of a millisecond however large the
        // catalogue (a longer name that only contains the input is for search, not completion).
        var text = _text.AsSpan(0, _keyStart[Math.Min(_entries.Length, ContainsScanEntries)]);
        var from = 0;
        while (result.Count < max && from < text.Length)
        {
            var at = text[from..].IndexOf(needle, StringComparison.Ordinal);
            if (at < 0) break;
            var entry = EntryAt(from + at);
            if (!taken.Contains(entry)) Take(entry);
            from = _keyStart[entry + 1]; // one hit per entry
        }
        return result;

        void Take(int i)
        {
            taken.Add(i);
            result.Add(_entries[i]);
        }
    }

    private ReadOnlySpan<char> Key(int i) => _text.AsSpan(_keyStart[i], _readingStart[i] - _keyStart[i] - 1);

    private ReadOnlySpan<char> Reading(int i) => _text.AsSpan(_readingStart[i], _keyStart[i + 1] - _readingStart[i] - 1);

    private delegate ReadOnlySpan<char> Field(int entry);

    private int[] Sorted(Field field)
    {
        var order = Enumerable.Range(0, _entries.Length).Where(i => field(i).Length > 0).ToArray();
        Array.Sort(order, (a, b) => field(a).SequenceCompareTo(field(b)));
        return order;
    }

    // The best-ranked (lowest-numbered) entries of the range whose field starts with the needle,
    // not already taken. The range of a one-character needle can be most of the list; it is read
    // once, keeping the best few.
    private static List<int> Best(int[] sorted, Field field, string needle, int max, HashSet<int> taken)
    {
        var lo = LowerBound(sorted, field, needle);
        var hi = UpperBound(sorted, field, needle, lo);
        var best = new List<int>(max + 1);
        for (var k = lo; k < hi; k++)
        {
            var i = sorted[k];
            if (best.Count == max && i >= best[^1]) continue;
            if (taken.Contains(i)) continue;
            best.Insert(~best.BinarySearch(i), i);
            if (best.Count > max) best.RemoveAt(max);
        }
        return best;
    }

    // The first position at or after lo whose field does not start with the needle.
    private static int UpperBound(int[] sorted, Field field, string needle, int lo)
    {
        var hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var f = field(sorted[mid]);
            if (f[..Math.Min(f.Length, needle.Length)].SequenceCompareTo(needle) <= 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int LowerBound(int[] sorted, Field field, string needle)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (field(sorted[mid]).SequenceCompareTo(needle) < 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private int EntryAt(int position)
    {
        var at = Array.BinarySearch(_keyStart, position);
        return at >= 0 ? at : ~at - 1;
    }

    private static int KindRank(string kind) => kind switch { "name" => 0, "alias" => 1, _ => 2 };

    // What a kana word typed in the search box may stand for, built on first use.
    private Lazy<(Dictionary<string, List<string>> ByReading, HashSet<string> KatakanaTerms)>? _kana;

    private (Dictionary<string, List<string>> ByReading, HashSet<string> KatakanaTerms) KanaVocabulary()
    {
        _kana ??= new(() =>
        {
            var byReading = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var terms = new HashSet<string>(StringComparer.Ordinal);
            // Fields and aliases first, then names: the shorter, more general term is the better reading of a word.
            foreach (var i in Enumerable.Range(0, _entries.Length).OrderByDescending(i => KindRank(_entries[i].Kind)).ThenBy(i => i))
            {
                var reading = Reading(i).ToString();
                if (reading.Length > 0)
                {
                    if (!byReading.TryGetValue(reading, out var texts)) byReading[reading] = texts = [];
                    if (texts.Count < 3 && !texts.Contains(_entries[i].Text)) texts.Add(_entries[i].Text);
                }
                foreach (var run in KatakanaRuns(Key(i).ToString())) terms.Add(run);
            }
            return (byReading, terms);
        });
        return _kana.Value;
    }

    /// <summary>Names, aliases and fields whose whole reading is <paramref name="katakana"/> (ジドウウンテン → 自動運転), fields first.</summary>
    public IReadOnlyList<string> TextsReadAs(string katakana) =>
        KanaVocabulary().ByReading.TryGetValue(katakana, out var texts) ? texts : [];

    /// <summary>True when a katakana word of the catalogue's names, aliases or fields is exactly <paramref name="katakana"/>.</summary>
    public bool IsKatakanaTerm(string katakana) => KanaVocabulary().KatakanaTerms.Contains(katakana);

    /// <summary>
    /// The catalogue's katakana words one edit (a character replaced, added or dropped) from
    /// <paramref name="katakana"/>, nearest in length first (スマートシテイ → スマートシティ).
    /// </summary>
    public IReadOnlyList<string> KatakanaTermsOneEditFrom(string katakana) =>
        KanaVocabulary().KatakanaTerms.Where(t => Math.Abs(t.Length - katakana.Length) <= 1 && OneEdit(t, katakana))
            .OrderBy(t => Math.Abs(t.Length - katakana.Length)).ThenBy(t => t, StringComparer.Ordinal).Take(3).ToList();

    private static bool OneEdit(string a, string b)
    {
        if (a == b) return false;
        if (a.Length == b.Length) return a.Zip(b).Count(p => p.First != p.Second) == 1;
        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        var i = 0;
        while (i < shorter.Length && shorter[i] == longer[i]) i++;
        return shorter.AsSpan(i).SequenceEqual(longer.AsSpan(i + 1));
    }

    // Runs of four or more katakana (and ー) in a normalised key: the loanwords a name is made of.
    private static IEnumerable<string> KatakanaRuns(string key)
    {
        var start = -1;
        for (var i = 0; i <= key.Length; i++)
        {
            var katakana = i < key.Length && (key[i] is >= '\u30A1' and <= '\u30FA' || key[i] == 'ー');
            if (katakana && start < 0) start = i;
            else if (!katakana && start >= 0)
            {
                if (i - start >= 4) yield return key[start..i];
                start = -1;
            }
        }
    }
}
