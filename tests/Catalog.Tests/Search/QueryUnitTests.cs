using Catalog.Core.Search;
using Catalog.Tests.Support;
using Lucene.Net.Search;

namespace Catalog.Tests.Search;

/// <summary>The query parser on its own: what each piece of syntax becomes.</summary>
public sealed class QueryTextTests
{
    [Fact]
    public void WordsAreAndedPhrasesKeptExclusionsSetApartAndOrJoinsNeighbours()
    {
        var q = QueryText.Parse("自動運転 \"物流 実証\" -ドローン MaaS OR AI");
        Assert.Equal(3, q.Required.Count);
        Assert.Equal(new QueryWord("自動運転", false), q.Required[0].Single());
        Assert.Equal(new QueryWord("物流 実証", true), q.Required[1].Single());
        Assert.Equal(["MaaS", "AI"], q.Required[2].Select(w => w.Text));
        Assert.Equal(new QueryWord("ドローン", false), q.Excluded.Single());
    }

    [Fact]
    public void BlankTextIsTheEmptyQuery() => Assert.True(QueryText.Parse("  \u3000 ").IsEmpty);

    [Theory]
    [InlineData("\"unclosed")]
    [InlineData("OR")]
    [InlineData("a OR")]
    [InlineData("a -")]
    [InlineData("a OR -b")]
    [InlineData("\"\"")]
    public void MalformedSyntaxIsRefused(string q) => Assert.Throws<QuerySyntaxException>(() => QueryText.Parse(q));

    [Fact]
    public void TooManyWordsOrCharactersAreRefused()
    {
        Assert.Throws<QuerySyntaxException>(() => QueryText.Parse(string.Join(' ', Enumerable.Range(0, QueryText.MaxWords + 1).Select(i => "w" + i))));
        Assert.Throws<QuerySyntaxException>(() => QueryText.Parse(new string('あ', QueryText.MaxLength + 1)));
    }
}

/// <summary>The query builder on its own: fields, modes, synonyms, exclusions.</summary>
public sealed class QueryBuilderTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly CatalogAnalyzers _analyzers;
    private readonly QueryBuilder _builder;

    public QueryBuilderTests()
    {
        File.WriteAllText(_data.Combine("synonyms.txt"), "補助金,助成金\n");
        _analyzers = new CatalogAnalyzers(_data.Combine("userdict.csv"));
        _builder = new QueryBuilder(_analyzers, new SynonymSet(_data.Combine("synonyms.txt")));
    }

    public void Dispose()
    {
        _analyzers.Dispose();
        _data.Dispose();
    }

    private QueryBuilder.Built Build(string q, QueryBuilder.QueryMode mode = QueryBuilder.QueryMode.Precise) => _builder.Build(QueryText.Parse(q), mode);

    [Fact]
    public void TheEmptyQueryMatchesEverything() => Assert.IsType<MatchAllDocsQuery>(Build("").Query);

    [Fact]
    public void EachWordIsRequiredAndSearchedInTheNameAndBodyAndAsASubstringInTheBigramField()
    {
        var precise = Build("自動運転 実証");
        Assert.Equal(2, precise.RequiredGroups);
        Assert.All(((BooleanQuery)precise.Query).Clauses, c => Assert.Equal(Occur.MUST, c.Occur));
        var text = precise.Query.ToString();
        Assert.Contains(SearchSchema.Name + ":", text);
        Assert.Contains(SearchSchema.Body + ":", text);
        Assert.Contains(SearchSchema.Bigram + ":\"自動 動運 運転\"", text);
    }

    [Fact]
    public void RelaxedModeMakesEveryWordOptional()
    {
        var relaxed = Build("自動運転 実証", QueryBuilder.QueryMode.Relaxed);
        Assert.All(((BooleanQuery)relaxed.Query).Clauses, c => Assert.Equal(Occur.SHOULD, c.Occur));
    }

    [Fact]
    public void AnExcludedWordIsMustNotAndAnExclusionAloneKeepsEverythingElse()
    {
        var clauses = ((BooleanQuery)Build("-ドローン").Query).Clauses;
        Assert.Contains(clauses, c => c.Occur == Occur.MUST_NOT);
        Assert.Contains(clauses, c => c.Occur == Occur.MUST && c.Query is MatchAllDocsQuery);
    }

    [Fact]
    public void SynonymsAreSearchedBesideTheWordAndHighlighted()
    {
        var built = Build("補助金");
        Assert.Contains("助成金", built.HighlightWords);
        Assert.Contains("補助金", built.HighlightWords);
    }

    [Fact]
    public void TheSameQueryIsBuiltOnceAndShared()
    {
        Assert.Same(Build("交付金"), Build("交付金"));
        Assert.NotSame(Build("交付金"), Build("交付金", QueryBuilder.QueryMode.Relaxed));
    }
}
