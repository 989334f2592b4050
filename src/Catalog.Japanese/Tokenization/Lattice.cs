using Catalog.Japanese.Dictionary;

namespace Catalog.Japanese.Tokenization;

internal enum NodeKind : byte
{
    Known,
    Unknown,
    User,
}

/// <summary>One token of a best path: a span of the analysed text and the entry it came from.</summary>
internal readonly record struct LatticeToken(int Start, int Length, int Entry, NodeKind Kind);

/// <summary>
/// MeCab's Viterbi search over one sentence. Not thread-safe: one instance per tokenizer.
/// Reproduces MeCab's lattice: spaces before a word are skipped, dictionary words at a position
/// come from a common-prefix search, unknown words follow char.def (INVOKE, GROUP up to 25
/// characters, LENGTH) and every homograph is its own node. Ties go to the node MeCab would keep:
/// MeCab prepends nodes to per-position lists and keeps the first strictly cheaper one, which is
/// reproduced here by building the same lists.
/// </summary>
internal sealed class Lattice
{
    private const int MaxGroupingSize = 24; // characters after the first, as MeCab counts them
    private const int BosIndex = 0;

    private struct Node
    {
        public int Start;     // first character of the surface (after skipped spaces)
        public int End;
        public int Entry;
        public int LeftId;
        public int RightId;
        public int WordCost;
        public int Cost;      // best path cost up to and including this node
        public int Prev;
        public int ENext;     // next node in the list of nodes ending at the same position
        public NodeKind Kind;
    }

    private readonly JapaneseDictionary _dict;
    private readonly DictionaryData _data;
    private readonly UserDictionary? _user;
    private Node[] _nodes = new Node[256];
    private int _nodeCount;
    private int[] _endHead = new int[256];
    private int[] _lookup = new int[64];

    public Lattice(JapaneseDictionary dictionary, UserDictionary? userDictionary)
    {
        _dict = dictionary;
        _data = dictionary.Data;
        _user = userDictionary;
        int space = Array.IndexOf(_data.CategoryNames, "SPACE");
        _spaceMask = space < 0 ? 0 : 1 << space;
        // User words connect like proper nouns (名詞,固有名詞,一般).
        int properNoun = Array.IndexOf(_data.PosTable, "名詞,固有名詞,一般,*,*,*");
        int sample = properNoun < 0 ? -1 : Array.IndexOf(_data.PosId, properNoun);
        _userLeftId = sample < 0 ? 0 : _data.LeftId[sample];
        _userRightId = sample < 0 ? 0 : _data.RightId[sample];
    }

    private readonly int _spaceMask;
    private readonly int _userLeftId;
    private readonly int _userRightId;

    public JapaneseDictionary Dictionary => _dict;

    public UserDictionary? UserDictionary => _user;

    /// <summary>
    /// Best path over <paramref name="text"/>[from, to) between sentence boundaries.
    /// Returns the path cost; tokens are appended to <paramref name="output"/> in text order.
    /// </summary>
    public int Analyze(ReadOnlySpan<char> text, int from, int to, List<LatticeToken> output)
    {
        int length = to - from;
        if (_endHead.Length < length + 1)
        {
            _endHead = new int[Math.Max(length + 1, _endHead.Length * 2)];
        }
        Array.Fill(_endHead, -1, 0, length + 1);
        _nodeCount = 0;
        ref Node bos = ref NewNode();
        bos = new Node { Start = from, End = from, Entry = -1, RightId = 0, Prev = -1, ENext = -1 };
        _endHead[0] = BosIndex;

        for (int pos = from; pos < to; pos++)
        {
            if (_endHead[pos - from] < 0)
            {
                continue;
            }
            int found = Lookup(text, pos, to);
            // MeCab links the lookup results by prepending, so it connects them in reverse order.
            for (int k = found - 1; k >= 0; k--)
            {
                int r = _lookup[k];
                ref Node rn = ref _nodes[r];
                int best = -1;
                long bestCost = long.MaxValue;
                for (int l = _endHead[pos - from]; l >= 0; l = _nodes[l].ENext)
                {
                    long c = (long)_nodes[l].Cost + _dict.ConnectionCost(_nodes[l].RightId, rn.LeftId);
                    if (c < bestCost)
                    {
                        bestCost = c;
                        best = l;
                    }
                }
                rn.Prev = best;
                rn.Cost = (int)Math.Clamp(bestCost + rn.WordCost, int.MinValue, int.MaxValue);
                int e = rn.End - from;
                rn.ENext = _endHead[e];
                _endHead[e] = r;
            }
        }

        // EOS connects to the last position that any node reaches (trailing spaces are skipped).
        int last = length;
        while (last > 0 && _endHead[last] < 0)
        {
            last--;
        }
        int bestLast = -1;
        long bestTotal = long.MaxValue;
        for (int l = _endHead[last]; l >= 0; l = _nodes[l].ENext)
        {
            long c = (long)_nodes[l].Cost + _dict.ConnectionCost(_nodes[l].RightId, 0);
            if (c < bestTotal)
            {
                bestTotal = c;
                bestLast = l;
            }
        }

        int first = output.Count;
        for (int n = bestLast; n > BosIndex; n = _nodes[n].Prev)
        {
            ref Node node = ref _nodes[n];
            output.Add(new LatticeToken(node.Start, node.End - node.Start, node.Entry, node.Kind));
        }
        output.Reverse(first, output.Count - first);
        return (int)Math.Clamp(bestTotal, int.MinValue, int.MaxValue);
    }

