using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalog.Japanese.Tests;

internal sealed record TokenInfo(string Term, int Start, int End, int Increment, int Length);

internal static class TokenAssert
{
    public static List<TokenInfo> Tokens(TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var length = stream.AddAttribute<IPositionLengthAttribute>();
        var tokens = new List<TokenInfo>();
        try
        {
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add(new TokenInfo(term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement, length.PositionLength));
            }
            stream.End();
        }
        finally
        {
            stream.Dispose();
        }
        return tokens;
    }

    public static List<TokenInfo> Tokens(Analyzer analyzer, string text) => Tokens(analyzer.GetTokenStream("f", new StringReader(text)));

    /// <summary>Terms with "/0" appended to tokens at the previous token's position.</summary>
    public static string Render(IEnumerable<TokenInfo> tokens) =>
        string.Join(" ", tokens.Select(t => t.Increment == 0 ? t.Term + "/0" : t.Term));
}
