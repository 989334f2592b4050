using System.Globalization;
using Catalog.Japanese.Dictionary;

namespace Catalog.Japanese.Tokenization;

/// <summary>
/// Lucene Kuromoji's rolling Viterbi search (JapaneseTokenizer, Lucene 4.x / Lucene.Net 4.8), used
/// for the search and extended modes. It differs from MeCab's lattice (<see cref="Lattice"/>) in
/// ways that change tokens, so it is a separate search rather than options on that one:
/// <list type="bullet">
/// <item>the whole text is one lattice over UTF-16 code units; spaces and line breaks are
/// characters like any other (SPACE unknown words), never skipped;</item>
/// <item>an unknown word is one node per position: the run of characters of the first
/// character's class (char.def's first category; U+30FB is SYMBOL) with the same punctuation-ness,
/// or one character when the class does not group; LENGTH and compatible categories are ignored;
/// a user-dictionary match at a position hides the system dictionary there;</item>
/// <item>every arc is its own lattice entry (no merging by connection id), entries are appended in
/// lookup order and the first strictly cheaper one wins ties;</item>
/// <item>the best path is committed at every "frontier" (a position reached by exactly one arc
/// that no arc passes), and search mode looks for a second-best segmentation of each penalised
/// word on the committed path (prune and rescore under the penalties), keeping the compound.</item>
/// </list>
/// Not thread-safe: one instance per tokenizer.
/// </summary>
internal sealed class KuromojiLattice
{
    private const int KanjiLength = 2;
    private const int OtherLength = 7;
    private const int KanjiPenalty = 3000;
    private const int OtherPenalty = 1700;
    private const int MaxUnknownWordLength = 1024;
    private const int MaxBacktraceGap = 1024;
    private const int UserWordCost = -100_000;
    private const int UserConnectionId = 5;

    /// <summary>Entry id of the unigram pseudo-word (extended mode).</summary>
    public const int NgramEntry = -2;

    private struct Arc
    {
        public int Cost;      // path cost up to and including this arc
        public int RightId;
        public int BackPos;   // where the arc starts
        public int BackIndex; // index of the best arc arriving at BackPos
        public int Id;        // dictionary entry, or user entry for user words
        public NodeKind Type;
    }

    private struct Forward
    {
        public int ToPos;
        public int Id;
        public NodeKind Type;
    }

    private sealed class Position
    {
        public int Pos;
        public int Count;
        public Arc[] Arcs = new Arc[8];
        public int ForwardCount;
        public Forward[] Forwards = new Forward[4];

        public void Add(in Arc arc)
        {
            if (Count == Arcs.Length)
            {
                Array.Resize(ref Arcs, Count * 2);
            }
            Arcs[Count++] = arc;
        }

        public void AddForward(int toPos, int id, NodeKind type)
        {
            if (ForwardCount == Forwards.Length)
            {
                Array.Resize(ref Forwards, ForwardCount * 2);
            }
            Forwards[ForwardCount++] = new Forward { ToPos = toPos, Id = id, Type = type };
        }
    }

    /// <summary>A token of the backtrace before output: Kuromoji's pending token.</summary>
    private readonly record struct Pending(int Start, int Length, int Entry, NodeKind Kind, int UserPart, int PositionLength);

    private readonly JapaneseDictionary _dict;
    private readonly DictionaryData _data;
    private readonly UserDictionary? _user;
    private readonly byte[] _charClass;   // Kuromoji's character class per BMP code unit (our category index)
    private readonly bool[] _classInvoke;
    private readonly bool[] _classGroup;
    private readonly bool[] _classKanji;
    private readonly bool[] _absent;      // known entries that Kuromoji's IPADIC does not have
    private readonly List<Pending> _pending = [];
    private readonly List<(int End, int Entry)> _userMatches = [];

    // Positions [_base, _nextPos) live in a ring buffer.
    private Position[] _ring = [];
    private int _nextPos;
    private int _base;

    // Per-text state.
    private bool _searchMode;
    private bool _extendedMode;
    private bool _outputCompounds;
    private bool _discardPunctuation;
    private int _lastBackTracePos;
    private int _lastTokenPos;

