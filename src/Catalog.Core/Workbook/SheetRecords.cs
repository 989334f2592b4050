using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Core.Changes;
using Catalog.Core.Import;
using Catalog.Core.Notation;
using Catalog.Core.Programs;

namespace Catalog.Core.Workbook;

/// <summary>
/// Turns sheets (from a workbook or a CSV file) into the program records a JSON file would give,
/// checking what only a sheet can get wrong: headers, merged cells, formulas, cells that cannot
/// be read as their column says. Everything else is left to the importer's own validation.
/// </summary>
internal static class SheetRecords
{
    private sealed class ProgramRows(JsonObject json, CellMap cells, int row)
    {
        public JsonObject Json { get; } = json;
        public CellMap Cells { get; } = cells;
        public int Row { get; } = row;
    }

    /// <summary>
    /// A whole workbook: programs come from the 制度 sheet, their tables from the other sheets.
    /// With <paramref name="stored"/> (a single CSV sheet), the stored records are the base and
    /// only what that sheet holds is replaced.
    /// </summary>
    public static List<InputRecord> Build(string file, IReadOnlyList<SheetTable> tables, Func<string, ProgramRecord?>? stored, List<ImportError> errors)
    {
        var programs = new Dictionary<string, ProgramRows>(StringComparer.Ordinal);
        var order = new List<string>();
        var programTable = tables.FirstOrDefault(t => t.Name == WorkbookLayout.ProgramSheet);
        var workbook = stored is null;
        if (programTable is null && workbook) return []; // no program to hang the other sheets on
        if (programTable is not null)
        {
            var columns = SheetHeaders.Match(file, programTable, WorkbookLayout.Programs, errors);
            SheetHeaders.CheckMerged(file, programTable, columns, errors);
            if (columns is not null) ReadPrograms(file, programTable, columns, stored, programs, order, errors);
            else if (workbook) return []; // no program to hang the other sheets on
        }

        foreach (var layout in WorkbookLayout.Sheets.Where(s => !s.IsProgramSheet))
        {
            var table = tables.FirstOrDefault(t => t.Name == layout.Name);
            if (table is null) continue;
            var columns = SheetHeaders.Match(file, table, layout, errors);
            SheetHeaders.CheckMerged(file, table, columns, errors);
            if (columns is not null) ReadTable(file, table, layout, columns, stored, programs, order, errors);
        }

        // A cell that could not be read is missing from the record, which is not a removed row.
        if (!workbook && tables.All(t => t.Name != WorkbookLayout.EvidenceSheet) && !errors.Any(e => e.Sheet is not null))
            foreach (var id in order) CheckStoredEvidence(file, tables, id, programs[id].Json, errors);

        return order.Select(id => programs[id]).Select(p => new InputRecord(file, new JsonLineMap(p.Cells.Rows()), "$",
            JsonSerializer.SerializeToElement(p.Json), IsAdoption: false) { Cells = p.Cells }).ToList();
    }

    /// <summary>
    /// A CSV sheet that removes rows can leave stored evidence pointing at a value that is gone
    /// (caps[1] after the second cap was deleted). That is said here, naming the 根拠 sheet, and
    /// the entry is left out so the validator does not repeat it in English.
    /// </summary>
    private static void CheckStoredEvidence(string file, IReadOnlyList<SheetTable> tables, string id, JsonObject json, List<ImportError> errors)
    {
        var sheet = tables.Count > 0 ? tables[0].Name : WorkbookLayout.ProgramSheet;
        void Check(JsonNode? owner, string prefix, int? adoption)
        {
            if (owner?["evidence"] is not JsonArray evidence || evidence.Count == 0) return;
            using var document = JsonDocument.Parse(owner.ToJsonString());
            foreach (var entry in evidence.ToList())
            {
                var field = entry?["field"]?.GetValue<string>() ?? "";
                if (EvidencePaths.TryResolve(document.RootElement, field, out _)) continue;
                var which = adoption is { } n ? $"採択の番号 {n}・" : "";
                errors.Add(Error(file, sheet, null, null,
                    $"制度ID 「{id}」 の {which}対象の項目 「{field}」（{FieldLabels.Japanese(prefix + field)}）の根拠が指す値が、この CSV でなくなります。"
                    + $"{WorkbookLayout.EvidenceSheet} シートのその行も直す（消す、または後ろの行を指す番号を詰める）必要があるので、ブック（.xlsx）全体で取り込んでください"));
                evidence.Remove(entry);
            }
        }
        Check(json, "", null);
        if (json["adoptions"] is JsonArray adoptions)
            for (var i = 0; i < adoptions.Count; i++) Check(adoptions[i], $"adoptions[{i}].", i + 1);
    }

