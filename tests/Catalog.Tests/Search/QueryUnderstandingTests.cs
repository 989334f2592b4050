using Catalog.Core.Programs;
using Catalog.Core.Search;

namespace Catalog.Tests.Search;

/// <summary>The query-line reader on its own: which notations become which filter values, and what stays text.</summary>
public sealed class QueryUnderstandingTests
{
    private static readonly DateTimeOffset AsOf = new(2024, 5, 10, 12, 0, 0, ProgramStatus.Jst);

    // The catalogue's names in these tests: 企業版ふるさと納税 and 自治体AI実装タイプ.
    private static bool InNames(string word) => new[] { "企業版ふるさと納税", "自治体AI実装タイプ" }.Any(n => n.Contains(word, StringComparison.Ordinal));

    private static UnderstoodQuery Read(string q) => QueryUnderstanding.Interpret(q, AsOf, InNames);

    [Theory]
    [InlineData("令和6年度", "fiscalYear", "2024")]
    [InlineData("R6", "fiscalYear", "2024")]
    [InlineData("r6", "fiscalYear", "2024")]
    [InlineData("R6年度", "fiscalYear", "2024")]
    [InlineData("Ｒ６年度", "fiscalYear", "2024")]
    [InlineData("2024年度", "fiscalYear", "2024")]
    [InlineData("２０２４年度", "fiscalYear", "2024")]
    [InlineData("FY2024", "fiscalYear", "2024")]
    [InlineData("平成31年度", "fiscalYear", "2019")]
    [InlineData("令和元年度", "fiscalYear", "2019")]
    [InlineData("H30", "fiscalYear", "2018")]
    [InlineData("補助率1/2以上", "rateMin", "0.5")]
    [InlineData("1/2以上", "rateMin", "0.5")]
    [InlineData("1/2", "rateMin", "0.5")]
    [InlineData("2分の1", "rateMin", "0.5")]
    [InlineData("２分の１以上", "rateMin", "0.5")]
    [InlineData("補助率２分の１", "rateMin", "0.5")]
    [InlineData("2/3以上", "rateMin", "0.66")]
    [InlineData("10/10", "rateMin", "1")]
    [InlineData("50%以上", "rateMin", "0.5")]
    [InlineData("補助率50%", "rateMin", "0.5")]
    [InlineData("５０％以上", "rateMin", "0.5")]
    [InlineData("上限1億円以上", "capMin", "100000000")]
    [InlineData("1,000万円以上", "capMin", "10000000")]
    [InlineData("１，０００万円以上", "capMin", "10000000")]
    [InlineData("5000万円まで", "capMax", "50000000")]
    [InlineData("5000万円以下", "capMax", "50000000")]
    [InlineData("3億", "capMin", "300000000")]
    [InlineData("1億5,000万円", "capMin", "150000000")]
    [InlineData("市町村", "applicant", "市区町村")]
    [InlineData("市区町村", "applicant", "市区町村")]
    [InlineData("都道府県", "applicant", "都道府県")]
    [InlineData("県", "applicant", "都道府県")]
    [InlineData("中核市", "applicant", "中核市")]
    [InlineData("中枢中核都市", "applicant", "中枢中核都市")]
    [InlineData("民間", "applicant", "民間事業者")]
    [InlineData("募集中", "status", "受付中")]
    [InlineData("受付中", "status", "受付中")]
    [InlineData("公募中", "status", "受付中")]
    [InlineData("内閣府", "ministry", "内閣府")]
    [InlineData("総務省", "ministry", "総務省")]
    [InlineData("国交省", "ministry", "国土交通省")]
    [InlineData("国土交通省", "ministry", "国土交通省")]
    [InlineData("経産省", "ministry", "経済産業省")]
    public void NotationBecomesTheFilterValue(string q, string filter, string value)
    {
        var read = Read(q + " ドローン");

        var part = Assert.Single(read.Understood);
        Assert.Equal((q, filter, value), (part.Text, part.Filter, part.Value));
        Assert.Equal("ドローン", read.Q);
    }

    [Fact]
    public void NearDeadlineMeansOpenWithADeadlineWithinFourteenDays()
    {
        var read = Read("締切間近");

        Assert.Null(read.Q);
        Assert.Equal([("status", "受付中"), ("deadlineBefore", "2024-05-24")], read.Understood.Select(p => (p.Filter, p.Value)).ToList());
    }

    [Theory]
    [InlineData("企業")]            // in 企業版ふるさと納税
    [InlineData("自治体")]          // in 自治体AI実装タイプ
    [InlineData("50%")]             // a percentage of anything
    [InlineData("3/31")]            // a date as likely as a rate
    [InlineData("2024")]            // a number without 年度 or a unit
    [InlineData("令和6年")]         // a calendar year, not a 年度
    [InlineData("1/2以内")]         // an upper bound no filter holds
    [InlineData("\"2021年度\"")]    // quoted: the words as written
    [InlineData("-県")]             // excluded: a word not to find
    [InlineData("Society5.0")]
    [InlineData("5G")]
    public void AmbiguousOrQuotedWordsStayText(string q)
    {
        var read = Read(q);

        Assert.Empty(read.Understood);
        Assert.Equal(q, read.Q);
    }

