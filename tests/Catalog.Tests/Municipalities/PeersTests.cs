using Catalog.Core.Municipalities;
using Catalog.Core.Programs;

namespace Catalog.Tests.Municipalities;

/// <summary>The 「近隣・同規模」 rule on its own: a small master, adoptions written here.</summary>
public class PeersTests
{
    private const string Ishikawa = "170003", Toyama = "160008", Tokyo = "130001";
    private const string Wajima = "172049", Kaga = "172065", Kanazawa = "172014", Tsubata = "173614"; // 石川県
    private const string Takaoka = "162027", ToyamaCity = "162019";                                     // 富山県
    private const string Eiheiji = "183229";                                                              // 福井県
    private const string Niigata = "151009", Nagaoka = "152021";                                          // 新潟県
    private const string Tottori = "312011";                                                              // 鳥取県
    private const string Kurashiki = "332020", Takamatsu = "372013";                                      // 岡山県, 香川県

    private static MunicipalityDirectory Directory(string townBasis = "kind") => new(new MunicipalMaster
    {
        Master = new MasterSource { Source = "test master" },
        Classes =
        [
            new() { Class = "都道府県", Basis = "kind", Source = "test", AsOf = "2024-01-01" },
            new() { Class = "市区町村", Basis = "kind", Source = "test", AsOf = "2024-01-01" },
            new() { Class = "市", Basis = "kind", Source = "test", AsOf = "2024-01-01" },
            townBasis == "kind"
                ? new() { Class = "町", Basis = "kind", Source = "test", AsOf = "2024-01-01" }
                : new() { Class = "町", Basis = "unknown", Note = "町の一覧なし" },
            new() { Class = "村", Basis = "kind", Source = "test", AsOf = "2024-01-01" },
            new() { Class = "特別区", Basis = "kind", Source = "test", AsOf = "2024-01-01" },
            new() { Class = "政令指定都市", Basis = "members", Source = "test list", AsOf = "2024-01-01", Members = [Niigata] },
            new() { Class = "中核市", Basis = "members", Source = "test list", AsOf = "2024-01-01", Members = [Kanazawa, ToyamaCity] },
            new() { Class = "中枢中核都市", Basis = "unknown", Note = "一覧なし" },
        ],
        Municipalities =
        [
            new() { Code = Tokyo, Name = "東京都", Kana = "とうきょうと", Kind = "都道府県" },
            new() { Code = "150002", Name = "新潟県", Kana = "にいがたけん", Kind = "都道府県" },
            new() { Code = Niigata, Name = "新潟市", Kana = "にいがたし", Kind = "市", Prefecture = "150002" },
            new() { Code = Nagaoka, Name = "長岡市", Kana = "ながおかし", Kind = "市", Prefecture = "150002" },
            new() { Code = Toyama, Name = "富山県", Kana = "とやまけん", Kind = "都道府県" },
            new() { Code = ToyamaCity, Name = "富山市", Kana = "とやまし", Kind = "市", Prefecture = Toyama },
            new() { Code = Takaoka, Name = "高岡市", Kana = "たかおかし", Kind = "市", Prefecture = Toyama },
            new() { Code = Ishikawa, Name = "石川県", Kana = "いしかわけん", Kind = "都道府県" },
            new() { Code = Kanazawa, Name = "金沢市", Kana = "かなざわし", Kind = "市", Prefecture = Ishikawa },
            new() { Code = Wajima, Name = "輪島市", Kana = "わじまし", Kind = "市", Prefecture = Ishikawa },
            new() { Code = Kaga, Name = "加賀市", Kana = "かがし", Kind = "市", Prefecture = Ishikawa },
            new() { Code = Tsubata, Name = "津幡町", Kana = "つばたまち", Kind = "町", Prefecture = Ishikawa },
            new() { Code = "180009", Name = "福井県", Kana = "ふくいけん", Kind = "都道府県" },
            new() { Code = Eiheiji, Name = "永平寺町", Kana = "えいへいじちょう", Kind = "町", Prefecture = "180009" },
            new() { Code = "310000", Name = "鳥取県", Kana = "とっとりけん", Kind = "都道府県" },
            new() { Code = Tottori, Name = "鳥取市", Kana = "とっとりし", Kind = "市", Prefecture = "310000" },
            new() { Code = "330001", Name = "岡山県", Kana = "おかやまけん", Kind = "都道府県" },
            new() { Code = Kurashiki, Name = "倉敷市", Kana = "くらしきし", Kind = "市", Prefecture = "330001" },
            new() { Code = "370002", Name = "香川県", Kana = "かがわけん", Kind = "都道府県" },
            new() { Code = Takamatsu, Name = "高松市", Kana = "たかまつし", Kind = "市", Prefecture = "370002" },
        ],
    });

    private static AdoptionRow Adopted(string programId, int? year, params string[] codes) =>
        new(programId, $"制度{programId}", programId, new Adoption { ProgramId = programId, FiscalYear = year, Municipality = "", LgCodes = [.. codes] });

    private static IReadOnlyList<Peer> PeersOf(string code, MunicipalityDirectory d, params AdoptionRow[] adoptions) =>
        Peers.Of(d.Find(code)!, d, adoptions);

    private static string[] Codes(IEnumerable<Peer> peers) => peers.Select(p => p.Municipality.Code).ToArray();

