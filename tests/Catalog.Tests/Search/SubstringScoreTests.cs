using Catalog.Core.Search;
using Catalog.Tests.Support;
using static Catalog.Tests.Support.Programs;

namespace Catalog.Tests.Search;

/// <summary>
/// The substring (bigram) clause finds records for recall but does not rank them: a record
/// found only as a substring stays below every record holding the word as a token, however
/// often its characters meet, and a repeated query reuses the clause's cached matches.
/// </summary>
public sealed class SubstringScoreTests
{
    [Fact]
    public async Task ARecordWhereTheCharactersMeetManyTimesStillRanksBelowOneHoldingTheWordOnceInALongText()
    {
        await using var server = await CatalogTestServer.StartAsync();
        // 東京都 is 東京 / 都: 京都 only meets as a bigram, here five times in a short summary;
        // 京都府 holds the word 京都 once, in a long summary.
        var longText = string.Concat(Enumerable.Repeat("地域の事業者が行う実証を支援し、成果を広く共有する。", 12));
        server.Add(
            Make("inside", "合成制度A", summary: "東京都、東京都、東京都、東京都、東京都の事業者を支援する。"),
            Make("whole", "合成制度B", summary: "京都府の事業者を支援する。" + longText));

        var response = server.Index.Search(new SearchRequest { Q = "京都", Highlight = false });
        Assert.Equal(["whole", "inside"], response.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task ARepeatedQueryFindsTheSameRecordsInTheSameOrderAsTheFirst()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(
            Make("a", "合成制度A", summary: "子育てとドローンを組み合わせた取組を推進する。"),
            Make("b", "合成制度B", summary: "ドローンを活用した実証を支援する。"),
            Make("c", "合成制度C", summary: "観光と物流の実証を支援する。"));

        var first = server.Index.Search(new SearchRequest { Q = "ドローン 実証", Highlight = false }).Hits.Select(h => h.Id).ToList();
        var second = server.Index.Search(new SearchRequest { Q = "ドローン 実証", Highlight = false }).Hits.Select(h => h.Id).ToList();
        Assert.Contains("b", first);
        Assert.DoesNotContain("c", first);
        Assert.Equal(first, second);
    }
}