    private static void ReadPrograms(string file, SheetTable table, List<(Column Column, int Index, int Number)> columns,
        Func<string, ProgramRecord?>? stored, Dictionary<string, ProgramRows> programs, List<string> order, List<ImportError> errors)
    {
        var idColumn = columns[0];
        // The top-level properties the 制度 sheet owns, derived ones included (the importer recomputes them).
        var owned = WorkbookLayout.Programs.Columns.Where(c => c.Path.Length > 0).Select(c => c.Path.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var (row, cells) in table.Rows)
        {
            if (IsBlank(cells, columns)) continue;
            if (!CheckFormulas(file, table.Name, row, cells, columns, errors)) continue;
            var idCell = cells.GetValueOrDefault(idColumn.Number);
            var id = idCell.Shown.Trim();
            if (id.Length == 0) { errors.Add(Error(file, table.Name, row, idColumn.Column.Header, "制度ID を入力してください")); continue; }
            if (programs.TryGetValue(id, out var earlier))
            {
                errors.Add(Error(file, table.Name, row, idColumn.Column.Header, $"制度ID 「{id}」 は {earlier.Row} 行目にもあります。1 つの制度は 1 行にしてください"));
                continue;
            }

            var json = stored?.Invoke(id) is { } record ? JsonSerializer.SerializeToNode(record, ProgramJson.Compact)!.AsObject() : [];
            // Eligibility rules live on the 適格要件 sheet, the rest of eligibility here.
            var rules = json["eligibility"]?["rules"] is JsonArray { Count: > 0 } kept ? kept.DeepClone() : null;
            foreach (var name in owned) json.Remove(name);
            if (rules is not null) json["eligibility"] = new JsonObject { ["rules"] = rules };
            var map = new CellMap();
            map.Add("$", new CellRef(table.Name, row, idColumn.Column.Header, id));
            json["id"] = id;
            var lists = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
            foreach (var c in columns.Skip(1))
            {
                if (!c.Column.IsRead) continue;
                var cell = cells.GetValueOrDefault(c.Number);
                var at = new CellRef(table.Name, row, SheetHeaders.HeaderOf(c), cell.Shown);
                // Mapped even when empty: "is required" must point at the empty cell.
                if (c.Index <= 0) map.Add("$." + c.Column.Path, at);
                if (c.Column.Path.Contains('.')) map.Add("$." + c.Column.Path.Split('.')[0], at);
                if (cell.IsEmpty) continue;
                var value = CellConverter.Convert(file, c.Column, cell, at, errors);
                if (value is null) continue;
                if (c.Column.Kind == CellKind.Choices)
                {
                    if (!lists.TryGetValue(c.Column.Path, out var list)) json[c.Column.Path] = lists[c.Column.Path] = list = [];
                    map.Add($"$.{c.Column.Path}[{list.Count}]", at);
                    list.Add(value);
                    continue;
                }
                Set(json, c.Column.Path, value);
            }
            programs[id] = new ProgramRows(json, map, row);
            order.Add(id);
        }
    }

