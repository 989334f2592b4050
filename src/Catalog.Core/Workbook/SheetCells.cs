using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Catalog.Core.Changes;
using Catalog.Core.Notation;
using Catalog.Core.Programs;

namespace Catalog.Core.Workbook;

/// <summary>
/// What the workbook shows of a program: the columns of each sheet as they appear, the rows a
/// table sheet gives for one program, and the cell each column shows (和暦, labels, fractions).
/// </summary>
internal static class SheetCells
{
    private static readonly JsonTypeInfo RecordInfo = ProgramJson.Compact.GetTypeInfo(typeof(ProgramRecord));

    /// <summary>How many numbered columns each vocabulary list gets: enough for the longest list.</summary>
    internal static Dictionary<string, int> ChoiceWidths(IEnumerable<ProgramRecord> programs)
    {
        var widths = WorkbookLayout.Programs.Columns.Where(c => c.Kind == CellKind.Choices).ToDictionary(c => c.Path, c => c.MinColumns);
        foreach (var p in programs)
        {
            widths["kinds"] = Math.Max(widths["kinds"], p.Kinds.Count);
            widths["fields"] = Math.Max(widths["fields"], p.Fields.Count);
            widths["applicants"] = Math.Max(widths["applicants"], p.Applicants.Count);
        }
        return widths;
    }

    /// <summary>The columns of a sheet as they appear, with numbered vocabulary columns expanded.</summary>
    internal static List<(Column Column, string Header, int Index)> Expand(SheetLayout layout, IReadOnlyDictionary<string, int> widths)
    {
        var result = new List<(Column, string, int)>();
        foreach (var c in layout.Columns)
        {
            if (c.Kind != CellKind.Choices) { result.Add((c, c.Header, -1)); continue; }
            for (var i = 0; i < widths[c.Path]; i++) result.Add((c, c.Header + (i + 1).ToString(CultureInfo.InvariantCulture), i));
        }
        return result;
    }

    /// <summary>The rows a table sheet shows for one program, as JSON objects its columns read.</summary>
    internal static IEnumerable<JsonObject> Items(SheetLayout layout, ProgramRecord program)
    {
        if (layout == WorkbookLayout.Evidence)
        {
            foreach (var e in program.Evidence) yield return EvidenceItem(e, null);
            for (var i = 0; i < program.Adoptions.Count; i++)
                foreach (var e in program.Adoptions[i].Evidence) yield return EvidenceItem(e, i + 1);
            yield break;
        }
        if (layout == WorkbookLayout.Rules)
        {
            if (program.Eligibility is { Rules.Count: > 0 } eligibility)
                foreach (var rule in JsonSerializer.SerializeToNode(eligibility.Rules, ProgramJson.Compact)!.AsArray()) yield return rule!.AsObject();
            yield break;
        }
        var property = RecordInfo.Properties.Single(p => p.Name == layout.ArrayPath);
        if (property.Get!(program) is not System.Collections.ICollection { Count: > 0 } list) yield break;
        foreach (var item in JsonSerializer.SerializeToNode(list, property.PropertyType, ProgramJson.Compact)!.AsArray()) yield return item!.AsObject();
    }

    // An entry quoting a document shows 資料 as its kind; the number names the adoption row it belongs to.
    private static JsonObject EvidenceItem(Evidence e, int? adoption)
    {
        var item = JsonSerializer.SerializeToNode(e, ProgramJson.Compact)!.AsObject();
        if (e.Basis is null && e.Document is not null) item["basis"] = WorkbookLayout.DocumentBasis;
        if (adoption is { } n) item[WorkbookLayout.AdoptionNumberPath] = n;
        return item;
    }