    public KuromojiLattice(JapaneseDictionary dictionary, UserDictionary? userDictionary)
    {
        _dict = dictionary;
        _data = dictionary.Data;
        _user = userDictionary;
        var tables = dictionary.KuromojiTables;
        _charClass = tables.CharClass;
        _classKanji = tables.ClassKanji;
        _absent = tables.Absent;
        _classInvoke = _data.CategoryInvoke;
        _classGroup = _data.CategoryGroup;
        EnsureRing(64);
    }

    /// <summary>
    /// Tokens of <paramref name="text"/> in Kuromoji's output order, appended to <paramref name="output"/>.
    /// A segment with <see cref="Segment.Compound"/> set has position increment 0 (it starts where the
    /// previous token starts) and carries its position length; all others have increment 1, length 1.
    /// </summary>
    public void Segment(ReadOnlySpan<char> text, JapaneseTokenizerMode mode, bool discardPunctuation, List<Segment> output)
    {
        _searchMode = mode != JapaneseTokenizerMode.Normal;
        _extendedMode = mode == JapaneseTokenizerMode.Extended;
        _outputCompounds = mode == JapaneseTokenizerMode.Search;
        _discardPunctuation = discardPunctuation;
        ResetPositions();
        _lastBackTracePos = 0;
        _lastTokenPos = -1;
        Get(0).Add(new Arc { Cost = 0, RightId = 0, BackPos = -1, BackIndex = -1, Id = -1, Type = NodeKind.Known });

        int pos = 0;
        int length = text.Length;
        while (pos < length)
        {
            var posData = Get(pos);
            bool isFrontier = _nextPos == pos + 1;
            if (posData.Count == 0)
            {
                pos++;
                continue;
            }
            if (pos > _lastBackTracePos && posData.Count == 1 && isFrontier)
            {
                // Only one path survives here, so the best path's prefix is final.
                Backtrace(text, posData, 0, output);
                posData.Arcs[0].Cost = 0;
            }
            if (pos - _lastBackTracePos >= MaxBacktraceGap)
            {
                pos = ForceBacktrace(text, pos, output);
                continue;
            }

            bool anyMatches = false;
            if (_user is not null)
            {
                _userMatches.Clear();
                _user.Lookup(text, pos, length, _userMatches);
                foreach (var (end, entry) in _userMatches)
                {
                    Add(text, posData, end, entry, NodeKind.User, addPenalty: false);
                    anyMatches = true;
                }
            }
            if (!anyMatches)
            {
                int node = 0;
                for (int i = pos; i < length; i++)
                {
                    node = _dict.Child(node, AsDecodedByIconv(text[i]));
                    if (node < 0)
                    {
                        break;
                    }
                    int count = _data.TrieEntryCount[node];
                    int first = _data.TrieEntryStart[node];
                    for (int e = first; e < first + count; e++)
                    {
                        if (!_absent[e])
                        {
                            Add(text, posData, i + 1, e, NodeKind.Known, addPenalty: false);
                            anyMatches = true;
                        }
                    }
                }
            }

            char c = text[pos];
            int cls = _charClass[c];
            if (!anyMatches || _classInvoke[cls])
            {
                bool punct = IsPunctuation(c);
                int unknownLength = 1;
                if (_classGroup[cls])
                {
                    for (int ahead = pos + 1; ahead < length && unknownLength < MaxUnknownWordLength; ahead++)
                    {
                        char next = text[ahead];
                        if (_charClass[next] != cls || IsPunctuation(next) != punct)
                        {
                            break;
                        }
                        unknownLength++;
                    }
                }
                int firstUnk = _data.UnkStart[cls];
                for (int e = firstUnk; e < firstUnk + _data.UnkCount[cls]; e++)
                {
                    Add(text, posData, pos + unknownLength, e, NodeKind.Unknown, addPenalty: false);
                }
            }
            pos++;
        }

        if (pos > 0)
        {
            var endData = Get(pos);
            int leastCost = int.MaxValue;
            int leastIndex = -1;
            for (int i = 0; i < endData.Count; i++)
            {
                int cost = endData.Arcs[i].Cost + _dict.ConnectionCost(endData.Arcs[i].RightId, 0);
                if (cost < leastCost)
                {
                    leastCost = cost;
                    leastIndex = i;
                }
            }
            Backtrace(text, endData, leastIndex, output);
        }
    }

