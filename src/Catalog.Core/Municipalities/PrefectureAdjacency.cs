namespace Catalog.Core.Municipalities;

/// <summary>
/// Which prefectures are neighbours, by 2-digit prefecture code (01 北海道 … 47 沖縄県, the first two
/// digits of every 全国地方公共団体コード). Geographic fact written here, not imported.
/// </summary>
/// <remarks>
/// The rule for 「近隣」: two prefectures are adjacent when they share a land border, or when a
/// fixed road or rail link (bridge or tunnel) runs between them — one can drive or take the train
/// across without a ferry. Ferries and flights do not count, so 沖縄県 has no neighbour and
/// 長崎県–熊本県 (島原湾, ferry only) or 愛媛県–大分県 (豊予海峡) are not adjacent. Borders that lie
/// in water but along a river or lake the land meets on both sides (千葉県–東京都 on the 江戸川) are
/// land borders.
/// </remarks>
public static class PrefectureAdjacency
{
    // Each prefecture's land borders, written out in both directions so that a slip shows up as an
    // asymmetry in the tests.
    private static readonly Dictionary<string, string[]> Land = new(StringComparer.Ordinal)
    {
        ["01"] = [],                                            // 北海道
        ["02"] = ["03", "05"],                                  // 青森県: 岩手 秋田
        ["03"] = ["02", "04", "05"],                            // 岩手県: 青森 宮城 秋田
        ["04"] = ["03", "05", "06", "07"],                      // 宮城県: 岩手 秋田 山形 福島
        ["05"] = ["02", "03", "04", "06"],                      // 秋田県: 青森 岩手 宮城 山形
        ["06"] = ["04", "05", "07", "15"],                      // 山形県: 宮城 秋田 福島 新潟
        ["07"] = ["04", "06", "08", "09", "10", "15"],          // 福島県: 宮城 山形 茨城 栃木 群馬 新潟
        ["08"] = ["07", "09", "11", "12"],                      // 茨城県: 福島 栃木 埼玉 千葉
        ["09"] = ["07", "08", "10", "11"],                      // 栃木県: 福島 茨城 群馬 埼玉
        ["10"] = ["07", "09", "11", "15", "20"],                // 群馬県: 福島 栃木 埼玉 新潟 長野
        ["11"] = ["08", "09", "10", "12", "13", "19", "20"],    // 埼玉県: 茨城 栃木 群馬 千葉 東京 山梨 長野
        ["12"] = ["08", "11", "13"],                            // 千葉県: 茨城 埼玉 東京
        ["13"] = ["11", "12", "14", "19"],                      // 東京都: 埼玉 千葉 神奈川 山梨
        ["14"] = ["13", "19", "22"],                            // 神奈川県: 東京 山梨 静岡
        ["15"] = ["06", "07", "10", "16", "20"],                // 新潟県: 山形 福島 群馬 富山 長野
        ["16"] = ["15", "17", "20", "21"],                      // 富山県: 新潟 石川 長野 岐阜
        ["17"] = ["16", "18", "21"],                            // 石川県: 富山 福井 岐阜
        ["18"] = ["17", "21", "25", "26"],                      // 福井県: 石川 岐阜 滋賀 京都
        ["19"] = ["11", "13", "14", "20", "22"],                // 山梨県: 埼玉 東京 神奈川 長野 静岡
        ["20"] = ["10", "11", "15", "16", "19", "21", "22", "23"], // 長野県: 群馬 埼玉 新潟 富山 山梨 岐阜 静岡 愛知
        ["21"] = ["16", "17", "18", "20", "23", "24", "25"],    // 岐阜県: 富山 石川 福井 長野 愛知 三重 滋賀
        ["22"] = ["14", "19", "20", "23"],                      // 静岡県: 神奈川 山梨 長野 愛知
        ["23"] = ["20", "21", "22", "24"],                      // 愛知県: 長野 岐阜 静岡 三重
        ["24"] = ["21", "23", "25", "26", "29", "30"],          // 三重県: 岐阜 愛知 滋賀 京都 奈良 和歌山
        ["25"] = ["18", "21", "24", "26"],                      // 滋賀県: 福井 岐阜 三重 京都
        ["26"] = ["18", "24", "25", "27", "28", "29"],          // 京都府: 福井 三重 滋賀 大阪 兵庫 奈良
        ["27"] = ["26", "28", "29", "30"],                      // 大阪府: 京都 兵庫 奈良 和歌山
        ["28"] = ["26", "27", "31", "33"],                      // 兵庫県: 京都 大阪 鳥取 岡山
        ["29"] = ["24", "26", "27", "30"],                      // 奈良県: 三重 京都 大阪 和歌山
        ["30"] = ["24", "27", "29"],                            // 和歌山県: 三重 大阪 奈良
        ["31"] = ["28", "32", "33", "34"],                      // 鳥取県: 兵庫 島根 岡山 広島
        ["32"] = ["31", "34", "35"],                            // 島根県: 鳥取 広島 山口
        ["33"] = ["28", "31", "34"],                            // 岡山県: 兵庫 鳥取 広島
        ["34"] = ["31", "32", "33", "35"],                      // 広島県: 鳥取 島根 岡山 山口
        ["35"] = ["32", "34"],                                  // 山口県: 島根 広島
        ["36"] = ["37", "38", "39"],                            // 徳島県: 香川 愛媛 高知
        ["37"] = ["36", "38"],                                  // 香川県: 徳島 愛媛
        ["38"] = ["36", "37", "39"],                            // 愛媛県: 徳島 香川 高知
        ["39"] = ["36", "38"],                                  // 高知県: 徳島 愛媛
        ["40"] = ["41", "43", "44"],                            // 福岡県: 佐賀 熊本 大分
        ["41"] = ["40", "42"],                                  // 佐賀県: 福岡 長崎
        ["42"] = ["41"],                                        // 長崎県: 佐賀
        ["43"] = ["40", "44", "45", "46"],                      // 熊本県: 福岡 大分 宮崎 鹿児島
        ["44"] = ["40", "43", "45"],                            // 大分県: 福岡 熊本 宮崎
        ["45"] = ["43", "44", "46"],                            // 宮崎県: 熊本 大分 鹿児島
        ["46"] = ["43", "45"],                                  // 鹿児島県: 熊本 宮崎
        ["47"] = [],                                            // 沖縄県
    };

