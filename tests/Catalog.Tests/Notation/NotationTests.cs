using Catalog.Core.Notation;

namespace Catalog.Tests.Notation;

public class WarekiTests
{
    [Theory]
    [InlineData("令和2年5月29日", 2020, 5, 29)]
    [InlineData("令和元年5月1日", 2019, 5, 1)]
    [InlineData("平成31年4月1日", 2019, 4, 1)]
    [InlineData("令和６年４月５日", 2024, 4, 5)]
    [InlineData("R3.8.24", 2021, 8, 24)]
    [InlineData("2024年4月5日", 2024, 4, 5)]
    public void ParsesEraAndGregorianDates(string text, int y, int m, int d)
    {
        Assert.True(Wareki.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("令和2年2月30日")]
    [InlineData("大正5年1月1日")]
    [InlineData("令和2年")]
    [InlineData("")]
    public void RejectsWhatIsNotADate(string text) => Assert.False(Wareki.TryParseDate(text, out _));

    [Theory]
    [InlineData("令和3年度", 2021)]
    [InlineData("令和元年度", 2019)]
    [InlineData("平成31年度", 2019)]
    [InlineData("平成30年度", 2018)]
    [InlineData("R4年度", 2022)]
    [InlineData("2021年度", 2021)]
    public void ParsesFiscalYearsToTheirStartYear(string text, int expected)
    {
        Assert.True(Wareki.TryParseFiscalYear(text, out var fy));
        Assert.Equal(expected, fy);
    }

    [Theory]
    [InlineData(2021, "令和3年度")]
    [InlineData(2019, "令和元年度")]
    [InlineData(2018, "平成30年度")]
    public void FormatsFiscalYearsByTheEraInForce(int fy, string expected) => Assert.Equal(expected, Wareki.FormatFiscalYear(fy));

    [Fact]
    public void FiscalYearStartsInApril()
    {
        Assert.Equal(2023, Wareki.FiscalYearOf(new DateOnly(2024, 3, 31)));
        Assert.Equal(2024, Wareki.FiscalYearOf(new DateOnly(2024, 4, 1)));
        Assert.Equal("令和2年5月29日", Wareki.FormatDate(new DateOnly(2020, 5, 29)));
        Assert.Equal("平成31年4月30日", Wareki.FormatDate(new DateOnly(2019, 4, 30)));
    }
}

public class MoneyTests
{
    [Theory]
    [InlineData("10,000千円", 10_000_000L)]
    [InlineData("3.0億円", 300_000_000L)]
    [InlineData("0.85億円", 85_000_000L)]
    [InlineData("約5,000万円", 50_000_000L)]
    [InlineData("20,000百万円", 20_000_000_000L)]
    [InlineData("1億5,000万円", 150_000_000L)]
    [InlineData("１，０００万円以内", 10_000_000L)]
    [InlineData("500円", 500L)]
    public void ParsesAmountsToYen(string text, long yen)
    {
        var money = Money.Parse(text);
        Assert.Equal(MoneyTextKind.Amount, money.Kind);
        Assert.Equal(yen, money.Yen);
    }

    [Fact]
    public void MarksApproximateAndPartOfLargerAmounts()
    {
        Assert.True(Money.Parse("約5,000万円").Approximate);
        var share = Money.Parse("1,000億円の内数");
        Assert.True(share.PartOfLarger);
        Assert.Equal(100_000_000_000L, share.Yen);
    }

    [Theory]
    [InlineData("上限の定めなし")]
    [InlineData("数億円程度")]
    public void AcceptsTextsThatStateNoAmount(string text) => Assert.Equal(MoneyTextKind.NoAmount, Money.Parse(text).Kind);

    [Theory]
    [InlineData("abc億円")]
    [InlineData("5,000万1億円")]
    [InlineData("三億円")]
    [InlineData("")]
    public void RejectsTextsThatAreNotAmounts(string text) => Assert.Equal(MoneyTextKind.Invalid, Money.Parse(text).Kind);

    [Fact]
    public void FindsTheFirstAmountInABudgetLine()
    {
        var m = Money.Find("令和3年度補正一般会計 20,000百万円の内数");
        Assert.Equal(20_000_000_000L, m.Yen);
        Assert.True(m.PartOfLarger);
        Assert.Equal(100_000_000L, Money.Find("1億円（ほか、R2年度第3次補正予算305億円の内数）").Yen);
        Assert.False(Money.Find("1億円（ほか、R2年度第3次補正予算305億円の内数）").PartOfLarger);
    }

    [Theory]
    [InlineData(300_000_000L, "3億円")]
    [InlineData(250_000_000L, "2.5億円")]
    [InlineData(50_000_000L, "5,000万円")]
    public void FormatsYenTheWaySourcesWrite(long yen, string expected) => Assert.Equal(expected, Money.Format(yen));
}

public class RateTextTests
{
    [Theory]
    [InlineData("1/2", "fraction", 0.5)]
    [InlineData("1/2以内", "fraction", 0.5)]
    [InlineData("3/4 以内", "fraction", 0.75)]
    [InlineData("2/3", "fraction", 0.6667)]
    [InlineData("２分の１", "fraction", 0.5)]
    [InlineData("20%", "fraction", 0.2)]
    [InlineData("10/10", "fraction", 1.0)]
    [InlineData("定額、または2/3", "mixed", 0.6667)]
    [InlineData("3/4（1,000万円まで）、2/3（1,000万円超の部分）", "tiered", 0.75)]
    public void ParsesFractionsAndKinds(string text, string kind, double max)
    {
        var rate = RateText.TryParse(text, out var error);
        Assert.Null(error);
        Assert.Equal(kind, rate!.Kind);
        Assert.Equal((decimal)max, rate.Max);
    }

    [Fact]
    public void ParsesFixedAmountWithoutAFraction()
    {
        var rate = RateText.TryParse("定額", out _);
        Assert.Equal("fixed", rate!.Kind);
        Assert.Null(rate.Max);
    }

    [Theory]
    [InlineData("3/2")]
    [InlineData("1/0")]
    [InlineData("半分くらい")]
    [InlineData("1/2（ただし要相談）")]
    [InlineData("")]
    public void RejectsRatesThatAreNotRates(string text)
    {
        Assert.Null(RateText.TryParse(text, out var error));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("最長5か年度", 5)]
    [InlineData("3年間", 3)]
    [InlineData("最長５年", 5)]
    public void ReadsDurationsInYears(string text, int years) => Assert.Equal(years, Duration.ParseYears(text));
}
