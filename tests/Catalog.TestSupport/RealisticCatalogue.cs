using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Japanese;
using Catalog.Japanese.Analysis;
using Catalog.Japanese.Dictionary;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalog.Benchmarks;

/// <summary>
/// A generated catalogue with the vocabulary of real documents, the typical case beside
/// <see cref="SyntheticCatalogue"/>'s worst one: summaries are sentences of seed/documents (split
/// at 。, some spliced at a 、 with another's ending), their nouns sometimes swapped for nouns
/// drawn by a Zipf law from the documents' own nouns (ranked by frequency, tokenised by the
/// catalogue's analyzer); names are document noun phrases; facets follow skewed distributions.
/// Still clearly generated: every name starts with 【合成】, every source is "synthetic".
/// Same record shape as the synthetic catalogue; deterministic for a seed and count.
/// </summary>
public static partial class RealisticCatalogue
{
    public const int DefaultSeed = 20_241_123;

    // Skewed facets: the first value is the most common (Zipf over the order given).
    private static readonly string[] MinistryOrder =
        ["内閣府", "総務省", "国土交通省", "経済産業省", "デジタル庁", "文部科学省", "厚生労働省", "農林水産省", "環境省", "内閣官房", "復興庁", "警察庁"];
    private static readonly string[] KindOrder =
        ["補助金", "交付金", "実証支援", "伴走支援・計画策定支援", "情報提供・マッチング", "委託", "アドバイザー派遣", "表彰・認定", "税制"];
    private static readonly string[] ApplicantOrder =
        ["市区町村", "地方公共団体", "民間事業者", "都道府県", "コンソーシアム", "中枢中核都市", "大学・研究機関", "NPO・団体", "一部事務組合・広域連合", "個人"];
    private static readonly string[] FieldOrder =
    [
        "スマートシティ", "地方創生", "地域活性化", "産業振興", "人材育成", "行政DX", "まちづくり", "交通", "AI", "IoT",
        "情報発信", "観光", "教育", "防災", "医療", "健康", "福祉", "子育て", "データ連携基盤", "MaaS", "環境", "エネルギー",
        "農業", "オープンデータ", "自動運転", "ドローン", "5G", "見守り", "ヘルスケア", "ロボット", "物流", "キャッシュレス",
    ];
    private static readonly (string, double)[] Levels = [("national", 45), ("municipal", 45), ("prefectural", 7), ("private", 3)];
    private static readonly (string, double)[] RateTexts =
        [("1/2", 40), ("定額", 20), ("2/3", 12), ("1/2以内", 8), ("3/4", 6), ("10/10", 5), ("1/3", 5), ("2/3以内", 4)];
    private static readonly (string, double)[] CapTexts =
    [
        ("1,000万円", 18), ("500万円", 14), ("3,000万円", 10), ("1億円", 10), ("300万円", 8), ("2,000万円", 8), ("5,000万円", 7),
        ("100万円", 7), ("2億円", 5), ("3.0億円", 4), ("50万円", 4), ("上限の定めなし", 3), ("10億円", 2),
    ];
    private static readonly (int, double)[] LastFiscalYears =
        [(2025, 30), (2024, 25), (2023, 17), (2022, 10), (2021, 8), (2026, 5), (2020, 3), (2019, 2)];
    // Calls open mostly in spring, at the start of the fiscal year (April = 0).
    private static readonly (int, double)[] StartMonths =
        [(0, 25), (1, 22), (2, 15), (3, 10), (4, 6), (5, 5), (6, 4), (7, 3), (8, 2), (9, 3), (10, 3), (11, 2)];
    private static readonly (int, double)[] WindowDays = [(30, 30), (21, 15), (45, 15), (60, 15), (14, 10), (90, 10), (120, 5)];
    private static readonly (string, double)[] NameEndings =
    [
        ("事業", 30), ("推進事業", 20), ("支援事業", 14), ("補助金", 10), ("交付金", 6), ("モデル事業", 6), ("実証事業", 6),
        ("導入支援", 4), ("計画策定支援", 4),
    ];