    /// <summary>Kuromoji's safety valve: commit the cheapest partial path after 1024 characters without a frontier.</summary>
    private int ForceBacktrace(ReadOnlySpan<char> text, int pos, List<Segment> output)
    {
        int leastIndex = -1;
        int leastCost = int.MaxValue;
        Position? least = null;
        for (int p = pos; p < _nextPos; p++)
        {
            var data = Get(p);
            for (int i = 0; i < data.Count; i++)
            {
                if (data.Arcs[i].Cost < leastCost)
                {
                    leastCost = data.Arcs[i].Cost;
                    leastIndex = i;
                    least = data;
                }
            }
        }
        for (int p = pos; p < _nextPos; p++)
        {
            var data = Get(p);
            if (data != least)
            {
                data.Count = 0;
            }
            else
            {
                data.Arcs[0] = data.Arcs[leastIndex];
                data.Count = 1;
            }
        }
        Backtrace(text, least!, 0, output);
        least!.Arcs[0].Cost = 0;
        return Math.Max(pos, least.Pos);
    }

    private int WordCost(int id, NodeKind type) => type == NodeKind.User ? UserWordCost : _data.Cost[id];

    private int LeftId(int id, NodeKind type) => type == NodeKind.User ? UserConnectionId : _data.LeftId[id];

    private int RightId(int id, NodeKind type) => type == NodeKind.User ? UserConnectionId : _data.RightId[id];

    private void Add(ReadOnlySpan<char> text, Position from, int endPos, int id, NodeKind type, bool addPenalty)
    {
        int leftId = LeftId(id, type);
        int leastCost = int.MaxValue;
        int leastIndex = -1;
        for (int i = 0; i < from.Count; i++)
        {
            int cost = from.Arcs[i].Cost + _dict.ConnectionCost(from.Arcs[i].RightId, leftId);
            if (cost < leastCost)
            {
                leastCost = cost;
                leastIndex = i;
            }
        }
        leastCost += WordCost(id, type);
        // Extended mode has no second-best pass, so it penalises long words in the main search.
        if ((addPenalty || (!_outputCompounds && _searchMode)) && type != NodeKind.User)
        {
            leastCost += Penalty(text, from.Pos, endPos - from.Pos);
        }
        Get(endPos).Add(new Arc
        {
            Cost = leastCost, RightId = RightId(id, type), BackPos = from.Pos, BackIndex = leastIndex, Id = id, Type = type,
        });
    }

    /// <summary>Search-mode penalty: all-kanji words longer than 2, other words longer than 7.</summary>
    private int Penalty(ReadOnlySpan<char> text, int pos, int length)
    {
        if (length <= KanjiLength)
        {
            return 0;
        }
        bool allKanji = true;
        for (int i = pos; i < pos + length; i++)
        {
            if (!_classKanji[_charClass[text[i]]])
            {
                allKanji = false;
                break;
            }
        }
        if (allKanji)
        {
            return (length - KanjiLength) * KanjiPenalty;
        }
        return length > OtherLength ? (length - OtherLength) * OtherPenalty : 0;
    }

