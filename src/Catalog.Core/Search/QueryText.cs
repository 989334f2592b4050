namespace Catalog.Core.Search;

/// <summary>A word or quoted phrase of the query.</summary>
public sealed record QueryWord(string Text, bool Phrase);

/// <summary>
/// The parsed <c>q</c>: groups that must all match (each group is one word, or words joined by
/// OR), and words that must not match.
/// </summary>
public sealed record QueryText(IReadOnlyList<IReadOnlyList<QueryWord>> Required, IReadOnlyList<QueryWord> Excluded)
{
    public const int MaxLength = 256;
    public const int MaxWords = 16;

    public bool IsEmpty => Required.Count == 0 && Excluded.Count == 0;

    public IEnumerable<QueryWord> Positive => Required.SelectMany(g => g);

    /// <summary>Parses the query syntax: words ANDed, "quoted phrase", -word excludes, OR.</summary>
    /// <exception cref="QuerySyntaxException">The text is not a query (unbalanced quote, dangling OR …).</exception>
    public static QueryText Parse(string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) return new([], []);
        if (q.Length > MaxLength) throw new QuerySyntaxException($"is {q.Length} characters long; at most {MaxLength} are allowed");

        var tokens = new List<(string Text, bool Phrase, bool Excluded, bool IsOr)>();
        var i = 0;
        while (i < q.Length)
        {
            if (char.IsWhiteSpace(q[i])) { i++; continue; }
            var excluded = false;
            if (q[i] is '-' or '－')
            {
                excluded = true;
                i++;
                if (i >= q.Length || char.IsWhiteSpace(q[i])) throw new QuerySyntaxException("has a '-' with no word after it; write -word to exclude a word");
            }
            if (q[i] is '"' or '“' or '”')
            {
                var close = q.IndexOfAny(['"', '“', '”'], i + 1);
                if (close < 0) throw new QuerySyntaxException("has an opening quote (\") without a closing one");
                var phrase = q[(i + 1)..close].Trim();
                if (phrase.Length == 0) throw new QuerySyntaxException("has an empty quoted phrase (\"\")");
                tokens.Add((phrase, true, excluded, false));
                i = close + 1;
                continue;
            }
            var start = i;
            while (i < q.Length && !char.IsWhiteSpace(q[i]) && q[i] is not ('"' or '“' or '”')) i++;
            var word = q[start..i];
            tokens.Add((word, false, excluded, !excluded && word == "OR"));
        }

        var required = new List<List<QueryWord>>();
        var excludedWords = new List<QueryWord>();
        var joinNext = false;
        for (var t = 0; t < tokens.Count; t++)
        {
            var (text, phrase, excluded, isOr) = tokens[t];
            if (isOr)
            {
                if (required.Count == 0 || joinNext || t == tokens.Count - 1 || tokens[t - 1].Excluded)
                    throw new QuerySyntaxException("has an OR that does not stand between two words");
                joinNext = true;
                continue;
            }
            if (excluded)
            {
                if (joinNext) throw new QuerySyntaxException("has an OR before an excluded word; OR joins words that may match");
                excludedWords.Add(new QueryWord(text, phrase));
                continue;
            }
            if (joinNext) required[^1].Add(new QueryWord(text, phrase));
            else required.Add([new QueryWord(text, phrase)]);
            joinNext = false;
        }
        if (required.Sum(g => g.Count) + excludedWords.Count > MaxWords)
            throw new QuerySyntaxException($"has more than {MaxWords} words");
        return new(required, excludedWords);
    }
}

/// <summary>The query text is not well-formed; the message completes "q …".</summary>
public sealed class QuerySyntaxException(string message) : Exception(message);
