namespace Catalog.Core.Programs;

/// <summary>
/// What a town wants to do (「〜したい」), the planner's way into the catalogue. Each purpose is a
/// rule over the closed vocabularies: a program serves it when one of its fields (分野) or one of
/// its kinds (支援の種類) is among the purpose's. Nothing is stored per program, so a purpose
/// follows the record's fields and kinds as they change. docs/purposes.md lists the rules.
/// </summary>
public static class Purposes
{
    public sealed record Purpose(string Value, IReadOnlyList<string> Fields, IReadOnlyList<string> Kinds);

    public static readonly IReadOnlyList<Purpose> All =
    [
        new("移動・交通を便利にしたい", ["MaaS", "自動運転", "交通"], []),
        new("物流・配送を効率化したい", ["物流", "ドローン"], []),
        new("防災を強くしたい", ["防災"], []),
        new("行政手続をデジタル化したい", ["行政DX", "キャッシュレス"], []),
        new("子育て・健康を支えたい", ["子育て", "医療", "健康", "ヘルスケア", "福祉", "見守り"], []),
        new("学びをデジタルで支えたい", ["教育"], []),
        new("観光で稼ぎたい", ["観光"], []),
        new("産業・農業を伸ばしたい", ["産業振興", "農業", "ロボット"], []),
        new("データ連携基盤を整えたい", ["データ連携基盤", "オープンデータ"], []),
        new("先端技術（AI・IoT・5G）を導入したい", ["AI", "IoT", "5G", "ロボット", "ドローン"], []),
        new("脱炭素を進めたい", ["エネルギー", "環境"], []),
        new("人材を確保・育成したい", ["人材育成"], ["アドバイザー派遣"]),
        new("まちづくり・地域を元気にしたい", ["スマートシティ", "まちづくり", "地方創生", "地域活性化", "情報発信"], []),
        new("計画づくりから相談したい", [], ["伴走支援・計画策定支援", "アドバイザー派遣", "情報提供・マッチング"]),
    ];

    public static readonly IReadOnlyList<string> Values = [.. All.Select(p => p.Value)];

    /// <summary>Bit i set when purpose i takes in <paramref name="value"/> of the given dimension (fields or kinds).</summary>
    public static int MaskOf(string value, bool isField)
    {
        var mask = 0;
        for (var i = 0; i < All.Count; i++)
            if ((isField ? All[i].Fields : All[i].Kinds).Contains(value)) mask |= 1 << i;
        return mask;
    }

    /// <summary>The purposes a record with these fields and kinds serves, in the vocabulary's order.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<string> fields, IEnumerable<string> kinds)
    {
        var mask = fields.Aggregate(0, (m, f) => m | MaskOf(f, isField: true)) | kinds.Aggregate(0, (m, k) => m | MaskOf(k, isField: false));
        return [.. All.Where((_, i) => (mask & (1 << i)) != 0).Select(p => p.Value)];
    }
}