    /// <summary>
    /// Removes the arcs that cross <paramref name="startPos"/> and re-scores [startPos, endPos] with
    /// penalties on every arc, starting from the best path's arc at startPos, so the arcs arriving
    /// at endPos now carry the cheapest penalised segmentations of the compound's span.
    /// </summary>
    private void PruneAndRescore(ReadOnlySpan<char> text, int startPos, int endPos, int bestStartIndex)
    {
        for (int pos = endPos; pos > startPos; pos--)
        {
            var data = Get(pos);
            for (int i = 0; i < data.Count; i++)
            {
                int back = data.Arcs[i].BackPos;
                if (back >= startPos)
                {
                    Get(back).AddForward(pos, data.Arcs[i].Id, data.Arcs[i].Type);
                }
            }
            data.Count = 0;
        }

        for (int pos = startPos; pos < endPos; pos++)
        {
            var data = Get(pos);
            if (data.Count == 0)
            {
                data.ForwardCount = 0;
                continue;
            }
            if (pos == startPos)
            {
                ref var best = ref data.Arcs[bestStartIndex];
                int rightId = startPos == 0 ? 0 : RightId(best.Id, best.Type);
                int pathCost = best.Cost;
                for (int f = 0; f < data.ForwardCount; f++)
                {
                    var fw = data.Forwards[f];
                    int cost = pathCost + WordCost(fw.Id, fw.Type) + _dict.ConnectionCost(rightId, LeftId(fw.Id, fw.Type))
                        + Penalty(text, pos, fw.ToPos - pos);
                    Get(fw.ToPos).Add(new Arc
                    {
                        Cost = cost, RightId = RightId(fw.Id, fw.Type), BackPos = pos, BackIndex = bestStartIndex, Id = fw.Id, Type = fw.Type,
                    });
                }
            }
            else
            {
                for (int f = 0; f < data.ForwardCount; f++)
                {
                    var fw = data.Forwards[f];
                    Add(text, data, fw.ToPos, fw.Id, fw.Type, addPenalty: true);
                }
            }
            data.ForwardCount = 0;
        }
    }

    private void Backtrace(ReadOnlySpan<char> text, Position endData, int fromIndex, List<Segment> output)
    {
        int endPos = endData.Pos;
        int pos = endPos;
        int bestIndex = fromIndex;
        Pending? alt = null;
        int lastLeftId = -1;
        int backCount = 0;
        _pending.Clear();

        while (pos > _lastBackTracePos)
        {
            var data = Get(pos);
            ref var arc = ref data.Arcs[bestIndex];
            int backPos = arc.BackPos;
            int length = pos - backPos;
            var backType = arc.Type;
            int backId = arc.Id;
            int nextBestIndex = arc.BackIndex;

            if (_outputCompounds && _searchMode && alt is null && backType != NodeKind.User)
            {
                int penalty = Penalty(text, backPos, pos - backPos);
                if (penalty > 0)
                {
                    int maxCost = arc.Cost + penalty;
                    if (lastLeftId != -1)
                    {
                        maxCost += _dict.ConnectionCost(RightId(backId, backType), lastLeftId);
                    }
                    PruneAndRescore(text, backPos, pos, arc.BackIndex);

                    int leastCost = int.MaxValue;
                    int leastIndex = -1;
                    for (int i = 0; i < data.Count; i++)
                    {
                        int cost = data.Arcs[i].Cost;
                        if (lastLeftId != -1)
                        {
                            cost += _dict.ConnectionCost(RightId(data.Arcs[i].Id, data.Arcs[i].Type), lastLeftId);
                        }
                        if (cost < leastCost)
                        {
                            leastCost = cost;
                            leastIndex = i;
                        }
                    }
                    if (leastIndex != -1 && leastCost <= maxCost && data.Arcs[leastIndex].BackPos != backPos)
                    {
                        // Keep the compound; follow the second-best path through its span.
                        alt = new Pending(backPos, length, backId, backType, -1, 0);
                        bestIndex = leastIndex;
                        ref var second = ref data.Arcs[bestIndex];
                        nextBestIndex = second.BackIndex;
                        backPos = second.BackPos;
                        length = pos - backPos;
                        backType = second.Type;
                        backId = second.Id;
                        backCount = 0;
                    }
                }
            }

            if (alt is { } compound && compound.Start >= backPos)
            {
                if (backCount > 0)
                {
                    backCount++;
                    _pending.Add(compound with { PositionLength = backCount });
                }
                alt = null;
            }

            if (backType == NodeKind.User)
            {
                var entry = _user![backId];
                int at = backPos + entry.Surface.Length;
                for (int p = entry.Segments.Length - 1; p >= 0; p--)
                {
                    at -= entry.Segments[p].Length;
                    _pending.Add(new Pending(at, entry.Segments[p].Length, backId, NodeKind.User, p, 1));
                }
                backCount += entry.Segments.Length;
            }
            else if (_extendedMode && backType == NodeKind.Unknown)
            {
                // Unknown words become unigrams; a surrogate pair stays one token.
                for (int i = length - 1; i >= 0; i--)
                {
                    int charLength = 1;
                    if (i > 0 && char.IsLowSurrogate(text[backPos + i]))
                    {
                        i--;
                        charLength = 2;
                    }
                    if (!_discardPunctuation || !IsPunctuation(text[backPos + i]))
                    {
                        _pending.Add(new Pending(backPos + i, charLength, NgramEntry, NodeKind.Unknown, -1, 1));
                        backCount++;
                    }
                }
            }
            else if (!_discardPunctuation || length == 0 || !IsPunctuation(text[backPos]))
            {
                _pending.Add(new Pending(backPos, length, backId, backType, -1, 1));
                backCount++;
            }

            lastLeftId = LeftId(backId, backType);
            pos = backPos;
            bestIndex = nextBestIndex;
        }

        _lastBackTracePos = endPos;
        FreeBefore(endPos);

        for (int i = _pending.Count - 1; i >= 0; i--)
        {
            var t = _pending[i];
            bool sameStart = t.Start == _lastTokenPos;
            output.Add(new Segment(t.Start, t.Length, t.Entry, t.Kind, t.UserPart, sameStart, sameStart ? t.PositionLength : 1));
            _lastTokenPos = t.Start;
        }
    }

