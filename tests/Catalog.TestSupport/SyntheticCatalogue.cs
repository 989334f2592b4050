using System.Globalization;
using System.Text;
using Catalog.Core.Programs;

namespace Catalog.Benchmarks;

/// <summary>
/// A clearly synthetic catalogue (every name starts with 【合成】, every source is "synthetic"),
/// generated from a fixed seed so runs compare. Never written to seed/.
/// </summary>
public static class SyntheticCatalogue
{
    private static readonly string[] Themes =
    [
        "自動運転", "ドローン", "MaaS", "データ連携基盤", "AI", "IoT", "オープンデータ", "防災", "観光", "医療",
        "教育", "子育て", "見守り", "エネルギー", "物流", "農業", "キャッシュレス", "ローカル5G", "行政DX", "まちづくり",
    ];
    private static readonly string[] Nouns = ["推進事業", "実証事業", "支援事業", "交付金", "補助金", "モデル事業", "整備事業", "導入支援", "計画策定支援"];
    private static readonly string[] Places = ["地域", "都市", "中山間地域", "離島", "広域", "市町村", "県域", "スマートシティ"];
    private static readonly string[] Sentences =
    [
        "{0}を活用した地域課題の解決に取り組む地方公共団体を支援する。",
        "{0}の社会実装に向けた実証を行う事業者と自治体のコンソーシアムに対し、経費の一部を補助する。",
        "{0}に関する計画策定を伴走支援し、専門家を派遣する。",
        "住民サービスの向上のため、{0}と{1}を組み合わせた取組を推進する。",
        "{0}の導入に必要な設備整備と人材育成を一体的に支援する。",
    ];
    private static readonly string[] Rates = ["1/2", "2/3", "3/4", "定額", "1/2以内", "10/10"];
    private static readonly string[] CapTexts = ["1,000万円", "3,000万円", "5,000万円", "1億円", "2億円", "3.0億円", "上限の定めなし"];

    /// <summary>Writes the catalogue as NDJSON, the form `import` reads.</summary>
    public static void WriteNdjson(string path, int count, int seed = 20_241_123)
    {
        using var writer = new StreamWriter(path);
        foreach (var p in Generate(count, seed)) writer.Write(ProgramJson.Serialize(p) + "\n");
    }

    public static IEnumerable<ProgramRecord> Generate(int count, int seed = 20_241_123)
    {
        var random = new Random(seed);
        T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];
        List<T> Some<T>(IReadOnlyList<T> list, int min, int max) =>
            Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Pick(list)).Distinct().ToList();

        for (var n = 1; n <= count; n++)
        {
            var theme = Pick(Themes);
            var other = Pick(Themes);
            var national = random.NextDouble() < 0.85;
            var summary = new StringBuilder();
            for (var s = 0; s < 3; s++) summary.Append(string.Format(CultureInfo.InvariantCulture, Pick(Sentences), s == 0 ? theme : Pick(Themes), other));
            var windows = new List<ApplicationWindow>();
            var windowCount = random.Next(0, 3);
            for (var w = 0; w < windowCount; w++)
            {
                var start = new DateOnly(2024, 1, 1).AddDays(random.Next(0, 900));
                windows.Add(new ApplicationWindow
                {
                    Round = $"第{w + 1}回",
                    Start = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    End = start.AddDays(random.Next(14, 90)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                });
            }
            if (random.NextDouble() < 0.05) windows = [new ApplicationWindow { Start = "2024-04-01", YearRound = true }];
            var id = $"synthetic-{n:D6}";
            yield return new ProgramRecord
            {
                Id = id,
                FamilyKey = id,
                Name = $"【合成】{Pick(Places)}{theme}{Pick(Nouns)}{n}",
                Aliases = random.NextDouble() < 0.3 ? [$"{theme}{Pick(Nouns)}（合成{n}）"] : [],
                FiscalYears = Some(new[] { 2021, 2022, 2023, 2024, 2025 }, 1, 2),
                Level = national ? "national" : "municipal",
                Ministry = national ? Pick(Vocabulary.Ministries) : $"合成市{n % 500}",
                Kinds = Some(Vocabulary.Kinds, 1, 2),
                Fields = Some(Vocabulary.Fields, 1, 3),
                Summary = summary.ToString(),
                Purpose = $"{theme}による{Pick(Places)}の活性化。",
                Rate = random.NextDouble() < 0.8 ? new SubsidyRate { Text = Pick(Rates) } : null,
                Caps = random.NextDouble() < 0.7 ? [new Cap { Text = Pick(CapTexts), Applicant = Pick(new[] { "都道府県", "市区町村" }) }] : [],
                Applicants = Some(Vocabulary.Applicants, 1, 3),
                Requirements = [$"{theme}に関するKPIを設定すること"],
                Windows = windows,
                Sources = [new Source { Document = "synthetic", Section = "generated" }],
            };
        }
    }
}
