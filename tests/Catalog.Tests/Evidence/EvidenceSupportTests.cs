using Catalog.Core.Audit;
using Catalog.Core.Programs;
using EvidenceEntry = Catalog.Core.Programs.Evidence;

namespace Catalog.Tests.Evidence;

/// <summary>
/// The support check on its own: a value is stated when a quote covering it says it in some
/// notation, and refused when no covering quote does (unless an entry gives another basis).
/// </summary>
public class EvidenceSupportTests
{
    private const string Doc = "doc.txt";

    // One record whose only checkable value is the one the case sets, with one quote covering it.
    private static ProgramRecord Record(Action<ProgramRecord> set, string field, params string[] quotes)
    {
        var p = new ProgramRecord { Id = "case", Name = "", Sources = [new Source { Document = Doc }] };
        set(p);
        p.Evidence = quotes.Select(q => new EvidenceEntry { Field = field, Document = Doc, Quote = q }).ToList();
        return p;
    }

    private static ValueSupport Only(ProgramRecord p) => Assert.Single(EvidenceSupport.Check(p));

    public static TheoryData<string, string> Rates => new()
    {
        { "1/2", "（令和3年度予算 1,000億円の内数 補助率 1/2）" },
        { "1/2", "補助率 ２分の１" },
        { "1/2", "補助率は2分の1以内" },
        { "1/2以内", "補助率 1/2" },
        { "1/2", "補助率 1/2以内" },
        { "10/10", "補助率 10/10（上限あり）" },
        { "定額", "補助率：定額" },
        { "定額、または2/3", "定額又は2/3以内" },
    };

    [Theory]
    [MemberData(nameof(Rates))]
    public void ARateIsStatedInAnyNotation(string rate, string quote) =>
        Assert.Equal(Backing.Stated, Only(Record(p => p.Rate = new SubsidyRate { Text = rate }, "rate", quote)).Backing);