    /// <summary>Writes the catalogue as NDJSON, the form `import` reads.</summary>
    public static void WriteNdjson(string path, int count, int seed = DefaultSeed)
    {
        using var writer = new StreamWriter(path);
        foreach (var p in Generate(count, seed)) writer.Write(ProgramJson.Serialize(p) + "\n");
    }

    public static IEnumerable<ProgramRecord> Generate(int count, int seed = DefaultSeed)
    {
        var corpus = DocumentCorpus.Instance;
        var random = new Random(seed);
        var ministries = new Zipf(MinistryOrder.Length, 1.0);
        var kinds = new Zipf(KindOrder.Length, 1.1);
        var applicants = new Zipf(ApplicantOrder.Length, 1.0);
        var fields = new Zipf(FieldOrder.Length, 0.9);
        var levels = new Weighted<string>(Levels);
        var rates = new Weighted<string>(RateTexts);
        var caps = new Weighted<string>(CapTexts);
        var lastYears = new Weighted<int>(LastFiscalYears);
        var months = new Weighted<int>(StartMonths);
        var days = new Weighted<int>(WindowDays);
        var endings = new Weighted<string>(NameEndings);
        var text = new StringBuilder();

        for (var n = 1; n <= count; n++)
        {
            var level = levels.Next(random);
            var ministry = level switch
            {
                "national" => MinistryOrder[ministries.Next(random)],
                "municipal" => corpus.Municipalities[corpus.MunicipalityRanks.Next(random)],
                "prefectural" => corpus.Prefectures[corpus.PrefectureRanks.Next(random)],
                _ => corpus.Organizations[corpus.OrganizationRanks.Next(random)],
            };

            // Name: a document noun phrase, sometimes two joined the documents' way, with a program ending.
            var core = corpus.Phrases[corpus.PhraseRanks.Next(random)];
            if (random.NextDouble() < 0.15) core = corpus.Phrases[corpus.PhraseRanks.Next(random)] + "を活用した" + core;
            var ending = endings.Next(random);
            var name = new StringBuilder("【合成】");
            if (level is "municipal" or "prefectural" && random.NextDouble() < 0.5) name.Append(ministry);
            name.Append(core);
            if (!EndsLikeAProgram(core)) name.Append(ending);

            var yearCount = random.NextDouble() switch { < 0.6 => 1, < 0.85 => 2, _ => 3 };
            var lastYear = lastYears.Next(random);
            var years = Enumerable.Range(lastYear - yearCount + 1, yearCount).ToList();
            if (random.NextDouble() < 0.25) name.Append(CultureInfo.InvariantCulture, $"（令和{lastYear - 2018}年度）");

            text.Clear();
            var sentences = random.NextDouble() switch { < 0.1 => 1, < 0.5 => 2, < 0.85 => 3, _ => 4 };
            for (var s = 0; s < sentences; s++) corpus.AppendSentence(text, random);
            var summary = text.ToString();
            text.Clear();
            corpus.AppendPurpose(text, random);
            var purpose = text.ToString();

            var requirements = new List<string>();
            var requirementCount = random.NextDouble() switch { < 0.4 => 0, < 0.8 => 1, _ => 2 };
            for (var r = 0; r < requirementCount; r++) requirements.Add(corpus.Requirements[random.Next(corpus.Requirements.Count)]);

            // Fields follow the text (a field the name or summary names), plus a skewed tag or two.
            var programFields = new List<string>();
            foreach (var f in Vocabulary.Fields)
                if (programFields.Count < 3 && (summary.Contains(f, StringComparison.Ordinal) || core.Contains(f, StringComparison.Ordinal))) programFields.Add(f);
            if (programFields.Count == 0 || random.NextDouble() < 0.4) programFields.Add(FieldOrder[fields.Next(random)]);
            if (random.NextDouble() < 0.2) programFields.Add(FieldOrder[fields.Next(random)]);

            var windows = new List<ApplicationWindow>();
            var windowDraw = random.NextDouble();
            if (windowDraw < 0.05) windows.Add(new ApplicationWindow { Start = $"{years[0]}-04-01", YearRound = true });
            else if (windowDraw < 0.65)
            {
                var start = new DateOnly(lastYear, 4, 1).AddMonths(months.Next(random)).AddDays(random.Next(0, 28));
                var rounds = windowDraw < 0.53 ? 1 : 2;
                for (var w = 0; w < rounds; w++)
                {
                    var end = start.AddDays(days.Next(random));
                    windows.Add(new ApplicationWindow
                    {
                        Round = rounds > 1 ? $"第{w + 1}回" : null,
                        Start = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        End = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    });
                    start = end.AddDays(random.Next(30, 120));
                }
            }

            var capList = new List<Cap>();
            var capDraw = random.NextDouble();
            if (capDraw < 0.15)
            {
                capList.Add(new Cap { Text = caps.Next(random), Applicant = "都道府県" });
                capList.Add(new Cap { Text = caps.Next(random), Applicant = "市区町村" });
            }
            else if (capDraw < 0.65) capList.Add(new Cap { Text = caps.Next(random), Applicant = random.NextDouble() < 0.5 ? null : ApplicantOrder[applicants.Next(random)] });

            var id = $"realistic-{n:D6}";
            yield return new ProgramRecord
            {
                Id = id,
                FamilyKey = id,
                Name = name.ToString(),
                Aliases = random.NextDouble() < 0.25 ? [core] : [],
                FiscalYears = years,
                Level = level,
                Ministry = ministry,
                Kinds = Distinct(random, KindOrder, kinds, random.NextDouble() < 0.75 ? 1 : 2),
                Fields = programFields.Distinct().ToList(),
                Summary = summary,
                Purpose = purpose,
                Rate = random.NextDouble() < (level == "national" ? 0.7 : 0.4) ? new SubsidyRate { Text = rates.Next(random) } : null,
                Caps = capList,
                Applicants = Distinct(random, ApplicantOrder, applicants, random.NextDouble() switch { < 0.5 => 1, < 0.85 => 2, _ => 3 }),
                Requirements = requirements.Distinct().ToList(),
                Windows = windows,
                Sources = [new Source { Document = "synthetic", Section = "realistic (recombined from seed/documents)" }],
            };
        }
    }

