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

/// <summary>Values found inside running text (a quote), as the evidence support check reads them.</summary>
public class ValuesInTextTests
{
    [Theory]
    [InlineData("補助率 1/2", 0.5)]
    [InlineData("補助率 ２分の１", 0.5)]
    [InlineData("補助率は2分の1以内", 0.5)]
    [InlineData("補助率:1/2以内", 0.5)]
    [InlineData("補助率 10/10", 1.0)]
    [InlineData("補助率 50%", 0.5)]
    public void FindsRatesInEveryNotation(string text, double fraction) => Assert.Contains((decimal)fraction, RateText.Find(text).Fractions);

    [Fact]
    public void DatesAreNotRatesAndFixedAmountsAreFound()
    {
        Assert.Empty(RateText.Find("令和6年4月5日 2024/4/5").Fractions);
        Assert.True(RateText.Find("補助率 定額（上限あり）").FixedAmount);
        Assert.False(RateText.Find("補助率 1/2").FixedAmount);
    }

    [Theory]
    [InlineData("予算額 11,200 千円", 11_200_000L)]
    [InlineData("上限 ３億円", 300_000_000L)]
    [InlineData("上限 30,000万円", 300_000_000L)]
    [InlineData("20,000百万円の内数", 20_000_000_000L)]
    [InlineData("最大1億5,000万円まで", 150_000_000L)]
    [InlineData("R6 10,000千円", 10_000_000L)]
    public void FindsAmountsInEveryNotation(string text, long yen) => Assert.Contains(yen, Money.FindAll(text));

    [Fact]
    public void ANumberBeforeASpaceIsNotPartOfTheNextAmount() =>
        Assert.Equal([10_000_000L], Money.FindAll("R6 10,000千円"));

    [Theory]
    [InlineData("令和6年4月5日", 2024, 4, 5, null)]
    [InlineData("令和６年４月５日（金）", 2024, 4, 5, null)]
    [InlineData("2024年4月5日 12:00", 2024, 4, 5, "12:00")]
    [InlineData("R6.4.5 正午", 2024, 4, 5, "12:00")]
    [InlineData("2024/4/5(金)17時", 2024, 4, 5, "17:00")]
    [InlineData("令和6年4月5日 午後5時30分", 2024, 4, 5, "17:30")]
    public void FindsDatesAndTheTimeWrittenAfterThem(string text, int y, int m, int d, string? time)
    {
        var found = Assert.Single(Wareki.FindDates(text));
        Assert.Equal(new DateOnly(y, m, d), found.Date);
        Assert.Equal(time is null ? null : TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), found.Time);
    }

    [Fact]
    public void ADateWithoutItsYearTakesItFromTheDateOr年度BeforeIt()
    {
        Assert.Equal([new DateOnly(2024, 4, 5), new DateOnly(2024, 5, 10)],
            Wareki.FindDates("令和6年4月5日（金）～同年5月10日（金）正午").Select(d => d.Date));
        Assert.Equal(new DateOnly(2020, 7, 31), Wareki.FindDates("令和２年５月２９日（金）～７月 31日（金）")[1].Date);
        Assert.Equal(new DateOnly(2025, 2, 6), Wareki.FindDates("令和7年2月3日(月)から同月6日(木)まで")[1].Date);
        Assert.Equal(new DateOnly(2023, 8, 29), Wareki.FindDates("令和5年8月18日から29日まで")[1].Date);
        Assert.Equal(new DateOnly(2022, 9, 21), Wareki.FindDates("2022年9月7日 企画競争を開始(~9/21)")[1].Date);
        Assert.Equal(new DateOnly(2025, 1, 15), Wareki.FindDates("令和6年度 公募期間 12月1日～1月15日")[1].Date);
        // Without a year before it, 5月10日 is no date.
        Assert.Empty(Wareki.FindDates("締切は5月10日"));
        Assert.Empty(Wareki.FindDates("第一次締切:同年5月24日(金)12:00(必着)まで"));
    }

    [Theory]
    [InlineData("令和6年度", 2024)]
    [InlineData("R6補正", 2024)]
    [InlineData("R6年度", 2024)]
    [InlineData("2024年度", 2024)]
    [InlineData("令和6年", 2024)]
    [InlineData("令和元年度選定", 2019)]
    [InlineData("H30年度に14事業", 2018)]
    [InlineData("令和２年度から", 2020)]
    [InlineData("令和7年2月3日（月）", 2024)]
    public void Finds年度InEveryNotation(string text, int year) => Assert.Contains(year, Wareki.FindFiscalYears(text));

    [Fact]
    public void A年度RangeNamesEveryYearBetween()
    {
        Assert.Equal([2020, 2021, 2022], Wareki.FindFiscalYears("令和2～4年度").Order());
        Assert.Equal([2018, 2019, 2020], Wareki.FindFiscalYears("平成30年度から令和2年度まで").Order());
        Assert.DoesNotContain(2024, Wareki.FindFiscalYears("令和6年1月15日")); // in 令和5年度
    }

    [Theory]
    [InlineData("8件を採択", 8)]
    [InlineData("14事業を選定", 14)]
    [InlineData("１９件", 19)]
    [InlineData("60組の各伴走支援チーム", 60)]
    [InlineData("7コンソーシアムが選定され", 7)]
    public void FindsCountsWithTheirCounterWord(string text, int count) => Assert.Contains(count, CountText.FindAll(text));

    [Fact]
    public void ABareNumberIsNoCount() => Assert.Empty(CountText.FindAll("令和3年度 19"));
}