    public static TheoryData<string, string> Amounts => new()
    {
        { "3.0億円", "交付上限額（国費）は3.0億円" },
        { "3.0億円", "上限 3億円" },
        { "3.0億円", "上限 30,000万円" },
        { "3.0億円", "上限 300,000 千円" },
        { "3.0億円", "上限 ３億円" },
        { "3.0億円", "上限 300百万円" },
        { "1億5,000万円", "一部事務組合 150,000千円" },
        { "上限の定めなし", "上限の定めなし" },
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public void ACapIsStatedInAnyNotation(string cap, string quote) =>
        Assert.Equal(Backing.Stated, Only(Record(p => p.Caps = [new Cap { Text = cap }], "caps[0]", quote)).Backing);

    [Fact]
    public void ABudgetIsStatedByItsAmount() =>
        Assert.Equal(Backing.Stated, Only(Record(p => p.Budget = new Budget { Text = "11,200 千円" }, "budget", "予算額 11,200 千円")).Backing);

    public static TheoryData<string?, string?, string> Windows => new()
    {
        { "2024-04-05", "2024-05-10T12:00:00+09:00", "令和6年4月5日（金）～同年5月10日（金）正午" },
        { "2024-04-05", "2024-05-10T12:00:00+09:00", "2024年4月5日から2024年5月10日 12:00まで" },
        { "2024-04-05", "2024-05-10T12:00:00+09:00", "令和６年４月５日～５月１０日１２時" },
        { "令和6年4月5日", "令和6年5月10日", "公募期間：令和6年4月5日(金)～令和6年5月10日(金)" },
        { "2024-04-05T10:00:00+09:00", "2024-05-10T23:59:59+09:00", "R6.4.5 10:00 ～ R6.5.10" },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void AWindowIsStatedIn和暦Or西暦WithItsTime(string? start, string? end, string quote)
    {
        var p = Record(p => p.Windows = [new ApplicationWindow { Start = start, End = end }], "windows[0]", quote);
        Assert.All(EvidenceSupport.Check(p), v => Assert.Equal(Backing.Stated, v.Backing));
        Assert.Equal(2, EvidenceSupport.Check(p).Count());
    }

    [Theory]
    [InlineData(2024, "令和6年度")]
    [InlineData(2024, "R6補正")]
    [InlineData(2024, "2024年度")]
    [InlineData(2024, "令和6年")]
    [InlineData(2019, "令和元年度選定事業")]
    [InlineData(2021, "令和2～4年度")]
    public void AFiscalYearIsStatedInAnyNotation(int year, string quote) =>
        Assert.Equal(Backing.Stated, Only(Record(p => p.FiscalYears = [year], "fiscalYears[0]", quote)).Backing);

    [Theory]
    [InlineData(8, "※うち、未来技術社会実装事業選定事業 8件")]
    [InlineData(14, "H30年度に14事業を選定")]
    [InlineData(19, "１９件を採択")]
    public void ACountIsStatedWithItsCounter(int count, string quote) =>
        Assert.Equal(Backing.Stated, Only(Record(p => p.Selections = [new SelectionCount { FiscalYear = 2021, Count = count }], "selections[0]", quote)).Backing);

    [Fact]
    public void ANameAndAnAliasAreStatedWhenAQuoteContainsThem()
    {
        var p = Record(p => { p.Name = "地方創生推進交付金（Society5.0タイプ）"; p.Aliases = ["Society5.0タイプ"]; }, "name",
            "地方創生推進交付金（Society5.0 タイプ）の概要");
        p.Evidence.Add(new EvidenceEntry { Field = "aliases[0]", Document = Doc, Quote = "地方創生推進交付金に「Society5.0タイプ」を創設" });
        Assert.All(EvidenceSupport.Check(p), v => Assert.Equal(Backing.Stated, v.Backing));
    }

    /// <summary>Each kind: a value, the quote that covers it, and what the message must name.</summary>
    public static TheoryData<string, string> Unsupported => new()
    {
        { "rate", "the rate 2/3 is not stated by its quote: evidence[0] 「補助率 1/2」 (doc.txt)" },
        { "money", "the amount 4.0億円 is not stated by its quote: evidence[0] 「交付上限額（国費）は3.0億円」 (doc.txt)" },
        { "date", "the date 2024-05-11 is not stated by its quote: evidence[0] 「令和6年4月5日～同年5月10日」 (doc.txt)" },
        { "time", "the date 2024-05-10 is not stated by its quote: evidence[0] 「令和6年5月10日（金）正午」 (doc.txt)" },
        { "fiscal year", "the fiscal year 2025 (令和7年度) is not stated by its quote: evidence[0] 「令和6年度予算」 (doc.txt)" },
        { "count", "the count 9 is not stated by its quote: evidence[0] 「令和3年度は8件を採択」 (doc.txt)" },
        { "name", "the name スマートシティ推進事業 is not stated by its quote: evidence[0] 「スマートシティモデル事業」 (doc.txt)" },
    };

    private static ProgramRecord UnsupportedCase(string kind) => kind switch
    {
        "rate" => Record(p => p.Rate = new SubsidyRate { Text = "2/3" }, "rate", "補助率 1/2"),
        "money" => Record(p => p.Caps = [new Cap { Text = "4.0億円" }], "caps[0]", "交付上限額（国費）は3.0億円"),
        "date" => Record(p => p.Windows = [new ApplicationWindow { End = "2024-05-11" }], "windows[0].end", "令和6年4月5日～同年5月10日"),
        // The quote closes at noon; a date alone would mean the end of that day.
        "time" => Record(p => p.Windows = [new ApplicationWindow { End = "2024-05-10" }], "windows[0].end", "令和6年5月10日（金）正午"),
        "fiscal year" => Record(p => p.FiscalYears = [2025], "fiscalYears[0]", "令和6年度予算"),
        "count" => Record(p => p.Selections = [new SelectionCount { FiscalYear = 2021, Count = 9 }], "selections[0].count", "令和3年度は8件を採択"),
        _ => Record(p => p.Name = "スマートシティ推進事業", "name", "スマートシティモデル事業"),
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void AValueItsQuoteDoesNotStateIsUnsupportedAndTheMessageNamesValueAndQuote(string kind, string message)
    {
        var v = Only(UnsupportedCase(kind));
        Assert.Equal(Backing.Unsupported, v.Backing);
        Assert.True(v.IsRefused);
        Assert.StartsWith(message, v.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherBasisBesideTheQuoteIsEnough()
    {
        var p = UnsupportedCase("rate");
        p.Evidence.Add(new EvidenceEntry { Field = "rate", Basis = EvidenceEntry.GeneralKnowledge, Reason = "理由" });
        Assert.Equal(Backing.OtherBasis, Only(p).Backing);
        Assert.False(Only(p).IsRefused);
    }

    [Fact]
    public void OneOfSeveralQuotesStatingTheValueIsEnough()
    {
        var p = UnsupportedCase("rate");
        p.Evidence.Add(new EvidenceEntry { Field = "rate.text", Document = Doc, Quote = "補助率 2/3以内" });
        Assert.Equal(Backing.Stated, Only(p).Backing);
    }

    [Fact]
    public void AnAliasNoQuoteCoversIsRefusedAndAnAdoptionRowIsChecked()
    {
        var p = Record(p => { p.Name = "A"; p.Aliases = ["B"]; }, "name", "A");
        var alias = EvidenceSupport.Check(p).Single(v => v.Path == "aliases[0]");
        Assert.True(alias.IsRefused);
        Assert.Contains("is not stated by any quote", alias.Message(), StringComparison.Ordinal);

        var row = new Adoption
        {
            FiscalYear = 2019, Prefecture = "秋田県", Municipality = "仙北市",
            Evidence = [new EvidenceEntry { Field = "municipality", Document = Doc, Quote = "1 秋田県仙北市" }, new EvidenceEntry { Field = "fiscalYear", Document = Doc, Quote = "令和2年度選定事業" }],
        };
        var checkedRow = EvidenceSupport.Check(row).ToDictionary(v => v.Path);
        Assert.Equal(Backing.Stated, checkedRow["municipality"].Backing);
        Assert.Equal(Backing.Unsupported, checkedRow["fiscalYear"].Backing);
        Assert.Equal(Backing.Unsupported, checkedRow["prefecture"].Backing);
        Assert.False(checkedRow["prefecture"].IsRefused); // no evidence at all: the evidence check reports it
    }
}
