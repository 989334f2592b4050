using Catalog.Japanese.Dictionary;

namespace Catalog.Japanese.Tokenization;

/// <summary>Morphological features of a token, "*" fields mapped to null.</summary>
internal readonly record struct TokenFeatures(
    string PartOfSpeech, string? BaseForm, string? Reading, string? Pronunciation,
    string? InflectionType, string? InflectionForm)
{
    /// <summary>Extended mode's unigrams: Kuromoji's NGRAM pseudo-word.</summary>
    private static readonly TokenFeatures Ngram = new("記号-一般", null, null, null, null, null);

    /// <summary>Features as the normal (MeCab) mode reports them.</summary>
    public static TokenFeatures Of(in Segment s, JapaneseDictionary dictionary, UserDictionary? user)
    {
        if (s.Kind == NodeKind.User)
        {
            var e = user![s.Entry];
            return new TokenFeatures(e.PartOfSpeech, e.Segments[s.UserPart], e.Readings[s.UserPart], e.Readings[s.UserPart], null, null);
        }
        var pos = dictionary.PartOfSpeechFeatures(s.Entry).Split(',');
        var tail = dictionary.Tail(s.Entry).ToString().Split(',');
        return new TokenFeatures(
            string.Join('-', pos.Take(4).Where(p => p != "*")),
            Field(tail, 0), Field(tail, 1), Field(tail, 2), NullIfStar(pos[4]), NullIfStar(pos[5]));
    }

    /// <summary>
    /// Features as Lucene Kuromoji reports them: no base form when it equals the surface, none at
    /// all for unknown and user words; user words have their reading but no pronunciation.
    /// </summary>
    public static TokenFeatures OfKuromoji(in Segment s, ReadOnlySpan<char> surface, JapaneseDictionary dictionary, UserDictionary? user)
    {
        if (s.Entry == KuromojiLattice.NgramEntry)
        {
            return Ngram;
        }
        if (s.Kind == NodeKind.User)
        {
            var e = user![s.Entry];
            return new TokenFeatures(e.PartOfSpeech, null, e.Readings[s.UserPart], null, null, null);
        }
        var pos = dictionary.PartOfSpeechFeatures(s.Entry).Split(',');
        string partOfSpeech = string.Join('-', pos.Take(4).Where(p => p != "*"));
        if (s.Kind == NodeKind.Unknown)
        {
            return new TokenFeatures(partOfSpeech, null, null, null, null, null);
        }
        // Kuromoji's dictionary was decoded by Java: U+2014 where ours has U+2015 (see KuromojiCharacters).
        var tail = dictionary.Tail(s.Entry).ToString().Replace('\u2015', '\u2014').Split(',');
        string? baseForm = Field(tail, 0);
        if (baseForm is not null && surface.SequenceEqual(baseForm))
        {
            baseForm = null;
        }
        return new TokenFeatures(partOfSpeech, baseForm, Raw(tail, 1), Raw(tail, 2), NullIfStar(pos[4]), NullIfStar(pos[5]));
    }

    private static string? Field(string[] fields, int i) => i < fields.Length ? NullIfStar(fields[i]) : null;

    private static string? Raw(string[] fields, int i) => i < fields.Length ? fields[i] : null;

    private static string? NullIfStar(string value) => value == "*" || value.Length == 0 ? null : value;
}
