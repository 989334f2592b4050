using Catalog.Japanese.Dictionary;

namespace Catalog.Japanese.Tokenization;

/// <summary>Morphological features of a token, "*" fields mapped to null.</summary>
internal readonly record struct TokenFeatures(
    string PartOfSpeech, string? BaseForm, string? Reading, string? Pronunciation,
    string? InflectionType, string? InflectionForm)
{
    public static TokenFeatures Of(in Segment s, JapaneseDictionary dictionary, UserDictionary? user)
    {
        if (s.Kind == NodeKind.User)
        {
            var e = user![s.Entry];
            string reading = s.UserPart < 0 ? string.Concat(e.Readings) : e.Readings[s.UserPart];
            string surface = s.UserPart < 0 ? e.Surface : e.Segments[s.UserPart];
            return new TokenFeatures(e.PartOfSpeech, surface, reading, reading, null, null);
        }
        var pos = dictionary.PartOfSpeechFeatures(s.Entry).Split(',');
        var tail = dictionary.Tail(s.Entry).ToString().Split(',');
        return new TokenFeatures(
            string.Join('-', pos.Take(4).Where(p => p != "*")),
            Field(tail, 0), Field(tail, 1), Field(tail, 2), NullIfStar(pos[4]), NullIfStar(pos[5]));
    }

    private static string? Field(string[] fields, int i) => i < fields.Length ? NullIfStar(fields[i]) : null;

    private static string? NullIfStar(string value) => value == "*" || value.Length == 0 ? null : value;
}