    [Fact]
    public void WordsJoinedByOrStayText()
    {
        var read = Read("2021年度 OR 市町村 ドローン");

        Assert.Empty(read.Understood);
        Assert.Equal("2021年度 OR 市町村 ドローン", read.Q);
    }

    [Fact]
    public void APlannersLineBecomesFiltersAndTheRestStaysText()
    {
        var read = Read("令和6年度 補助率1/2以上 上限1億円以上 市町村 AI");

        Assert.Equal("AI", read.Q);
        Assert.Equal(
            [("令和6年度", "fiscalYear", "2024"), ("補助率1/2以上", "rateMin", "0.5"), ("上限1億円以上", "capMin", "100000000"), ("市町村", "applicant", "市区町村")],
            read.Understood.Select(p => (p.Text, p.Filter, p.Value)).ToList());
        Assert.Equal(["年度: 令和6年度", "補助率: 1/2以上", "上限: 1億円以上", "申請主体: 市区町村"], read.Understood.Select(p => p.Label).ToList());
    }

    [Fact]
    public void APrefixWordReadsWithTheNotationAfterIt()
    {
        var read = Read("補助率 1/2以上 上限 5000万円まで 観光");

        Assert.Equal("観光", read.Q);
        Assert.Equal([("補助率 1/2以上", "rateMin"), ("上限 5000万円まで", "capMax")], read.Understood.Select(p => (p.Text, p.Filter)).ToList());
    }

    [Fact]
    public void APrefixWordAloneStaysText()
    {
        var read = Read("補助率 観光");

        Assert.Empty(read.Understood);
        Assert.Equal("補助率 観光", read.Q);
    }

    [Theory]
    [InlineData("2021年度ドローン", "2021年度", "fiscalYear", "ドローン")]
    [InlineData("ドローン令和3年度", "令和3年度", "fiscalYear", "ドローン")]
    [InlineData("観光補助率1/2以上", "補助率1/2以上", "rateMin", "観光")]
    [InlineData("上限1億円以上スマートシティ", "上限1億円以上", "capMin", "スマートシティ")]
    public void ANotationWrittenAgainstAWordIsPeeledOff(string q, string text, string filter, string rest)
    {
        var read = Read(q);

        var part = Assert.Single(read.Understood);
        Assert.Equal((text, filter), (part.Text, part.Filter));
        Assert.Equal(rest, read.Q);
    }

    [Theory]
    [InlineData("H2O")]          // no marker: never peeled
    [InlineData("1/2以内補助")]  // 以内 belongs to the rate
    [InlineData("2024年度末")]   // the end of a 年度 is a date, not the 年度
    [InlineData("1億円程度")]    // about, not at least
    public void OnlyMarkedNotationsWithNothingAttachedArePeeled(string q)
    {
        var read = Read(q);

        Assert.Empty(read.Understood);
        Assert.Equal(q, read.Q);
    }

    [Fact]
    public void ExcludedAndQuotedWordsAreKeptAsWritten()
    {
        var read = Read("令和3年度 \"データ 連携\" -観光");

        Assert.Equal("\"データ 連携\" -観光", read.Q);
        Assert.Equal("fiscalYear", Assert.Single(read.Understood).Filter);
    }

    [Fact]
    public void FacetFiltersTakeTheUnionOfParametersAndUnderstoodValues()
    {
        var request = new SearchRequest { Q = "令和3年度 市町村", FiscalYears = [2020], Applicants = ["都道府県"], AsOf = AsOf };

        var applied = QueryUnderstanding.Apply(request, Read(request.Q!));

        Assert.Null(applied.Q);
        Assert.Equal([2020, 2021], applied.FiscalYears);
        Assert.Equal(["都道府県", "市区町村"], applied.Applicants);
        Assert.Equal(2, applied.Understood.Count);
    }

    [Fact]
    public void BoundsTakeTheStricterOfParameterAndQuery()
    {
        var request = new SearchRequest { Q = "1/2以上 3億 5億円まで", RateMin = 0.75m, CapMin = 100_000_000, CapMax = 1_000_000_000, AsOf = AsOf };

        var applied = QueryUnderstanding.Apply(request, Read(request.Q!));

        Assert.Equal(0.75m, applied.RateMin);
        Assert.Equal(300_000_000, applied.CapMin);
        Assert.Equal(500_000_000, applied.CapMax);
    }

    [Fact]
    public void ContradictingBoundsAreAQuerySyntaxError()
    {
        var request = new SearchRequest { Q = "1億円以上 5000万円まで", AsOf = AsOf };

        var e = Assert.Throws<QuerySyntaxException>(() => QueryUnderstanding.Apply(request, Read(request.Q!)));
        Assert.Contains("1億円", e.Message);
        Assert.Contains("5,000万円", e.Message);
    }
}