    private static void ReadTable(string file, SheetTable table, SheetLayout layout, List<(Column Column, int Index, int Number)> columns,
        Func<string, ProgramRecord?>? stored, Dictionary<string, ProgramRows> programs, List<string> order, List<ImportError> errors)
    {
        var idColumn = columns[0];
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        var adoptionKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, cells) in table.Rows)
        {
            if (IsBlank(cells, columns)) continue;
            if (!CheckFormulas(file, table.Name, row, cells, columns, errors)) continue;
            var id = cells.GetValueOrDefault(idColumn.Number).Shown.Trim();
            if (id.Length == 0) { errors.Add(Error(file, table.Name, row, idColumn.Column.Header, "制度ID を入力してください（どの制度の行か）")); continue; }
            if (!programs.TryGetValue(id, out var program))
            {
                if (stored?.Invoke(id) is not { } record)
                {
                    errors.Add(Error(file, table.Name, row, idColumn.Column.Header, stored is null
                        ? $"制度ID 「{id}」 は {WorkbookLayout.ProgramSheet} シートにありません"
                        : $"制度ID 「{id}」 はカタログにありません（先に 制度 シートで追加してください）"));
                    continue;
                }
                // A CSV sheet on its own: the stored record is the base.
                var map = new CellMap();
                map.Add("$", new CellRef(table.Name, row, idColumn.Column.Header, id));
                programs[id] = program = new ProgramRows(JsonSerializer.SerializeToNode(record, ProgramJson.Compact)!.AsObject(), map, row);
                order.Add(id);
            }
            if (replaced.Add(id)) Clear(program.Json, layout);
            var item = new JsonObject();
            var adoption = layout == WorkbookLayout.Evidence ? AdoptionNumber(file, table.Name, row, cells, columns, program.Json, errors) : 0;
            if (adoption < 0) continue;
            var arrayPath = adoption > 0 ? $"adoptions[{adoption - 1}].evidence" : layout.ArrayPath!;
            var array = ArrayAt(program.Json, arrayPath);
            var path = $"$.{arrayPath}[{array.Count}]";
            program.Cells.Add(path, new CellRef(table.Name, row, idColumn.Column.Header, id));
            foreach (var c in columns.Skip(1))
            {
                if (!c.Column.IsRead || c.Column.Path == WorkbookLayout.AdoptionNumberPath) continue;
                var cell = cells.GetValueOrDefault(c.Number);
                var at = new CellRef(table.Name, row, SheetHeaders.HeaderOf(c), cell.Shown);
                program.Cells.Add($"{path}.{c.Column.Path}", at);
                if (c.Column.Path.Contains('.')) program.Cells.Add($"{path}.{c.Column.Path.Split('.')[0]}", at);
                if (cell.IsEmpty) continue;
                var value = CellConverter.Convert(file, c.Column, cell, at, errors);
                if (value is null) continue;
                Set(item, c.Column.Path, value);
            }
            if (layout == WorkbookLayout.Adoptions && !CheckAdoption(file, table.Name, row, id, item, adoptionKeys, errors)) continue;
            if (layout == WorkbookLayout.Evidence && item["basis"]?.GetValue<string>().Trim() == WorkbookLayout.DocumentBasis) item.Remove("basis");
            if (layout == WorkbookLayout.Adoptions && stored?.Invoke(id) is { } before) KeepAdoptionEvidence(item, before);
            array.Add(item);
        }
        // A whole workbook states every table: a program with no row here has none.
        if (stored is null && !layout.ArrayPath!.Contains('.'))
            foreach (var id in order) programs[id].Json[layout.ArrayPath!] ??= new JsonArray();
    }

    /// <summary>Empties what a table sheet states for a program before its rows are read.</summary>
    private static void Clear(JsonObject json, SheetLayout layout)
    {
        if (layout == WorkbookLayout.Evidence)
        {
            json["evidence"] = new JsonArray();
            if (json["adoptions"] is JsonArray adoptions) foreach (var a in adoptions.OfType<JsonObject>()) a["evidence"] = new JsonArray();
            return;
        }
        if (layout == WorkbookLayout.Rules)
        {
            if (json["eligibility"] is not JsonObject eligibility) json["eligibility"] = eligibility = [];
            eligibility["rules"] = new JsonArray();
            return;
        }
        json[layout.ArrayPath!] = new JsonArray();
    }

    private static JsonArray ArrayAt(JsonObject json, string path)
    {
        JsonNode node = json;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            var bracket = part.IndexOf('[');
            node = bracket < 0 ? node[part]! : node[part[..bracket]]![int.Parse(part[(bracket + 1)..^1], CultureInfo.InvariantCulture)]!;
        }
        if (node[parts[^1]] is not JsonArray array) node[parts[^1]] = array = [];
        return array;
    }

    /// <summary>
    /// 採択の番号 of a 根拠 row: 0 for the program's own values, n for its n-th adoption row,
    /// -1 (reported) when the program has no such adoption.
    /// </summary>
    private static int AdoptionNumber(string file, string sheet, int row, Dictionary<int, RawCell> cells, List<(Column Column, int Index, int Number)> columns,
        JsonObject program, List<ImportError> errors)
    {
        var c = columns.First(c => c.Column.Path == WorkbookLayout.AdoptionNumberPath);
        var cell = cells.GetValueOrDefault(c.Number);
        if (cell.IsEmpty) return 0;
        var count = program["adoptions"] is JsonArray a ? a.Count : 0;
        if (CellConverter.Convert(file, c.Column, cell, new CellRef(sheet, row, c.Column.Header, cell.Shown), errors) is not { } value) return -1;
        var n = value.GetValue<int>();
        if (n >= 1 && n <= count) return n;
        errors.Add(Error(file, sheet, row, c.Column.Header, count == 0
            ? $"「{cell.Shown}」: この制度には 採択 シートの行がありません（制度の値の根拠なら空にしてください）"
            : $"「{cell.Shown}」: この制度の採択は 採択 シートに {count} 件です（1〜{count} で指してください）"));
        return -1;
    }

    /// <summary>A 採択 sheet saved as CSV carries no evidence: a row kept as it was keeps the evidence it had.</summary>
    private static void KeepAdoptionEvidence(JsonObject item, ProgramRecord before)
    {
        var kept = before.Adoptions.FirstOrDefault(a => a.Evidence.Count > 0 && a.FiscalYear == item["fiscalYear"]?.GetValue<int>()
            && a.Prefecture == item["prefecture"]?.GetValue<string>() && a.Municipality == (item["municipality"]?.GetValue<string>() ?? "")
            && a.Title == item["title"]?.GetValue<string>() && a.Technology == item["technology"]?.GetValue<string>());
        if (kept is not null) item["evidence"] = JsonSerializer.SerializeToNode(kept.Evidence, ProgramJson.Compact);
    }

    /// <summary>The store keeps one adoption per (年度, 都道府県, 市区町村, 事業名): a second would vanish silently.</summary>
    private static bool CheckAdoption(string file, string sheet, int row, string id, JsonObject item, Dictionary<string, int> keys, List<ImportError> errors)
    {
        var ok = true;
        if (item["source"] is JsonObject source && source["document"] is null)
        {
            errors.Add(Error(file, sheet, row, "出典文書", "出典を書くときは 出典文書 も入力してください"));
            ok = false;
        }
        var key = string.Join("\u0001", id, item["fiscalYear"]?.ToJsonString(), item["prefecture"]?.ToJsonString(), item["municipality"]?.ToJsonString(), item["title"]?.ToJsonString());
        if (keys.TryGetValue(key, out var first))
        {
            errors.Add(Error(file, sheet, row, "市区町村", $"同じ採択（制度ID・年度・都道府県・市区町村・事業名）が {first} 行目にもあります"));
            return false;
        }
        keys[key] = row;
        return ok;
    }

    private static bool IsBlank(Dictionary<int, RawCell> cells, List<(Column Column, int Index, int Number)> columns) =>
        columns.All(c => !c.Column.IsRead || cells.GetValueOrDefault(c.Number).IsEmpty);

    private static bool CheckFormulas(string file, string sheet, int row, Dictionary<int, RawCell> cells, List<(Column Column, int Index, int Number)> columns, List<ImportError> errors)
    {
        var ok = true;
        foreach (var c in columns)
        {
            if (!c.Column.IsRead || cells.GetValueOrDefault(c.Number).Formula is not { } formula) continue;
            errors.Add(Error(file, sheet, row, SheetHeaders.HeaderOf(c), $"数式（={formula}）は使えません。値を入力してください（コピーして「値として貼り付け」）"));
            ok = false;
        }
        return ok;
    }

    private static void Set(JsonObject target, string path, JsonNode value)
    {
        var parts = path.Split('.');
        var o = target;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (o[parts[i]] is not JsonObject child) o[parts[i]] = child = [];
            o = child;
        }
        o[parts[^1]] = value;
    }

    public static ImportError Error(string file, string sheet, int? row, string? header, string message) =>
        new(file, row, null, header, message) { Sheet = sheet };
}