    internal static WrittenCell CellFor(Column column, int index, JsonObject row, ProgramRecord program, Dictionary<string, string> names)
    {
        var node = column.Path.Length == 0 ? null : Navigate(row, column.Path);
        switch (column.Kind)
        {
            case CellKind.Id:
                return WrittenCell.Text(Str(node), WorkbookStyles.IdLocked);
            case CellKind.ProgramRef:
                // The row's own 制度ID column (no path) names the program; a reference column (a rule's
                // programId) stays empty when the rule names a familyKey instead.
                return WrittenCell.Text(column.Path.Length == 0 ? program.Id : Str(node), WorkbookStyles.Text);
            case CellKind.Text or CellKind.Choice or CellKind.Code:
                return WrittenCell.Text(Str(node), WorkbookStyles.Text);
            case CellKind.Codes:
                return WrittenCell.Text(string.Join("、", Strings(node)), WorkbookStyles.Text);
            case CellKind.Lines:
                return WrittenCell.Text(string.Join("\n", Strings(node)), WorkbookStyles.Lines);
            case CellKind.Choices:
                var values = Strings(node);
                return WrittenCell.Text(index < values.Count ? values[index] : "", WorkbookStyles.Text);
            case CellKind.Label:
                var value = Str(node);
                return WrittenCell.Text(column.Labels!.FirstOrDefault(l => l.Value == value).Label ?? value, WorkbookStyles.Text);
            case CellKind.FiscalYear:
                return WrittenCell.Text(node is null ? "" : Wareki.FormatFiscalYear(node.GetValue<int>()), WorkbookStyles.Text);
            case CellKind.FiscalYears:
                return WrittenCell.Text(string.Join("、", (node?.AsArray() ?? []).Select(y => Wareki.FormatFiscalYear(y!.GetValue<int>()))), WorkbookStyles.Text);
            case CellKind.Count:
                return node is null ? WrittenCell.Empty(WorkbookStyles.Integer) : WrittenCell.Number(node.GetValue<int>(), WorkbookStyles.Integer);
            case CellKind.Start or CellKind.End:
                return Time(Str(node), column.Kind == CellKind.End);
            case CellKind.Flag:
                return WrittenCell.Text(node is not null && node.GetValue<bool>() ? WorkbookLayout.FlagMark : "", WorkbookStyles.Text);
            default:
                return Derived(column, node, row, program, names);
        }
    }

    private static WrittenCell Derived(Column column, JsonNode? node, JsonObject row, ProgramRecord program, Dictionary<string, string> names)
    {
        var style = WorkbookStyles.ForDerivation(column.Derivation);
        switch (column.Derivation)
        {
            case Derivation.ProgramName: return WrittenCell.Text(program.Name, style);
            case Derivation.RelatedName: return WrittenCell.Text(names.GetValueOrDefault(Str(row["id"])) ?? "", style);
            case Derivation.FieldLabel: return WrittenCell.Text(node is null ? "" : FieldLabels.Japanese(Str(node)), style);
            case Derivation.Flag: return WrittenCell.Text(node is not null && node.GetValue<bool>() ? WorkbookLayout.FlagMark : "", style);
        }
        if (node is null) return WrittenCell.Empty(style);
        return column.Derivation switch
        {
            Derivation.Yen => WrittenCell.Number(node.GetValue<long>(), style),
            Derivation.Number => WrittenCell.Number(node.GetValue<int>(), style),
            Derivation.Fraction => WrittenCell.Number((double)node.GetValue<decimal>(), style),
            Derivation.Fractions => WrittenCell.Text(string.Join("、", node.AsArray().Select(f => Fraction(f!.GetValue<decimal>()))), style),
            Derivation.RateKind => WrittenCell.Text(WorkbookLayout.RateKinds.FirstOrDefault(k => k.Value == Str(node)).Label ?? Str(node), style),
            _ => WrittenCell.Empty(style),
        };
    }

    /// <summary>0.6667 → 2/3: the simplest fraction within the rounding the importer keeps.</summary>
    internal static string Fraction(decimal value)
    {
        for (var b = 1; b <= 100; b++)
        {
            var a = decimal.Round(value * b);
            if (a > 0 && Math.Abs(a / b - value) < 0.00006m) return $"{a}/{b}";
        }
        return value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A window time as an Excel date in JST. A start at 00:00 and an end at 23:59:59 are shown as
    /// dates alone; an end at exactly 00:00 is written as text, since a date alone means the end of that day.
    /// </summary>
    private static WrittenCell Time(string iso, bool end)
    {
        if (iso.Length == 0) return WrittenCell.Empty(WorkbookStyles.Date);
        if (!DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return WrittenCell.Text(iso, WorkbookStyles.Text);
        var local = t.ToOffset(ProgramStatus.Jst).DateTime;
        if (end && local.TimeOfDay == TimeSpan.Zero) return WrittenCell.Text(iso, WorkbookStyles.Text);
        var dateOnly = end ? local.TimeOfDay == new TimeSpan(23, 59, 59) : local.TimeOfDay == TimeSpan.Zero;
        return WrittenCell.Number(local.ToOADate(), dateOnly ? WorkbookStyles.Date : WorkbookStyles.DateTime);
    }

    private static JsonNode? Navigate(JsonObject row, string path)
    {
        JsonNode? node = row;
        foreach (var part in path.Split('.'))
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(part, out node)) return null;
        }
        return node;
    }

    private static string Str(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static List<string> Strings(JsonNode? node) => node is JsonArray a ? a.Select(Str).ToList() : [];
}