    /// <summary>Prefectures without a land border between them but joined by a bridge or tunnel that carries roads or railways.</summary>
    public static readonly IReadOnlyList<(string A, string B, string Via)> FixedLinks =
    [
        ("01", "02", "青函トンネル"),
        ("12", "14", "東京湾アクアライン"),
        ("28", "36", "大鳴門橋（淡路島経由）"),
        ("33", "37", "瀬戸大橋"),
        ("34", "38", "しまなみ海道"),
        ("35", "40", "関門橋・関門トンネル"),
    ];

    private static readonly Dictionary<string, HashSet<string>> Neighbours = Build();

    private static Dictionary<string, HashSet<string>> Build()
    {
        var all = Land.ToDictionary(e => e.Key, e => e.Value.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (a, b, _) in FixedLinks)
        {
            all[a].Add(b);
            all[b].Add(a);
        }
        return all;
    }

    /// <summary>The 47 prefecture codes, 01 to 47.</summary>
    public static IReadOnlyCollection<string> Prefectures => Neighbours.Keys;

    /// <summary>The prefectures adjacent to <paramref name="prefecture"/> (2 digits); none for an unknown code.</summary>
    public static IReadOnlySet<string> Of(string prefecture) =>
        Neighbours.TryGetValue(prefecture, out var set) ? set : EmptySet;

    /// <summary>Whether two different prefectures (2 digits) are adjacent.</summary>
    public static bool AreAdjacent(string a, string b) => Of(a).Contains(b);

    /// <summary>The 2-digit prefecture code of any 全国地方公共団体コード (prefecture or municipality).</summary>
    public static string PrefectureOf(string lgCode) => lgCode[..2];

    private static readonly HashSet<string> EmptySet = [];
}
