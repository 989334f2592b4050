using System.Globalization;
using System.Text.RegularExpressions;

namespace Catalog.Core.Changes;

/// <summary>Staff-readable names for JSON paths of a record, in Japanese and English (windows[0].end → 募集期間1・締切).</summary>
public static partial class FieldLabels
{
    private static readonly Dictionary<string, (string Ja, string En)> Names = new(StringComparer.Ordinal)
    {
        ["id"] = ("ID", "id"),
        ["name"] = ("名称", "name"),
        ["aliases"] = ("別名", "alias"),
        ["familyKey"] = ("制度グループ", "family"),
        ["variant"] = ("類型", "variant"),
        ["fiscalYears"] = ("年度", "fiscal year"),
        ["level"] = ("区分", "level"),
        ["ministry"] = ("所管府省", "ministry"),
        ["bureau"] = ("局", "bureau"),
        ["division"] = ("課室", "division"),
        ["organization"] = ("実施主体", "organization"),
        ["kinds"] = ("支援の種類", "kind"),
        ["fields"] = ("分野", "field"),
        ["summary"] = ("概要", "summary"),
        ["purpose"] = ("目的", "purpose"),
        ["supportContent"] = ("支援内容", "support"),
        ["rate"] = ("補助率", "subsidy rate"),
        ["caps"] = ("上限額", "cap"),
        ["budget"] = ("予算", "budget"),
        ["maxDurationText"] = ("期間", "duration"),
        ["maxDurationYears"] = ("期間（年数）", "duration in years"),
        ["applicationLimit"] = ("申請の上限", "application limit"),
        ["applicants"] = ("申請主体", "applicant"),
        ["requirements"] = ("要件", "requirement"),
        ["windows"] = ("募集期間", "application window"),
        ["selections"] = ("採択件数", "selection count"),
        ["contacts"] = ("問い合わせ先", "contact"),
        ["related"] = ("関連制度", "related program"),
        ["sources"] = ("出典", "source"),
        ["url"] = ("URL", "URL"),
        ["notes"] = ("備考", "notes"),
        ["editorialNotes"] = ("編集メモ", "editorial notes"),
        ["adoptions"] = ("採択事例", "adoption"),
        // Nested fields.
        ["text"] = ("表記", "text"),
        ["kind"] = ("種別", "kind"),
        ["max"] = ("最大率", "highest rate"),
        ["fractions"] = ("率", "fraction"),
        ["applicant"] = ("対象", "applicant class"),
        ["amountYen"] = ("金額（円）", "amount in yen"),
        ["per"] = ("単位", "per"),
        ["note"] = ("注記", "note"),
        ["fiscalYear"] = ("年度", "fiscal year"),
        ["partOfLarger"] = ("内数", "part of a larger budget"),
        ["round"] = ("回", "round"),
        ["start"] = ("受付開始", "opens"),
        ["end"] = ("締切", "deadline"),
        ["method"] = ("申請方法", "method"),
        ["yearRound"] = ("通年", "year-round"),
        ["count"] = ("件数", "count"),
        ["phone"] = ("電話", "phone"),
        ["email"] = ("メール", "e-mail"),
        ["relation"] = ("関係", "relation"),
        ["document"] = ("文書", "document"),
        ["section"] = ("節", "section"),
        ["title"] = ("題名", "title"),
        ["date"] = ("日付", "date"),
        ["prefecture"] = ("都道府県", "prefecture"),
        ["municipality"] = ("市区町村", "municipality"),
        ["lgCode"] = ("団体コード", "local government code"),
        ["technology"] = ("技術", "technology"),
        ["source"] = ("出典", "source"),
        ["evidence"] = ("根拠", "evidence"),
        ["quote"] = ("引用", "quote"),
        ["basis"] = ("根拠の種類", "basis"),
        ["reason"] = ("理由", "reason"),
    };

    /// <summary>The Japanese label of a path: 募集期間1・締切, 上限額2・金額（円）, 概要.</summary>
    public static string Japanese(string path) => Label(path, ja: true);

    /// <summary>The English label of a path: application window 1 · deadline.</summary>
    public static string English(string path) => Label(path, ja: false);

    private static string Label(string path, bool ja)
    {
        var parts = new List<string>();
        foreach (Match m in Segment().Matches(path))
        {
            var name = m.Groups["name"].Value;
            var label = Names.TryGetValue(name, out var l) ? (ja ? l.Ja : l.En) : name;
            if (m.Groups["index"].Success)
            {
                // People count from 1.
                var n = (int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
                label = ja ? label + n : $"{label} {n}";
            }
            parts.Add(label);
        }
        return parts.Count == 0 ? path : string.Join(ja ? "・" : " · ", parts);
    }

    [GeneratedRegex(@"(?<name>[A-Za-z0-9_]+)(\[(?<index>\d+)\])?")]
    private static partial Regex Segment();

    /// <summary>A value as one short line for a person: strings as they are, other JSON compactly, absence as （なし）.</summary>
    public static string Value(System.Text.Json.Nodes.JsonNode? node)
    {
        if (node is null) return "（なし）";
        if (node is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s)) return s;
        return node.ToJsonString(Programs.ProgramJson.Compact);
    }
}