    private ref Node NewNode()
    {
        if (_nodeCount == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
        }
        return ref _nodes[_nodeCount++];
    }

    private void AddLookup(int start, int end, int entry, NodeKind kind, int leftId, int rightId, int wordCost)
    {
        int index = _nodeCount;
        ref Node n = ref NewNode();
        n = new Node
        {
            Start = start, End = end, Entry = entry, Kind = kind,
            LeftId = leftId, RightId = rightId, WordCost = wordCost, Prev = -1, ENext = -1,
        };
        if (_lookupCount == _lookup.Length)
        {
            Array.Resize(ref _lookup, _lookup.Length * 2);
        }
        _lookup[_lookupCount++] = index;
    }

    private int _lookupCount;

    /// <summary>Adds the nodes beginning at <paramref name="pos"/> in MeCab's lookup order.</summary>
    private int Lookup(ReadOnlySpan<char> text, int pos, int end)
    {
        _lookupCount = 0;
        var d = _data;
        // Skip spaces (characters whose categories include SPACE), as MeCab does.
        int start = pos;
        while (start < end && IsSpace(text, start, end))
        {
            start += CharLength(text, start, end);
        }
        if (start >= end)
        {
            return 0;
        }

        if (_user is not null)
        {
            _userMatches.Clear();
            _user.Lookup(text, start, end, _userMatches);
            foreach (var (userEnd, entry) in _userMatches)
            {
                AddUserNode(start, userEnd, entry);
            }
        }

        // Dictionary words: common prefixes of the rest of the text, shorter first.
        int node = 0;
        for (int i = start; i < end; i++)
        {
            node = _dict.Child(node, text[i]);
            if (node < 0)
            {
                break;
            }
            int count = d.TrieEntryCount[node];
            if (count == 0)
            {
                continue;
            }
            int first = d.TrieEntryStart[node];
            for (int e = first; e < first + count; e++)
            {
                AddLookup(start, i + 1, e, NodeKind.Known, d.LeftId[e], d.RightId[e], d.Cost[e]);
            }
        }

        int code = CodeAt(text, start, end, out int firstLength);
        int category = code <= 0xFFFF ? d.CharCategory[code] : d.CharCategory[0];
        int mask = CategoryMask(code);
        if (_lookupCount > 0 && !d.CategoryInvoke[category])
        {
            return _lookupCount;
        }

        int groupEnd = -1;
        int afterFirst = start + firstLength;
        if (d.CategoryGroup[category])
        {
            int p = afterFirst;
            int extra = 0;
            while (p < end)
            {
                int c = CodeAt(text, p, end, out int len);
                if ((CategoryMask(c) & mask) == 0)
                {
                    break;
                }
                p += len;
                extra++;
            }
            if (extra <= MaxGroupingSize)
            {
                AddUnknown(start, p, category);
            }
            groupEnd = p;
        }

        int q = afterFirst;
        for (int i = 1; i <= d.CategoryLength[category]; i++)
        {
            if (q > end)
            {
                break;
            }
            if (q == groupEnd)
            {
                continue;
            }
            AddUnknown(start, q, category);
            if (q >= end)
            {
                break;
            }
            int c = CodeAt(text, q, end, out int len);
            if ((CategoryMask(c) & mask) == 0)
            {
                break;
            }
            q += len;
        }

        if (_lookupCount == 0)
        {
            AddUnknown(start, afterFirst, category);
        }
        return _lookupCount;
    }

    private void AddUnknown(int start, int end, int category)
    {
        var d = _data;
        int first = d.UnkStart[category];
        for (int e = first; e < first + d.UnkCount[category]; e++)
        {
            AddLookup(start, end, e, NodeKind.Unknown, d.LeftId[e], d.RightId[e], d.Cost[e]);
        }
    }

    // Reused across positions: the user dictionary's matches at one start.
    private readonly List<(int End, int Entry)> _userMatches = [];

    /// <summary>
    /// Adds a user word. Its cost is so low that it beats any system segmentation of its span,
    /// and proportional to its length so that a longer user word beats shorter overlapping ones.
    /// </summary>
    private void AddUserNode(int start, int end, int userEntry) =>
        AddLookup(start, end, userEntry, NodeKind.User, _userLeftId, _userRightId, -10_000 * (end - start) + 5_000);

    private bool IsSpace(ReadOnlySpan<char> text, int at, int end)
    {
        int code = CodeAt(text, at, end, out _);
        return (CategoryMask(code) & _spaceMask) != 0;
    }

    /// <summary>
    /// Category bits of a code point. MeCab's table covers the BMP only; characters beyond it
    /// decode to 0 there, so they take the categories of U+0000.
    /// </summary>
    private int CategoryMask(int code) => code <= 0xFFFF ? _data.CharMask[code] : _data.CharMask[0];

    private static int CharLength(ReadOnlySpan<char> text, int at, int end) =>
        char.IsHighSurrogate(text[at]) && at + 1 < end && char.IsLowSurrogate(text[at + 1]) ? 2 : 1;

    internal static int CodeAt(ReadOnlySpan<char> text, int at, int end, out int length)
    {
        char c = text[at];
        if (char.IsHighSurrogate(c) && at + 1 < end && char.IsLowSurrogate(text[at + 1]))
        {
            length = 2;
            return char.ConvertToUtf32(c, text[at + 1]);
        }
        length = 1;
        return c;
    }
}
