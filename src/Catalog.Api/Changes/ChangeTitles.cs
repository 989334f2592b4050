using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Catalog.Core.Changes;
using Catalog.Core.Notation;
using Catalog.Core.Programs;

namespace Catalog.Api.Changes;

/// <summary>A change in a few Japanese words, as a feed entry or the changes panel shows it: 締切が令和7年3月31日に変更, 新規掲載, 掲載終了.</summary>
public static partial class ChangeTitles
{
    /// <param name="revisionKind">The kind of the revision the change belongs to: a program a revert brings back is 再掲載.</param>
    public static string For(EntityChange c, string? revisionKind = null) => (c.Kind, c.Change) switch
    {
        (EntityKinds.Program, ChangeTypes.Added) when revisionKind == RevisionKinds.Revert => "再掲載",
        (EntityKinds.Program, ChangeTypes.Added) => "新規掲載",
        (EntityKinds.Program, ChangeTypes.Removed) => "掲載終了",
        (EntityKinds.Program, _) => Fields(c.Fields),
        (EntityKinds.Adoption, ChangeTypes.Added) => $"採択事例を追加（{c.Label}）",
        (EntityKinds.Adoption, ChangeTypes.Removed) => $"採択事例を削除（{c.Label}）",
        (EntityKinds.Adoption, _) => $"採択事例を変更（{c.Label}）",
        _ => "変更",
    };

    private static string Fields(IReadOnlyList<FieldChange> fields)
    {
        var phrases = new List<string>();
        // One phrase per element: a cap's text and its derived amount are one change to the reader.
        foreach (var group in fields.GroupBy(f => Head().Match(f.Path).Groups["element"].Value))
        {
            var name = Head().Match(group.Key).Groups["name"].Value;
            var whole = group.FirstOrDefault(f => f.Path == group.Key);
            var phrase = name switch
            {
                "windows" when whole is { Before: null } => "募集期間を追加",
                "windows" when whole is { After: null } => "募集期間を削除",
                "windows" when After(group, "end") is { } end => $"締切が{Date(end)}に変更",
                "windows" when After(group, "start") is { } start => $"受付開始が{Date(start)}に変更",
                "caps" when After(group, "text") is { } cap => $"上限額が{FieldLabels.Value(cap)}に変更",
                "rate" when After(group, "text") is { } rate => $"補助率が{FieldLabels.Value(rate)}に変更",
                "name" when whole?.After is { } after => $"名称が「{FieldLabels.Value(after)}」に変更",
                _ => $"{FieldLabels.Japanese(name)}を変更",
            };
            if (!phrases.Contains(phrase)) phrases.Add(phrase);
        }
        // A quote updated with its value is part of that change (the importer refuses a value whose
        // quote does not state it), so 根拠 is named only when nothing else changed.
        if (phrases.Count > 1) phrases.Remove($"{FieldLabels.Japanese("evidence")}を変更");
        if (phrases.Count == 0) return "変更";
        return phrases.Count <= 3 ? string.Join("、", phrases) : string.Join("、", phrases.Take(3)) + $"ほか{phrases.Count - 3}件";
    }

    // The new value of one field of an element, whether the field changed alone or the element was replaced whole.
    private static JsonNode? After(IGrouping<string, FieldChange> group, string field) =>
        group.FirstOrDefault(f => f.Path == $"{group.Key}.{field}")?.After
        ?? (group.FirstOrDefault(f => f.Path == group.Key)?.After as JsonObject)?[field];

    /// <summary>An ISO time as 和暦: 令和7年3月31日, with the time when it is not the start or end of the day.</summary>
    public static string Date(JsonNode node)
    {
        var text = FieldLabels.Value(node);
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return text;
        t = t.ToOffset(ProgramStatus.Jst);
        var date = Wareki.FormatDate(DateOnly.FromDateTime(t.DateTime));
        return t.TimeOfDay == TimeSpan.Zero || t.TimeOfDay == new TimeSpan(23, 59, 59) ? date : $"{date} {t:HH:mm}";
    }

    // windows[0].end → name windows, element windows[0], field end; summary → name summary.
    [GeneratedRegex(@"^(?<element>(?<name>[A-Za-z]+)(\[\d+\])?)(\.(?<field>[A-Za-z]+))?")]
    private static partial Regex Head();
}
