using System.Globalization;
using Catalog.Japanese.Dictionary;
using Catalog.Japanese.Tokenization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalog.Japanese.Analysis;

/// <summary>
/// Segments Japanese text over IPADIC. Normal mode is MeCab's Viterbi search, line by line as
/// MeCab does; the search and extended modes are Lucene Kuromoji's JapaneseTokenizer, token for
/// token, over the whole text. Sets term, offsets, position increment and length, and the
/// Japanese attributes (<see cref="IPartOfSpeechAttribute"/>, <see cref="IBaseFormAttribute"/>,
/// <see cref="IReadingAttribute"/>, <see cref="IInflectionAttribute"/>).
/// In search mode a decompounded word is kept: it follows its first part with position
/// increment 0 and position length equal to the number of parts, so both the whole word and
/// its parts match (Lucene 4.x Kuromoji behaviour, not Lucene 8.5+'s discardCompoundToken).
/// </summary>
public sealed class JapaneseTokenizer : Tokenizer
{
    private readonly Segmenter _segmenter;
    private readonly JapaneseTokenizerMode _mode;
    private readonly bool _discardPunctuation;
    private readonly List<Segment> _segments = [];
    private readonly Dictionary<long, TokenFeatures> _features = [];
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly IPositionLengthAttribute _positionLength;
    private readonly IPartOfSpeechAttribute _pos;
    private readonly IBaseFormAttribute _baseForm;
    private readonly IReadingAttribute _reading;
    private readonly IInflectionAttribute _inflection;
    private string _text = "";
    private char[] _chars = [];
    private int _lineStart;
    private int _lineEnd;
    private int _next;

    /// <summary>Creates a tokenizer over the embedded IPADIC dictionary.</summary>
    /// <param name="input">Text to analyse.</param>
    /// <param name="userDictionary">Optional user words, or null.</param>
    /// <param name="mode">Segmentation mode.</param>
    /// <param name="discardPunctuation">Drop tokens made only of punctuation, symbols and spaces.</param>
    public JapaneseTokenizer(TextReader input, UserDictionary? userDictionary = null,
        JapaneseTokenizerMode mode = JapaneseTokenizerMode.Search, bool discardPunctuation = true)
        : this(input, JapaneseDictionary.Default, userDictionary, mode, discardPunctuation)
    {
    }

    /// <summary>Creates a tokenizer over the given dictionaries.</summary>
    /// <param name="input">Text to analyse.</param>
    /// <param name="dictionary">System dictionary.</param>
    /// <param name="userDictionary">Optional user words, or null.</param>
    /// <param name="mode">Segmentation mode.</param>
    /// <param name="discardPunctuation">Drop tokens made only of punctuation, symbols and spaces.</param>
    public JapaneseTokenizer(TextReader input, JapaneseDictionary dictionary, UserDictionary? userDictionary,
        JapaneseTokenizerMode mode, bool discardPunctuation)
        : base(input)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        _segmenter = new Segmenter(dictionary, userDictionary);
        _mode = mode;
        _discardPunctuation = discardPunctuation;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _positionLength = AddAttribute<IPositionLengthAttribute>();
        _pos = AddAttribute<IPartOfSpeechAttribute>();
        _baseForm = AddAttribute<IBaseFormAttribute>();
        _reading = AddAttribute<IReadingAttribute>();
        _inflection = AddAttribute<IInflectionAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        ClearAttributes();
        while (true)
        {
            while (_next < _segments.Count)
            {
                var s = _segments[_next++];
                int start = _lineStart + s.Start;
                // The search modes discard punctuation themselves, as Kuromoji does.
                if (_discardPunctuation && _mode == JapaneseTokenizerMode.Normal && IsPunctuation(_text.AsSpan(start, s.Length)))
                {
                    continue;
                }
                _term.CopyBuffer(_chars, start, s.Length);
                _offset.SetOffset(CorrectOffset(start), CorrectOffset(start + s.Length));
                _positionIncrement.PositionIncrement = s.Compound ? 0 : 1;
                _positionLength.PositionLength = s.PositionLength;
                var f = Features(s, start);
                _pos.PartOfSpeech = f.PartOfSpeech;
                _baseForm.BaseForm = f.BaseForm;
                _reading.Reading = f.Reading;
                _reading.Pronunciation = f.Pronunciation;
                _inflection.InflectionType = f.InflectionType;
                _inflection.InflectionForm = f.InflectionForm;
                return true;
            }
            if (!NextLine())
            {
                return false;
            }
        }
    }

    // Features are parsed once per entry and tokenizer; entries repeat a lot in real text.
    private TokenFeatures Features(in Segment s, int start)
    {
        long key = ((long)s.Kind << 48) | ((long)(s.UserPart + 1) << 32) | (uint)s.Entry;
        if (!_features.TryGetValue(key, out var f))
        {
            f = _mode == JapaneseTokenizerMode.Normal
                ? TokenFeatures.Of(s, _segmenter.Dictionary, _segmenter.UserDictionary)
                : TokenFeatures.OfKuromoji(s, _text.AsSpan(start, s.Length), _segmenter.Dictionary, _segmenter.UserDictionary);
            if (_features.Count > 100_000)
            {
                _features.Clear();
            }
            _features.Add(key, f);
        }
        return f;
    }

    private bool NextLine()
    {
        // Normal mode analyses lines separately, as MeCab does; _lineEnd is the previous line break.
        // The search modes analyse the whole text at once, as Kuromoji does.
        _lineStart = _lineEnd + 1;
        if (_lineStart > _text.Length || (_mode != JapaneseTokenizerMode.Normal && _lineStart > 0))
        {
            return false;
        }
        int end = _mode == JapaneseTokenizerMode.Normal ? _text.AsSpan(_lineStart).IndexOfAny('\n', '\r') : -1;
        _lineEnd = end < 0 ? _text.Length : _lineStart + end;
        _segments.Clear();
        _next = 0;
        _segmenter.Segment(_text.AsSpan(_lineStart, _lineEnd - _lineStart), _mode, _segments, _discardPunctuation);
        return true;
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _text = TextReading.ReadAll(m_input);
        // The term attribute copies from a char array: one kept across texts, grown when needed.
        if (_chars.Length < _text.Length) _chars = new char[Math.Max(_text.Length, _chars.Length * 2)];
        _text.CopyTo(0, _chars, 0, _text.Length);
        _segments.Clear();
        _next = 0;
        _lineStart = 0;
        _lineEnd = -1;
    }

    /// <inheritdoc/>
    public override void End()
    {
        base.End();
        int final = CorrectOffset(_text.Length);
        _offset.SetOffset(final, final);
    }

    // A token of punctuation only, by the same character test as the lattice's grouping.
    private static bool IsPunctuation(ReadOnlySpan<char> term)
    {
        foreach (char c in term)
            if (!KuromojiCharacters.IsPunctuation(c)) return false;
        return !term.IsEmpty;
    }
}
