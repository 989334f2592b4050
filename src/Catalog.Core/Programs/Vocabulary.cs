namespace Catalog.Core.Programs;

/// <summary>
/// The closed vocabularies a record is validated against. Adding a value is a data change
/// (and an additive schema change); renaming one is not allowed.
/// </summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<string> Levels = ["national", "prefectural", "municipal", "private"];

    /// <summary>What staff read for each level (実施主体の区分); the API and the UI both take it from here.</summary>
    public static readonly IReadOnlyDictionary<string, string> LevelLabels = new Dictionary<string, string>
    {
        ["national"] = "国",
        ["prefectural"] = "都道府県",
        ["municipal"] = "市区町村",
        ["private"] = "民間・団体",
    };

    /// <summary>The label of a level; a value outside the vocabulary shows as written.</summary>
    public static string LevelLabel(string level) => LevelLabels.GetValueOrDefault(level, level);

    /// <summary>Ministries (所管府省) a national program may name, normalised to their short official names.</summary>
    public static readonly IReadOnlyList<string> Ministries =
    [
        "内閣府", "内閣官房", "総務省", "国土交通省", "経済産業省", "デジタル庁", "文部科学省",
        "厚生労働省", "農林水産省", "環境省", "警察庁", "復興庁",
    ];

    public static readonly IReadOnlyList<string> Kinds =
    [
        "交付金", "補助金", "委託", "伴走支援・計画策定支援", "アドバイザー派遣", "実証支援",
        "税制", "情報提供・マッチング", "表彰・認定",
    ];

    public static readonly IReadOnlyList<string> Fields =
    [
        "スマートシティ", "MaaS", "自動運転", "ドローン", "AI", "IoT", "データ連携基盤", "オープンデータ",
        "医療", "健康", "福祉", "教育", "防災", "交通", "観光", "農業", "エネルギー", "環境",
        "行政DX", "人材育成", "地方創生", "地域活性化", "ロボット", "5G", "ヘルスケア", "子育て",
        "産業振興", "まちづくり", "キャッシュレス", "物流", "見守り", "情報発信",
    ];

    /// <summary>Applicant classes (申請主体). See <see cref="ApplicantParents"/> for nesting.</summary>
    public static readonly IReadOnlyList<string> Applicants =
    [
        "地方公共団体", "都道府県", "市区町村", "中枢中核都市", "中核市", "一部事務組合・広域連合",
        "民間事業者", "コンソーシアム", "大学・研究機関", "NPO・団体", "個人",
    ];

    /// <summary>
    /// Applicant classes nest: a program open to 市区町村 is open to a 中枢中核都市, and one open to
    /// 地方公共団体 is open to every kind of local government. Child → parent.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ApplicantParents = new Dictionary<string, string>
    {
        ["都道府県"] = "地方公共団体",
        ["市区町村"] = "地方公共団体",
        ["一部事務組合・広域連合"] = "地方公共団体",
        ["中枢中核都市"] = "市区町村",
        // 中核市 (地方自治法第252条の22) and 中枢中核都市 (named by the government in 2018) are different lists; a city may be both.
        ["中核市"] = "市区町村",
    };

    public static readonly IReadOnlyList<string> CapPeriods = ["year", "project", "total"];

    public static readonly IReadOnlyList<string> RateKinds = ["fraction", "fixed", "mixed", "tiered", "none"];

    /// <summary>Application status, derived from the windows and a reference date; never stored.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["予告", "受付中", "締切", "通年", "終了"];

    /// <summary>Statuses a filter on one status also takes in: 受付中 includes 通年 (open now, all year).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> StatusIncludes = new Dictionary<string, string[]>
    {
        ["受付中"] = ["通年"],
    };

    /// <summary>An applicant class and every class that contains it (中枢中核都市 → 市区町村 → 地方公共団体).</summary>
    public static IEnumerable<string> WithAncestors(string applicant)
    {
        for (string? a = applicant; a is not null; a = ApplicantParents.GetValueOrDefault(a))
            yield return a;
    }
}
