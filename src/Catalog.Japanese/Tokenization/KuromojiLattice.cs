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
internal sealed partial class KuromojiLattice
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

    private readonly JapaneseDictionary _dict;
    private readonly DictionaryData _data;
    private readonly UserDictionary? _user;
    private readonly byte[] _charClass;   // Kuromoji's character class per BMP code unit (our category index)
    private readonly bool[] _classInvoke;
    private readonly bool[] _classGroup;
    private readonly bool[] _classKanji;
    private readonly bool[] _absent;      // known entries that Kuromoji's IPADIC does not have
    private readonly List<(int End, int Entry)> _userMatches = [];

    private readonly KuromojiPositions _positions = new();

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
        _positions.Reset();
        _lastBackTracePos = 0;
        _lastTokenPos = -1;
        _positions.Get(0).Add(new KuromojiArc { Cost = 0, RightId = 0, BackPos = -1, BackIndex = -1, Id = -1, Type = NodeKind.Known });

        int pos = 0;
        int length = text.Length;
        while (pos < length)
        {
            var posData = _positions.Get(pos);
            bool isFrontier = _positions.Next == pos + 1;
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
                    node = _dict.Child(node, KuromojiCharacters.AsDecodedByIconv(text[i]));
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
                bool punct = KuromojiCharacters.IsPunctuation(c);
                int unknownLength = 1;
                if (_classGroup[cls])
                {
                    for (int ahead = pos + 1; ahead < length && unknownLength < MaxUnknownWordLength; ahead++)
                    {
                        char next = text[ahead];
                        if (_charClass[next] != cls || KuromojiCharacters.IsPunctuation(next) != punct)
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
            var endData = _positions.Get(pos);
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
        KuromojiPosition? least = null;
        for (int p = pos; p < _positions.Next; p++)
        {
            var data = _positions.Get(p);
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
        for (int p = pos; p < _positions.Next; p++)
        {
            var data = _positions.Get(p);
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

    private void Add(ReadOnlySpan<char> text, KuromojiPosition from, int endPos, int id, NodeKind type, bool addPenalty)
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
        _positions.Get(endPos).Add(new KuromojiArc
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
}
