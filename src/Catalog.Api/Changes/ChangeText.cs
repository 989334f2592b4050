using System.Globalization;
using Catalog.Core.Changes;

namespace Catalog.Api.Changes;

/// <summary>Changes as lines for staff at a terminal: what happened to which program, and each field as 日本語 / English: before → after.</summary>
public static class ChangeText
{
    public static void WriteRevision(TextWriter o, RevisionSummary r)
    {
        var time = r.Time.ToOffset(Core.Programs.ProgramStatus.Jst).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var what = r.Kind switch
        {
            RevisionKinds.Revert => $"revert to revision {r.RevertedTo}",
            RevisionKinds.Baseline => "baseline (the catalogue as found when history began)",
            _ => $"{r.Kind} {r.Source}" + (r.Sha256 is null ? "" : $" (sha256 {r.Sha256})"),
        };
        o.WriteLine($"revision {r.Number}  {time} JST  {what}");
        o.WriteLine($"  programs: {r.Added} added, {r.Changed} changed, {r.Removed} removed");
    }

    public static void WriteChange(TextWriter o, EntityChange c)
    {
        var sign = c.Change switch { ChangeTypes.Added => "+", ChangeTypes.Removed => "-", _ => "~" };
        var (ja, en) = (c.Kind, c.Change) switch
        {
            (EntityKinds.Program, ChangeTypes.Added) => ("新規掲載", "new program"),
            (EntityKinds.Program, ChangeTypes.Removed) => ("掲載終了", "program removed"),
            (EntityKinds.Program, _) => ("変更", "changed"),
            (EntityKinds.Adoption, ChangeTypes.Added) => ("採択事例を追加", "adoption added"),
            (EntityKinds.Adoption, ChangeTypes.Removed) => ("採択事例を削除", "adoption removed"),
            (EntityKinds.Adoption, _) => ("採択事例を変更", "adoption changed"),
            _ => (c.Change, c.Change),
        };
        var who = c.Kind == EntityKinds.Program ? $"{c.Key}  {c.Label}" : $"{c.ProgramId}  {c.Label}";
        o.WriteLine($"  {sign} {who}  — {ja} / {en}");
        foreach (var f in c.Fields)
            o.WriteLine($"      {FieldLabels.Japanese(f.Path)} / {FieldLabels.English(f.Path)} [{f.Path}]: {FieldLabels.Value(f.Before)} → {FieldLabels.Value(f.After)}");
    }
}
