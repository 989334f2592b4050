using Catalog.Japanese.Dictionary;
using Catalog.Japanese.Tokenization;

namespace Catalog.Japanese;

/// <summary>
/// MeCab's default output format: for each input line, one line per token
/// <c>surface&lt;TAB&gt;pos1,pos2,pos3,pos4,conjType,conjForm,baseForm,reading,pronunciation</c>
/// (unknown words carry MeCab's seven-field feature list, e.g. <c>名詞,一般,*,*,*,*,*</c>), then
/// <c>EOS</c>. In normal mode spaces are not tokens; an empty line gives just <c>EOS</c>.
/// The search and extended modes print Kuromoji's tokens for each line (spaces are tokens there,
/// extended mode's unigrams read <c>記号,一般,*,*,*,*,*</c>); compounds kept beside their parts are
/// printed only on request, after their first part, with a third column <c>compound:N</c> (N parts).
/// </summary>
public static class MecabFormat
{
    /// <summary>Analyses every line of <paramref name="input"/> with the embedded IPADIC dictionary.</summary>
    /// <param name="input">Text, analysed line by line as MeCab does.</param>
    /// <param name="output">Receives the MeCab-format lines.</param>
    /// <param name="mode">Segmentation mode; <see cref="JapaneseTokenizerMode.Normal"/> reproduces MeCab.
    /// In the search modes only the parts of a decompounded word are written, not the compound.</param>
    public static void Write(TextReader input, TextWriter output, JapaneseTokenizerMode mode = JapaneseTokenizerMode.Normal) =>
        Write(input, output, mode, JapaneseDictionary.Default, null);

    /// <summary>Analyses every line of <paramref name="input"/> with the given dictionaries.</summary>
    /// <param name="input">Text, analysed line by line as MeCab does.</param>
    /// <param name="output">Receives the MeCab-format lines.</param>
    /// <param name="mode">Segmentation mode.</param>
    /// <param name="dictionary">System dictionary.</param>
    /// <param name="userDictionary">Optional user words; their segments are written with
    /// <c>pos,*,*,*,*,*,segment,reading,reading</c>.</param>
    /// <param name="compounds">Also write search mode's compound tokens (see the class remarks).</param>
    public static void Write(TextReader input, TextWriter output, JapaneseTokenizerMode mode,
        JapaneseDictionary dictionary, UserDictionary? userDictionary, bool compounds = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(dictionary);
        var segmenter = new Segmenter(dictionary, userDictionary);
        var segments = new List<Segment>();
        string? line;
        while ((line = input.ReadLine()) != null)
        {
            segments.Clear();
            segmenter.Segment(line, mode, segments);
            foreach (var s in segments)
            {
                if (s.Compound && !compounds)
                {
                    continue;
                }
                output.Write(line.AsSpan(s.Start, s.Length));
                output.Write('\t');
                if (s.Kind == NodeKind.User)
                {
                    var e = userDictionary![s.Entry];
                    output.Write($"{e.PartOfSpeech},*,*,*,*,*,{e.Segments[s.UserPart]},{e.Readings[s.UserPart]},{e.Readings[s.UserPart]}");
                }
                else if (s.Entry == KuromojiLattice.NgramEntry)
                {
                    output.Write("記号,一般,*,*,*,*,*");
                }
                else
                {
                    output.Write(dictionary.PartOfSpeechFeatures(s.Entry));
                    var tail = dictionary.Tail(s.Entry);
                    if (!tail.IsEmpty)
                    {
                        output.Write(',');
                        output.Write(tail);
                    }
                }
                if (s.Compound)
                {
                    output.Write($"\tcompound:{s.PositionLength}");
                }
                output.Write('\n');
            }
            output.Write("EOS\n");
        }
    }
}