    [Fact]
    public void APeerIsNearAndOfTheSameClassAndTheReasonSaysBoth()
    {
        var peers = PeersOf(Wajima, Directory(),
            Adopted("p", 2021, Wajima, Kaga, Takaoka, Tottori, Eiheiji, Kanazawa, Nagaoka, Ishikawa));

        // 加賀市 (same prefecture, 市) and 高岡市 (富山県 is adjacent, 市); not 鳥取市 (鳥取県 is not adjacent),
        // 永平寺町 (adjacent, but a 町), 金沢市 (same prefecture, but a 中核市), 長岡市 (新潟県 is not adjacent to 石川県),
        // nor the prefecture itself.
        Assert.Equal([Kaga, Takaoka], Codes(peers));
        Assert.Equal(["同じ都道府県（石川県）", "同じ区分（市）"], peers[0].Because);
        Assert.Equal(["隣接県（富山県）", "同じ区分（市）"], peers[1].Because);
        Assert.True(peers[0].SamePrefecture);
        Assert.False(peers[1].SamePrefecture);
    }

    [Fact]
    public void AMunicipalityInANonAdjacentPrefectureIsNoPeerEvenOfTheSameClass()
    {
        var peers = PeersOf(Wajima, Directory(), Adopted("p", 2021, Wajima, Tottori, Nagaoka));
        Assert.Empty(peers);
    }

    [Fact]
    public void AMunicipalityOfAnotherClassIsNoPeerEvenNextDoor()
    {
        // 高岡市 sees 富山市 (a 中核市 in this master) as another class, and the other way round.
        var adoptions = new[] { Adopted("p", 2021, Takaoka, ToyamaCity, Kaga, Kanazawa) };
        Assert.Equal([Kaga], Codes(PeersOf(Takaoka, Directory(), adoptions)));
        Assert.Equal([Kanazawa], Codes(PeersOf(ToyamaCity, Directory(), adoptions)));
        Assert.Equal(["隣接県（石川県）", "同じ区分（中核市）"], PeersOf(ToyamaCity, Directory(), adoptions)[0].Because);
    }

    [Fact]
    public void SameClassReadsTheSameFromBothSides()
    {
        // A 政令指定都市 is also a 市, but it is not of the plain 市's class: neither lists the other.
        var adoptions = new[] { Adopted("p", 2021, Niigata, Nagaoka, Takaoka) };
        Assert.Equal([Takaoka], Codes(PeersOf(Nagaoka, Directory(), adoptions)));
        Assert.Equal([Nagaoka], Codes(PeersOf(Takaoka, Directory(), adoptions)));
        Assert.Empty(PeersOf(Niigata, Directory(), adoptions));
    }

    [Fact]
    public void AClassTheMasterLeavesUnknownConfirmsNoPeer()
    {
        // With no list of 町, 津幡町 and 永平寺町 cannot be confirmed as the same class: no guess.
        var adoptions = new[] { Adopted("p", 2021, Tsubata, Eiheiji) };
        Assert.Equal([Eiheiji], Codes(PeersOf(Tsubata, Directory(), adoptions)));
        Assert.Empty(PeersOf(Tsubata, Directory(townBasis: "unknown"), adoptions));
    }

    [Fact]
    public void AProgramAppearsOncePerPeerWithEveryYearItWasAdoptedInAscending()
    {
        var peers = PeersOf(Wajima, Directory(),
            Adopted("p", 2021, Wajima),
            Adopted("p", 2023, Kaga),
            Adopted("p", 2021, Kaga),
            Adopted("p", null, Kaga),
            Adopted("p", 2021, Kaga, Kaga),
            Adopted("q", 2022, Wajima),
            Adopted("q", null, Kaga),
            Adopted("other", 2020, Kaga)); // 輪島市 was not adopted by it

        var kaga = Assert.Single(peers);
        Assert.Equal(["p", "q"], kaga.Programs.Select(p => p.ProgramId));
        Assert.Equal([2021, 2023], kaga.Programs[0].FiscalYears);
        Assert.Empty(kaga.Programs[1].FiscalYears); // adopted, year not recorded
        Assert.Equal("制度p", kaga.Programs[0].ProgramName);
    }

    [Fact]
    public void APrefecturesPeersAreTheAdjacentPrefecturesAdoptedByTheSamePrograms()
    {
        var peers = PeersOf(Ishikawa, Directory(), Adopted("p", 2021, Ishikawa, Toyama, Tokyo, Kanazawa, Takaoka));
        var toyama = Assert.Single(peers);
        Assert.Equal(Toyama, toyama.Municipality.Code);
        Assert.Equal(["隣接県（富山県）", "同じ区分（都道府県）"], toyama.Because);
    }

    [Fact]
    public void PrefecturesJoinedByABridgeAreNear()
    {
        // 倉敷市 (岡山県) and 高松市 (香川県) are joined by the 瀬戸大橋.
        var peers = PeersOf(Kurashiki, Directory(), Adopted("p", 2024, Kurashiki, Takamatsu));
        Assert.Equal(["隣接県（香川県）", "同じ区分（市）"], Assert.Single(peers).Because);
    }

    [Fact]
    public void PeersInTheSamePrefectureComeFirstThenThoseSharingMorePrograms()
    {
        var peers = PeersOf(Wajima, Directory(),
            Adopted("p", 2021, Wajima, Takaoka, Kaga),
            Adopted("q", 2022, Wajima, Takaoka));
        Assert.Equal([Kaga, Takaoka], Codes(peers));
        Assert.Equal(2, peers[1].Programs.Count);
    }

    [Fact]
    public void NoAdoptionsNoPeers() => Assert.Empty(PeersOf(Wajima, Directory(), Adopted("p", 2021, Kaga, Takaoka)));
}
