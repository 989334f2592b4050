using System.Globalization;

namespace Catalog.Benchmarks;

/// <summary>Requests besides the search mix: suggest keystrokes and program details.</summary>
internal static class BenchmarkMix
{
    /// <summary>
    /// What a search box sends: kanji and katakana prefixes, hiragana that only a reading matches,
    /// words inside names (no prefix match), and text that matches nothing.
    /// </summary>
    public static readonly string[] Suggest =
    [
        "デ", "デジ", "デジタル田園", "スマート", "すまーと", "こうふきん", "じどう", "自動運転", "ドローン",
        "防災", "まちづ", "観光", "データ連携", "MaaS", "合成", "【合成】", "実証事業", "見守り", "子育て", "ばいおま", "存在しない語句",
    ];

    /// <summary>Searches for the first-requests run: text, facets, filters, sort, paging.</summary>
    public static readonly string[] Search =
    [
        "q=自動運転", "q=データ連携基盤 補助金", "q=スマートシティ 実証&ministry=総務省", "q=こうふきん",
        "q=ドローン -物流&status=受付中", "ministry=総務省&ministry=内閣府", "kind=補助金&status=受付中",
        "rateMin=0.5&capMin=100000000", "q=見守り 子育て&page=3", "", "q=\"地方公共団体を支援\"",
    ];

    /// <summary>The detail of a random synthetic program.</summary>
    public static string Detail(Random random, int count) =>
        "/api/programs/synthetic-" + random.Next(1, count + 1).ToString("D6", CultureInfo.InvariantCulture) + "?asOf=2025-06-01";
}
