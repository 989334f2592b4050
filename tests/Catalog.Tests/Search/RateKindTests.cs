using Catalog.Api.Changes;
using Catalog.Api.Programs;
using Catalog.Core.Notation;
using Catalog.Core.Programs;
using Catalog.Core.Search;

namespace Catalog.Tests.Search;

/// <summary>The rate-kind facet without a server: the derivation rule, the rateKind parameter, and 定額 in the query line.</summary>
public sealed class RateKindTests
{
    private static readonly DateTimeOffset AsOf = new(2024, 5, 10, 12, 0, 0, ProgramStatus.Jst);

    [Theory]
    [InlineData("定額", "定額")]
    [InlineData("1/2", "定率")]
    [InlineData("1/2以内", "定率")]
    [InlineData("10/10", "定率")]
    [InlineData("２分の１", "定率")]
    [InlineData("定額、または2/3", "定額 定率")]
    [InlineData("3/4（1,000万円まで）、2/3（1,000万円超の部分）", "定率")]
    [InlineData("なし", "")]
    public void TheRateKindComesFromTheKindTheImporterDerivesFromTheText(string text, string expected)
    {
        var parsed = RateText.TryParse(text, out var error)!;
        Assert.Null(error);
        var rate = new SubsidyRate { Text = text, Kind = parsed.Kind, Max = parsed.Max };

        Assert.Equal(expected, string.Join(' ', RateKindFacet.Of(rate)));
    }

    [Fact]
    public void AProgramWithoutAStatedRateHasNoRateKind()
    {
        Assert.Empty(RateKindFacet.Of(null));
        Assert.Empty(RateKindFacet.Of(new SubsidyRate { Text = "1/2" })); // not derived yet: nothing is guessed
    }

    [Fact]
    public void EveryRateKindTheImporterDerivesIsCoveredByTheRule()
    {
        // A new kind in the vocabulary must be given a place in the facet (or explicitly none).
        var covered = Vocabulary.RateKinds.ToDictionary(k => k, k => RateKindFacet.Of(new SubsidyRate { Kind = k }).Count);
        Assert.Equal(["fixed", "fraction", "mixed", "tiered"], covered.Where(c => c.Value > 0).Select(c => c.Key).Order().ToList());
        Assert.Equal(0, covered["none"]);
    }

    // ---- the rateKind parameter ----

    private static SearchParameters With(string[]? rateKind, string? q = null) =>
        new(q, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, RateKind: rateKind);

    [Theory]
    [InlineData("全額")]
    [InlineData("fixed")]
    [InlineData("")]
    public void AnUnknownRateKindIsAProblemNamingTheAllowedValues(string value)
    {
        Assert.False(With([value]).TryBuild(indexedMinistries: [], out _, out var problem));

        Assert.Equal(400, problem!.Status);
        Assert.Equal("rateKind", problem.Extensions["parameter"]);
        Assert.Contains("rateKind", problem.Title);
        Assert.Contains($"'{value}'", problem.Detail);
        Assert.EndsWith("定額, 定率", problem.Detail);
    }

    [Fact]
    public void KnownRateKindsBecomeTheRequestOnceEach()
    {
        Assert.True(With([" 定額", "定率", "定額"]).TryBuild(indexedMinistries: [], out var request, out var problem), problem?.Detail);

        Assert.Equal(["定額", "定率"], request.RateKinds);
    }

    [Fact]
    public void WithoutTheParameterNoRateKindIsAsked()
    {
        Assert.True(With(null).TryBuild(indexedMinistries: [], out var request, out _));

        Assert.Empty(request.RateKinds);
    }

    // ---- 定額 in the query line ----

    private static bool NoNames(string word) => false;

    [Theory]
    [InlineData("定額 ドローン", "定額", "ドローン")]
    [InlineData("定額補助 ドローン", "定額補助", "ドローン")]
    [InlineData("ドローン 定額", "定額", "ドローン")]
    [InlineData("補助率 定額 観光", "補助率 定額", "観光")]
    [InlineData("補助率定額 観光", "補助率定額", "観光")]
    [InlineData("観光補助率定額", "補助率定額", "観光")]
    [InlineData("定額", "定額", null)]
    public void FixedAmountWordsSetTheRateKind(string q, string text, string? rest)
    {
        var read = QueryUnderstanding.Interpret(q, AsOf, NoNames);

        var part = Assert.Single(read.Understood);
        Assert.Equal((text, "rateKind", "定額", "補助率: 定額"), (part.Text, part.Filter, part.Value, part.Label));
        Assert.Equal(rest, read.Q);
    }

    [Theory]
    [InlineData("定額 ドローン")]
    [InlineData("定額補助 ドローン")]
    public void FixedAmountStaysTextWhileAProgramNameContainsIt(string q)
    {
        // e.g. a 定額乗り放題 (flat-fare) program, or a program called 定額補助金.
        var read = QueryUnderstanding.Interpret(q, AsOf, word => "地域交通定額乗り放題実証・定額補助事業".Contains(word, StringComparison.Ordinal));

        Assert.Empty(read.Understood);
        Assert.Equal(q, read.Q);
    }

    [Fact]
    public void MarkedByRateTheFixedAmountIsReadEvenWhenANameContainsIt()
    {
        var read = QueryUnderstanding.Interpret("補助率 定額 ドローン", AsOf, word => "定額乗り放題".Contains(word, StringComparison.Ordinal));

        Assert.Equal("rateKind", Assert.Single(read.Understood).Filter);
        Assert.Equal("ドローン", read.Q);
    }

    [Theory]
    [InlineData("\"定額\" ドローン")] // quoted: the words as written
    [InlineData("-定額 ドローン")]    // excluded
    [InlineData("定額 OR ドローン")]  // one of alternatives
    [InlineData("定額制")]            // not the whole word
    [InlineData("定率")]              // not read: only 定額 is asked for in the query line
    public void OtherFormsOfFixedAmountStayText(string q)
    {
        var read = QueryUnderstanding.Interpret(q, AsOf, NoNames);

        Assert.Empty(read.Understood);
        Assert.Equal(q, read.Q);
    }

    [Fact]
    public void TheUnderstoodRateKindJoinsTheRateKindsGivenAsParameters()
    {
        var request = new SearchRequest { Q = "定額 ドローン", RateKinds = ["定率"], AsOf = AsOf };

        var applied = QueryUnderstanding.Apply(request, QueryUnderstanding.Interpret(request.Q, AsOf, NoNames));

        Assert.Equal("ドローン", applied.Q);
        Assert.Equal(["定率", "定額"], applied.RateKinds);
    }

    // ---- the changes feed's in-memory filter (removed programs are in no index) ----

    [Fact]
    public void TheChangesFilterAppliesTheRateKindToARecordInMemory()
    {
        var fixedRate = new ProgramRecord { Id = "a", Name = "a", Rate = new SubsidyRate { Text = "定額", Kind = "fixed" } };
        var noRate = new ProgramRecord { Id = "b", Name = "b" };
        var asks = new SearchRequest { RateKinds = ["定額"], AsOf = AsOf };

        Assert.True(ChangeFilter.Narrows(asks));
        Assert.True(ChangeFilter.Matches(fixedRate, asks));
        Assert.False(ChangeFilter.Matches(noRate, asks));
        Assert.False(ChangeFilter.Matches(fixedRate, asks with { RateKinds = ["定率"] }));
    }
}