    private static bool EndsLikeAProgram(string phrase) =>
        phrase.EndsWith("事業", StringComparison.Ordinal) || phrase.EndsWith("金", StringComparison.Ordinal)
        || phrase.EndsWith("支援", StringComparison.Ordinal) || phrase.EndsWith("制度", StringComparison.Ordinal);

    private static List<string> Distinct(Random random, string[] order, Zipf ranks, int count)
    {
        var result = new List<string>(count);
        for (var tries = 0; result.Count < count && tries < 10; tries++)
        {
            var value = order[ranks.Next(random)];
            if (!result.Contains(value)) result.Add(value);
        }
        return result;
    }

    /// <summary>Draws rank 0..n-1 with probability ∝ 1/(rank+1)^s.</summary>
    internal sealed class Zipf
    {
        private readonly double[] _cumulative;

        public Zipf(int n, double s)
        {
            if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), "a Zipf law needs at least one value");
            _cumulative = new double[n];
            var sum = 0.0;
            for (var k = 0; k < n; k++) _cumulative[k] = sum += 1 / Math.Pow(k + 1, s);
            for (var k = 0; k < n; k++) _cumulative[k] /= sum;
        }

        public int Next(Random random)
        {
            var i = Array.BinarySearch(_cumulative, random.NextDouble());
            return Math.Min(i < 0 ? ~i : i, _cumulative.Length - 1);
        }
    }

    private sealed class Weighted<T>
    {
        private readonly T[] _values;
        private readonly double[] _cumulative;

        public Weighted((T Value, double Weight)[] weights)
        {
            _values = weights.Select(w => w.Value).ToArray();
            _cumulative = new double[weights.Length];
            var sum = weights.Sum(w => w.Weight);
            var running = 0.0;
            for (var i = 0; i < weights.Length; i++) _cumulative[i] = (running += weights[i].Weight) / sum;
        }

        public T Next(Random random)
        {
            var i = Array.BinarySearch(_cumulative, random.NextDouble());
            return _values[Math.Min(i < 0 ? ~i : i, _values.Length - 1)];
        }
    }
}
