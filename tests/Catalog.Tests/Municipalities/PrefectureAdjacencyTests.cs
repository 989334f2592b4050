using System.Text.Json;
using Catalog.Core.Municipalities;
using Catalog.Core.Programs;

namespace Catalog.Tests.Municipalities;

/// <summary>The prefecture adjacency table: complete, symmetric, and right where it can be checked by eye.</summary>
public class PrefectureAdjacencyTests
{
    [Fact]
    public void TheTableHasAllFortySevenPrefecturesFrom01To47()
    {
        var expected = Enumerable.Range(1, 47).Select(i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, PrefectureAdjacency.Prefectures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AdjacencyIsSymmetricAndNoPrefectureIsItsOwnNeighbour()
    {
        foreach (var a in PrefectureAdjacency.Prefectures)
        {
            Assert.DoesNotContain(a, PrefectureAdjacency.Of(a));
            foreach (var b in PrefectureAdjacency.Of(a))
            {
                Assert.Contains(b, PrefectureAdjacency.Prefectures);
                Assert.True(PrefectureAdjacency.AreAdjacent(b, a), $"{a} lists {b} but {b} does not list {a}");
            }
        }
    }

    [Theory]
    [InlineData("13", "14")] // 東京都–神奈川県
    [InlineData("17", "16")] // 石川県–富山県
    [InlineData("17", "18")] // 石川県–福井県
    [InlineData("17", "21")] // 石川県–岐阜県
    [InlineData("12", "13")] // 千葉県–東京都, along the 江戸川
    [InlineData("31", "34")] // 鳥取県–広島県
    [InlineData("11", "20")] // 埼玉県–長野県
    [InlineData("24", "26")] // 三重県–京都府
    public void PrefecturesSharingALandBorderAreAdjacent(string a, string b) => Assert.True(PrefectureAdjacency.AreAdjacent(a, b));

    [Theory]
    [InlineData("13", "27")] // 東京都–大阪府
    [InlineData("17", "15")] // 石川県–新潟県: 富山県 lies between
    [InlineData("42", "43")] // 長崎県–熊本県: 島原湾, ferry only
    [InlineData("38", "44")] // 愛媛県–大分県: 豊予海峡, ferry only
    [InlineData("46", "47")] // 鹿児島県–沖縄県
    [InlineData("30", "36")] // 和歌山県–徳島県: 紀伊水道, ferry only
    public void PrefecturesWithoutABorderOrFixedLinkAreNotAdjacent(string a, string b) => Assert.False(PrefectureAdjacency.AreAdjacent(a, b));

    [Theory]
    [InlineData("01", "02")] // 北海道–青森県, 青函トンネル
    [InlineData("12", "14")] // 千葉県–神奈川県, 東京湾アクアライン
    [InlineData("28", "36")] // 兵庫県–徳島県, 大鳴門橋
    [InlineData("33", "37")] // 岡山県–香川県, 瀬戸大橋
    [InlineData("34", "38")] // 広島県–愛媛県, しまなみ海道
    [InlineData("35", "40")] // 山口県–福岡県, 関門橋
    public void PrefecturesJoinedByABridgeOrTunnelAreAdjacent(string a, string b)
    {
        Assert.True(PrefectureAdjacency.AreAdjacent(a, b));
        Assert.Contains(PrefectureAdjacency.FixedLinks, l => (l.A, l.B) == (a, b));
    }

    [Fact]
    public void SomeNeighbourhoodsAreExactlyAsOnTheMap()
    {
        Assert.Equal(["16", "18", "21"], PrefectureAdjacency.Of("17").Order(StringComparer.Ordinal)); // 石川県
        Assert.Equal(["10", "11", "15", "16", "19", "21", "22", "23"], PrefectureAdjacency.Of("20").Order(StringComparer.Ordinal)); // 長野県, eight
        Assert.Equal(["02"], PrefectureAdjacency.Of("01")); // 北海道, by the 青函トンネル only
        Assert.Empty(PrefectureAdjacency.Of("47")); // 沖縄県
        Assert.Empty(PrefectureAdjacency.Of("99"));
    }

    [Fact]
    public void TheSeedMastersPrefecturesAreTheTablesAndEveryMunicipalityCodeStartsWithItsPrefectures()
    {
        // Peers compare the first two digits of codes: that only works if the master keeps to it.
        var master = JsonSerializer.Deserialize<MunicipalMaster>(File.ReadAllText(MunicipalityFixtures.MasterPath), ProgramJson.Strict)!;
        var prefectures = master.Municipalities.Where(e => e.Kind == MunicipalClasses.Prefecture).ToList();
        Assert.Equal(PrefectureAdjacency.Prefectures.Order(StringComparer.Ordinal), prefectures.Select(p => PrefectureAdjacency.PrefectureOf(p.Code)).Order(StringComparer.Ordinal));
        Assert.All(master.Municipalities.Where(e => e.Prefecture is not null),
            e => Assert.Equal(PrefectureAdjacency.PrefectureOf(e.Prefecture!), PrefectureAdjacency.PrefectureOf(e.Code)));
    }
}