    /// <summary>
    /// IPADIC's sources are EUC-JP. Java decodes JIS 0x213D (EUC-JP A1 BD) as U+2014 EM DASH, iconv
    /// (and so our dictionary) as U+2015 HORIZONTAL BAR; it is the only code the two decoders map
    /// differently. Swapping the two for lookups makes our entries match where Kuromoji's would.
    /// </summary>
    internal static char AsDecodedByIconv(char c) => c switch
    {
        '\u2014' => '\u2015',
        '\u2015' => '\u2014',
        _ => c,
    };

    /// <summary>Lucene's punctuation test (Java's character types, here .NET's Unicode categories).</summary>
    internal static bool IsPunctuation(char c)
    {
        switch (char.GetUnicodeCategory(c))
        {
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.DashPunctuation:
            case UnicodeCategory.OpenPunctuation:
            case UnicodeCategory.ClosePunctuation:
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.OtherPunctuation:
            case UnicodeCategory.MathSymbol:
            case UnicodeCategory.CurrencySymbol:
            case UnicodeCategory.ModifierSymbol:
            case UnicodeCategory.OtherSymbol:
            case UnicodeCategory.InitialQuotePunctuation:
            case UnicodeCategory.FinalQuotePunctuation:
                return true;
            default:
                return false;
        }
    }

    // Ring buffer of positions: [_base, _nextPos) are live; older ones are recycled.
    private void EnsureRing(int capacity)
    {
        var ring = new Position[capacity];
        for (int p = _base; p < _nextPos; p++)
        {
            ring[p & (capacity - 1)] = _ring[p & (_ring.Length - 1)];
        }
        for (int i = 0; i < capacity; i++)
        {
            ring[i] ??= new Position();
        }
        _ring = ring;
    }

    private Position Get(int pos)
    {
        while (pos >= _nextPos)
        {
            if (_nextPos - _base == _ring.Length)
            {
                EnsureRing(_ring.Length * 2);
            }
            var fresh = _ring[_nextPos & (_ring.Length - 1)];
            fresh.Pos = _nextPos++;
            fresh.Count = 0;
            fresh.ForwardCount = 0;
        }
        return _ring[pos & (_ring.Length - 1)];
    }

    private void FreeBefore(int pos) => _base = Math.Max(_base, pos);

    private void ResetPositions()
    {
        _base = 0;
        _nextPos = 0;
    }
}
