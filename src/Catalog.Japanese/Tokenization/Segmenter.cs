using Catalog.Japanese.Dictionary;

namespace Catalog.Japanese.Tokenization;

/// <summary>
/// A token as the tokenizer emits it. <see cref="Compound"/> marks position increment 0 (a compound
/// kept beside its parts in search mode, starting where its first part starts) and then
/// <see cref="PositionLength"/> is the number of parts it spans; otherwise it is 1.
/// For user words, <see cref="UserPart"/> is the segment index.
/// </summary>
internal readonly record struct Segment(int Start, int Length, int Entry, NodeKind Kind, int UserPart, bool Compound, int PositionLength);

/// <summary>
/// Turns text into tokens for a mode: normal mode is MeCab's lattice, line by line; the search
/// and extended modes are Lucene Kuromoji's. Not thread-safe; one per tokenizer.
/// </summary>
internal sealed class Segmenter
{
    private readonly Lattice _lattice;
    private readonly KuromojiLattice _kuromoji;
    private readonly List<LatticeToken> _path = [];

    public Segmenter(JapaneseDictionary dictionary, UserDictionary? userDictionary)
    {
        _lattice = new Lattice(dictionary, userDictionary);
        _kuromoji = new KuromojiLattice(dictionary, userDictionary);
    }

    public JapaneseDictionary Dictionary => _lattice.Dictionary;

    public UserDictionary? UserDictionary => _lattice.UserDictionary;

    /// <summary>
    /// Appends the tokens of <paramref name="text"/>. Normal mode expects one line (MeCab analyses
    /// lines separately) and never discards; the search modes take the whole text and drop
    /// punctuation tokens, as Kuromoji does, when <paramref name="discardPunctuation"/> is set.
    /// </summary>
    public void Segment(ReadOnlySpan<char> text, JapaneseTokenizerMode mode, List<Segment> output, bool discardPunctuation = false)
    {
        if (mode != JapaneseTokenizerMode.Normal)
        {
            _kuromoji.Segment(text, mode, discardPunctuation, output);
            return;
        }
        _path.Clear();
        if (text.IsEmpty)
        {
            return;
        }
        _lattice.Analyze(text, 0, text.Length, _path);
        foreach (var t in _path)
        {
            if (t.Kind == NodeKind.User)
            {
                var entry = _lattice.UserDictionary![t.Entry];
                int offset = t.Start;
                for (int p = 0; p < entry.Segments.Length; p++)
                {
                    output.Add(new Segment(offset, entry.Segments[p].Length, t.Entry, NodeKind.User, p, false, 1));
                    offset += entry.Segments[p].Length;
                }
                continue;
            }
            output.Add(new Segment(t.Start, t.Length, t.Entry, t.Kind, -1, false, 1));
        }
    }
}
