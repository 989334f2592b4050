using Catalog.Core.Programs;
using Catalog.Core.Store;
using Catalog.Core.Workbook;

namespace Catalog.Core.Import;

/// <summary>
/// Imports seed files or an export: reads everything, validates everything, and only if no
/// error was found writes it all in one transaction. Errors name file, line, record and field.
/// </summary>
public sealed class CatalogImporter(ProgramStore store)
{
    public ImportResult Import(string path, ImportOptions? options = null)
    {
        options ??= ImportOptions.Default;
        var errors = new List<ImportError>();
        var programs = new List<(ProgramRecord Record, InputRecord Input)>();
        var adoptions = new List<(Adoption Row, InputRecord Input)>();

        foreach (var file in InputReader.Files(path, errors))
        foreach (var input in Read(file, options, errors))
        {
            var validator = new RecordValidator(input, errors);
            if (input.IsAdoption)
            {
                if (InputReader.ToAdoption(input, errors) is { } a) { validator.Adoption(a); adoptions.Add((a, input)); }
            }
            else if (InputReader.ToProgram(input, errors) is { } p) { validator.Program(p); programs.Add((p, input)); }
        }

        CheckAcrossRecords(programs, adoptions, errors);
        if (errors.Count > 0)
            return new ImportResult(SheetErrors.Localise(errors, programs.Select(p => p.Input)), default, programs.Count, adoptions.Count, []);

        // Adoption tables add to the programs read in the same run; the rest go to stored programs.
        var byId = programs.ToDictionary(p => p.Record.Id, p => p.Record, StringComparer.Ordinal);
        var loose = new List<Adoption>();
        foreach (var (row, _) in adoptions)
        {
            if (byId.TryGetValue(row.ProgramId!, out var owner)) owner.Adoptions.Add(row);
            else loose.Add(row);
        }
        var counts = store.Upsert(programs.Select(p => p.Record).ToList(), loose, Path.GetFullPath(path));
        var imported = programs.Select(p => new ImportedProgram(p.Record.Id, p.Record.Name, p.Record.Adoptions.Count))
            .OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        return new ImportResult([], counts, programs.Count, imported.Sum(p => p.Adoptions) + loose.Count, imported);
    }

    // A workbook or a CSV sheet becomes the same records a JSON file gives; the rest is shared.
    private IEnumerable<InputRecord> Read(string file, ImportOptions options, List<ImportError> errors) =>
        Path.GetExtension(file).ToLowerInvariant() switch
        {
            ".xlsx" => WorkbookReader.Read(file, errors),
            ".csv" => CsvSheetReader.Read(file, options.Encoding, store, errors),
            _ => InputReader.Read(file, errors),
        };

    private void CheckAcrossRecords(List<(ProgramRecord Record, InputRecord Input)> programs, List<(Adoption Row, InputRecord Input)> adoptions, List<ImportError> errors)
    {
        var first = new Dictionary<string, InputRecord>(StringComparer.Ordinal);
        foreach (var (p, input) in programs)
        {
            if (string.IsNullOrEmpty(p.Id)) continue;
            if (first.TryGetValue(p.Id, out var earlier))
                errors.Add(new(input.File, input.Lines.LineOf(input.Path + ".id"), p.Id, "id", $"duplicate id; first defined in {earlier.File}:{earlier.Lines.LineOf(earlier.Path + ".id")}"));
            else first[p.Id] = input;
        }

        var known = new HashSet<string>(first.Keys, StringComparer.Ordinal);
        known.UnionWith(store.Ids());
        foreach (var (p, input) in programs)
            for (var i = 0; i < p.Related.Count; i++)
                if (!string.IsNullOrEmpty(p.Related[i].Id) && !known.Contains(p.Related[i].Id))
                    errors.Add(new(input.File, input.Lines.LineOf($"{input.Path}.related[{i}].id"), p.Id, $"related[{i}].id", $"refers to '{p.Related[i].Id}', which is neither in this import nor in the catalogue"));

        var seen = new Dictionary<(string, int?, string, string, string), InputRecord>();
        foreach (var (a, input) in adoptions)
        {
            if (string.IsNullOrEmpty(a.ProgramId)) continue;
            if (!known.Contains(a.ProgramId))
                errors.Add(new(input.File, input.Lines.LineOf(input.Path + ".programId"), a.ProgramId, "programId", $"refers to '{a.ProgramId}', which is neither in this import nor in the catalogue"));
            var key = (a.ProgramId, a.FiscalYear, a.Prefecture ?? "", a.Municipality, a.Title ?? "");
            if (!seen.TryAdd(key, input))
                errors.Add(new(input.File, input.Lines.LineOf(input.Path), a.ProgramId, "municipality", $"the same adoption ({a.FiscalYear}, {a.Prefecture}{a.Municipality}, {a.Title}) is listed twice"));
        }
    }
}
