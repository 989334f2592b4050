using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Tests.Support;
using static Catalog.Tests.Support.Programs;

namespace Catalog.Tests.Search;

/// <summary>
/// Recall over a generated catalogue: a word planted in any context is found by a query for the
/// word, however the morphological lattice happens to segment it there (「、ドローンと」 gives
/// ド / ローン while the query ドローン is one token).
/// </summary>
public sealed class SubstringRecallTests
{
    // Katakana the dictionary does not know, kanji compounds, Latin, digits and mixed scripts.
    private static readonly string[] Words =
    [
        "ドローン", "キャッシュレス", "テレワーク", "ワーケーション", "メタバース", "オンデマンド", "サテライトオフィス",
        "グリーンスローモビリティ", "シェアサイクル", "スマート農業", "自動運転", "見守り", "遠隔医療", "地域交通",
        "AI", "MaaS", "IoT", "DX", "2030", "5G", "GIGAスクール", "ローカル5G", "3D都市モデル", "eスポーツ",
    ];

    // Fillers share no substring with any planted word.
    private static readonly string[] Fillers = ["子育て", "観光", "物流", "教育", "エネルギー", "商店街", "林業", "図書館"];

    // {0} the planted word; {1} and {2} fillers.
    private static readonly string[] Contexts =
    [
        "地域課題の解決に向け、{0}と{1}を組み合わせた取組を推進する。",
        "{1}と{0}を活用した実証を支援する。",
        "「{0}」の導入に要する経費を補助する。",
        "{0}サービスの立ち上げを伴走支援する。",
        "{1}・{0}・{2}の各分野で計画を策定する。",
        "対象は{1}、{0}、{2}に関する事業である。",
        "住民向けの{0}活用を進める市町村を支援する。",
        "{0}の社会実装を目指す。",
    ];

    private static List<ProgramRecord> Generate(out Dictionary<string, List<string>> planted)
    {
        var random = new Random(20_261_123);
        string Filler() => Fillers[random.Next(Fillers.Length)];
        var records = new List<ProgramRecord>();
        planted = Words.ToDictionary(w => w, _ => new List<string>());
        var n = 0;
        foreach (var word in Words)
        {
            foreach (var context in Contexts)
            {
                var id = $"recall-{++n:D4}";
                // A filler sentence before and after moves the planted word within the lattice's context.
                var summary = $"{Filler()}の振興を図る。" + string.Format(context, word, Filler(), Filler()) + $"{Filler()}との連携も行う。";
                records.Add(Make(id, $"合成制度{n}", summary: summary));
                planted[word].Add(id);
            }
        }
        // Records holding none of the words, so a query that matched everything would be caught below.
        for (var i = 0; i < 60; i++)
        {
            var id = $"recall-{++n:D4}";
            records.Add(Make(id, $"合成制度{n}", summary: $"{Filler()}と{Filler()}を組み合わせた取組を推進する。"));
        }
        return records;
    }

    [Fact]
    public async Task EveryRecordAWordWasPlantedInIsFoundByAQueryForTheWord()
    {
        await using var server = await CatalogTestServer.StartAsync();
        var records = Generate(out var planted);
        server.Add([.. records]);

        var missed = new List<string>();
        var stray = new List<string>();
        var noise = records.Where(r => !planted.Values.Any(ids => ids.Contains(r.Id))).Select(r => r.Id).ToHashSet();
        foreach (var word in Words)
        {
            var response = server.Index.Search(new SearchRequest { Q = word, PageSize = records.Count, Highlight = false });
            var found = response.Hits.Select(h => h.Id).ToHashSet();
            Assert.False(response.Relaxed);
            foreach (var id in planted[word].Where(id => !found.Contains(id)))
                missed.Add($"q={word} missed {id}: {records.Single(r => r.Id == id).Summary}");
            // Substring matching is not match-anything: records of fillers only stay out.
            stray.AddRange(found.Intersect(noise).Select(id => $"q={word} found {id}"));
        }
        Assert.True(missed.Count == 0, $"{missed.Count} planted records not found:\n" + string.Join("\n", missed));
        Assert.Empty(stray);
    }

    [Fact]
    public async Task ARecordWithTheWholeWordRanksAboveOneWhereItsCharactersOnlyMeetInsideAnotherWord()
    {
        await using var server = await CatalogTestServer.StartAsync();
        // 東京都 is 東京 / 都: 京都 only meets as a bigram; 京都府 holds the word 京都.
        server.Add(
            Make("inside", "合成制度A", summary: "東京都の事業者が行う実証を支援する。"),
            Make("whole", "合成制度B", summary: "京都府の事業者が行う実証を支援する。"));

        var response = server.Index.Search(new SearchRequest { Q = "京都", Highlight = false });
        Assert.Equal(["whole", "inside"], response.Hits.Select(h => h.Id));
    }
}
