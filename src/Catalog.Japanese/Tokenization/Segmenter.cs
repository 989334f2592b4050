using Catalog.Japanese.Dictionary;

namespace Catalog.Japanese.Tokenization;

/// <summary>
/// A token as the tokenizer emits it. <see cref="PositionLength"/> is 1 except for a compound kept
/// beside its parts (search modes), which starts at its first part's position and spans all parts.
/// For user words, <see cref="UserPart"/> is the segment index (-1 for the whole compound).
/// </summary>
internal readonly record struct Segment(int Start, int Length, int Entry, NodeKind Kind, int UserPart, bool Compound, int PositionLength);

/// <summary>Turns one line into tokens for a mode. Not thread-safe; one per tokenizer.</summary>
internal sealed class Segmenter
{
    private readonly Lattice _lattice;
    private readonly List<LatticeToken> _path = [];
    private readonly List<LatticeToken> _parts = [];

    public Segmenter(JapaneseDictionary dictionary, UserDictionary? userDictionary)
    {
        _lattice = new Lattice(dictionary, userDictionary);
    }

    public JapaneseDictionary Dictionary => _lattice.Dictionary;

    public UserDictionary? UserDictionary => _lattice.UserDictionary;

    public void Segment(ReadOnlySpan<char> line, JapaneseTokenizerMode mode, List<Segment> output)
    {
        _path.Clear();
        if (line.IsEmpty)
        {
            return;
        }
        _lattice.Analyze(line, 0, line.Length, _path);
        bool search = mode != JapaneseTokenizerMode.Normal;
        for (int i = 0; i < _path.Count; i++)
        {
            var t = _path[i];
            if (t.Kind == NodeKind.User)
            {
                var entry = _lattice.UserDictionary![t.Entry];
                int offset = t.Start;
                for (int p = 0; p < entry.Segments.Length; p++)
                {
                    output.Add(new Segment(offset, entry.Segments[p].Length, t.Entry, NodeKind.User, p, false, 1));
                    if (p == 0 && search && entry.Segments.Length > 1)
                    {
                        output.Add(new Segment(t.Start, t.Length, t.Entry, NodeKind.User, -1, true, entry.Segments.Length));
                    }
                    offset += entry.Segments[p].Length;
                }
                continue;
            }

            if (search)
            {
                int penalty = Lattice.SearchPenalty(line, t.Start, t.Start + t.Length);
                if (penalty > 0 && TryDecompound(line, i, penalty))
                {
                    for (int p = 0; p < _parts.Count; p++)
                    {
                        AddPlain(line, _parts[p], mode, output);
                        if (p == 0)
                        {
                            output.Add(new Segment(t.Start, t.Length, t.Entry, t.Kind, -1, true, _parts.Count));
                        }
                    }
                    continue;
                }
            }
            AddPlain(line, t, mode, output);
        }
    }

    private static void AddPlain(ReadOnlySpan<char> line, LatticeToken t, JapaneseTokenizerMode mode, List<Segment> output)
    {
        if (mode == JapaneseTokenizerMode.Extended && t.Kind == NodeKind.Unknown && t.Length > 1)
        {
            // Unigrams; a surrogate pair stays one token.
            int end = t.Start + t.Length;
            for (int at = t.Start; at < end;)
            {
                int len = char.IsHighSurrogate(line[at]) && at + 1 < end && char.IsLowSurrogate(line[at + 1]) ? 2 : 1;
                output.Add(new Segment(at, len, t.Entry, t.Kind, -1, false, 1));
                at += len;
            }
            return;
        }
        output.Add(new Segment(t.Start, t.Length, t.Entry, t.Kind, -1, false, 1));
    }

    /// <summary>
    /// Kuromoji's search mode: a penalised word is replaced by the cheapest split of its own span
    /// (with penalties) when that split costs less than the penalised word in the same context.
    /// </summary>
    private bool TryDecompound(ReadOnlySpan<char> line, int index, int penalty)
    {
        var t = _path[index];
        var dict = _lattice.Dictionary;
        int bosRight = index > 0 ? _lattice.RightIdOf(_path[index - 1]) : 0;
        int eosLeft = index + 1 < _path.Count ? _lattice.LeftIdOf(_path[index + 1]) : 0;
        var data = dict.Data;
        long wholeCost = (long)data.Cost[t.Entry] + penalty
            + dict.ConnectionCost(bosRight, data.LeftId[t.Entry]) + dict.ConnectionCost(data.RightId[t.Entry], eosLeft);
        _parts.Clear();
        int splitCost = _lattice.Analyze(line, t.Start, t.Start + t.Length, _parts, bosRight, eosLeft, searchPenalties: true, excludeWhole: true);
        return _parts.Count > 1 && splitCost < wholeCost;
    }
}
