using Catalog.Core.Changes;
using Catalog.Core.Programs;
using Catalog.Core.Store;

namespace Catalog.Core.Import;

/// <summary>
/// Imports seed files or an export: reads everything, validates everything, and only if no
/// error was found writes it all in one transaction. Errors name file, line, record and field.
/// </summary>
public sealed class CatalogImporter(ProgramStore store)
{
    public ImportResult Import(string path) => Import(path, new ImportOptions());

    /// <summary>
    /// Imports <paramref name="path"/> as one revision. <see cref="ImportOptions.Replace"/>: the input
    /// is the whole catalogue, so programs and adoption rows it lacks are removed;
    /// <see cref="ImportOptions.DryRun"/>: validate and work out the changes, write nothing.
    /// </summary>
    public ImportResult Import(string path, ImportOptions options)
    {
        var errors = new List<ImportError>();
        var programs = new List<(ProgramRecord Record, InputRecord Input)>();
        var adoptions = new List<(Adoption Row, InputRecord Input)>();

        var files = InputReader.Files(path, errors);
        foreach (var file in files)
        foreach (var input in InputReader.Read(file, errors))
        {
            var validator = new RecordValidator(input, errors);
            if (input.IsAdoption)
            {
                if (InputReader.ToAdoption(input, errors) is { } a) { validator.Adoption(a); adoptions.Add((a, input)); }
            }
            else if (InputReader.ToProgram(input, errors) is { } p) { validator.Program(p); programs.Add((p, input)); }
        }

        CheckAcrossRecords(programs, adoptions, errors, options.Replace);
        if (errors.Count > 0) return new ImportResult(errors, default, programs.Count, adoptions.Count, []);

        // Adoption tables add to the programs read in the same run; the rest go to stored programs.
        var byId = programs.ToDictionary(p => p.Record.Id, p => p.Record, StringComparer.Ordinal);
        var loose = new List<Adoption>();
        foreach (var (row, _) in adoptions)
        {
            if (byId.TryGetValue(row.ProgramId!, out var owner)) owner.Adoptions.Add(row);
            else loose.Add(row);
        }
        var revision = new RevisionInput(options.Replace ? RevisionKinds.Replace : RevisionKinds.Import, Path.GetFullPath(path), InputHash.Of(path, files));
        var written = store.Write(programs.Select(p => p.Record).ToList(), loose, revision, options.Replace, options.DryRun);
        var imported = programs.Select(p => new ImportedProgram(p.Record.Id, p.Record.Name, p.Record.Adoptions.Count))
            .OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        return new ImportResult([], written.Counts, programs.Count, imported.Sum(p => p.Adoptions) + loose.Count, imported, written.Commit);
    }

    private void CheckAcrossRecords(List<(ProgramRecord Record, InputRecord Input)> programs, List<(Adoption Row, InputRecord Input)> adoptions, List<ImportError> errors, bool replace)
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
        // A replacing input is the whole catalogue: what it refers to must be in it.
        if (!replace) known.UnionWith(store.Ids());
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

/// <summary>How to import: <see cref="Replace"/> removes what the input lacks; <see cref="DryRun"/> writes nothing.</summary>
public sealed record ImportOptions(bool Replace = false, bool DryRun = false);
