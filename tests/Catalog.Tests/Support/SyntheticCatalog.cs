using System.Globalization;
using Catalog.Core.Programs;

namespace Catalog.Tests.Support;

/// <summary>
/// Clearly synthetic programs (ids start with "synthetic-", names with 【合成】) for load and fault
/// tests. Deterministic for a given seed. Never written to seed/.
/// </summary>
public static class SyntheticCatalog
{
    private static readonly string[] Topics = ["自動運転", "ドローン", "MaaS", "データ連携基盤", "AI", "防災", "見守り", "観光", "医療", "教育", "オープンデータ", "ロボット"];
    private static readonly string[] Actions = ["実証", "計画策定", "導入支援", "社会実装", "人材育成", "基盤整備"];
    private static readonly string[] Rates = ["1/2", "2/3", "1/2以内", "3/4", "定額", "定額、または2/3", "10/10"];
    private static readonly string[] CapTexts = ["1,000万円", "5,000万円", "1億円", "2.0億円", "3.0億円", "10,000千円"];

    public static IEnumerable<ProgramRecord> Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var topic = Topics[random.Next(Topics.Length)];
            var action = Actions[random.Next(Actions.Length)];
            var fy = 2019 + random.Next(8);
            var start = new DateOnly(fy, 4, 1).AddDays(random.Next(300));
            var kind = Vocabulary.Kinds[random.Next(4)];
            yield return new ProgramRecord
            {
                Id = "synthetic-" + i.ToString("D6", CultureInfo.InvariantCulture),
                Name = $"【合成】{topic}{action}事業 第{i}号",
                FamilyKey = "synthetic-" + (i / 3).ToString(CultureInfo.InvariantCulture),
                FiscalYears = [fy],
                Level = "national",
                Ministry = Vocabulary.Ministries[random.Next(6)],
                Kinds = [kind],
                Fields = [Vocabulary.Fields[random.Next(Vocabulary.Fields.Count)], topic == "AI" ? "AI" : "スマートシティ"],
                Summary = $"{topic}を活用した{action}を支援する合成データです。地方公共団体の{Topics[random.Next(Topics.Length)]}に関する取組を対象とします。",
                Rate = new SubsidyRate { Text = Rates[random.Next(Rates.Length)] },
                Caps = [new Cap { Applicant = random.Next(2) == 0 ? "都道府県" : "市区町村", Text = CapTexts[random.Next(CapTexts.Length)], Per = "year" }],
                Applicants = random.Next(3) == 0 ? ["民間事業者"] : ["都道府県", "市区町村"],
                Windows = [new ApplicationWindow { Start = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), End = start.AddDays(20 + random.Next(60)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }],
                Sources = [new Source { Document = "synthetic" }],
            }.WithDistinctFields();
        }
    }

    private static ProgramRecord WithDistinctFields(this ProgramRecord p)
    {
        p.Fields = p.Fields.Distinct().ToList();
        return p;
    }

    /// <summary>Writes <paramref name="count"/> synthetic programs as NDJSON, the form `import` reads fastest.</summary>
    public static void WriteNdjson(string path, int count, int seed = 42)
    {
        using var writer = new StreamWriter(path);
        foreach (var p in Generate(count, seed)) writer.Write(ProgramJson.Serialize(p) + "\n");
    }
}
