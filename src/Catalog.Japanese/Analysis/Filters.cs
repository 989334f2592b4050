using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Catalog.Japanese.Analysis;

/// <summary>Replaces each term by its base form (<c>落ち</c> → <c>落ちる</c>) unless it is a keyword.</summary>
public sealed class JapaneseBaseFormFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IBaseFormAttribute _baseForm;
    private readonly IKeywordAttribute _keyword;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public JapaneseBaseFormFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _baseForm = AddAttribute<IBaseFormAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        if (!_keyword.IsKeyword && _baseForm.BaseForm is { } baseForm)
        {
            _term.SetEmpty().Append(baseForm);
        }
        return true;
    }
}

/// <summary>Removes tokens whose part of speech is in a stop set (see <see cref="JapaneseAnalyzer.DefaultStopTagSet"/>).</summary>
public sealed class JapanesePartOfSpeechStopFilter : FilteringTokenFilter
{
    private readonly ISet<string> _stopTags;
    private readonly IPartOfSpeechAttribute _pos;

    /// <summary>Wraps <paramref name="input"/>, dropping tokens tagged with one of <paramref name="stopTags"/>.</summary>
    public JapanesePartOfSpeechStopFilter(LuceneVersion version, TokenStream input, ISet<string> stopTags)
        : base(version, input)
    {
        _stopTags = stopTags;
        _pos = AddAttribute<IPartOfSpeechAttribute>();
    }

    /// <inheritdoc/>
    protected override bool Accept() => _pos.PartOfSpeech is not { } pos || !_stopTags.Contains(pos);
}

/// <summary>
/// Removes a trailing prolonged sound mark (ー) from all-katakana terms of at least
/// <c>minimumLength</c> characters: コーヒー → コーヒ, センター → センタ, コピー stays.
/// </summary>
public sealed class JapaneseKatakanaStemFilter : TokenFilter
{
    /// <summary>Default minimum term length for stemming.</summary>
    public const int DefaultMinimumLength = 4;

    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;
    private readonly int _minimumLength;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public JapaneseKatakanaStemFilter(TokenStream input, int minimumLength = DefaultMinimumLength) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
        _minimumLength = minimumLength;
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        int length = _term.Length;
        if (!_keyword.IsKeyword && length >= _minimumLength && _term.Buffer[length - 1] == 'ー' && IsKatakana(_term.Buffer, length))
        {
            _term.Length = length - 1;
        }
        return true;
    }

    private static bool IsKatakana(char[] buffer, int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (buffer[i] is not (>= '\u30A0' and <= '\u30FF'))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>
/// Replaces each term by its katakana reading (学生 → ガクセイ), so kana queries match kanji
/// text; terms without a reading (unknown words) are kept, hiragana-only ones converted to katakana.
/// </summary>
public sealed class JapaneseReadingFormFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IReadingAttribute _reading;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public JapaneseReadingFormFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _reading = AddAttribute<IReadingAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        if (_reading.Reading is { } reading)
        {
            _term.SetEmpty().Append(reading);
        }
        else
        {
            Kana.FoldToKatakana(_term.Buffer.AsSpan(0, _term.Length));
        }
        return true;
    }
}
