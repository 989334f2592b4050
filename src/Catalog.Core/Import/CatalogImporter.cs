using Catalog.Core.Changes;
using Catalog.Core.Municipalities;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Core.Store;
using Catalog.Core.Workbook;

namespace Catalog.Core.Import;

/// <summary>
/// Imports seed files or an export: reads everything, validates everything, and only if no
/// error was found writes it all in one transaction. Errors name file, line, record and field.
/// When given the search index, an import that changed the catalogue then rebuilds it, and says
/// so in <see cref="ImportResult.IndexError"/> when that fails. Workbooks and CSV sheets are read
/// within <paramref name="limits"/> (<see cref="FileLimits.Default"/> when not given).
/// </summary>
public sealed class CatalogImporter(ProgramStore store, SearchIndex? index = null, MunicipalityStore? municipalities = null, FileLimits? limits = null)
{
    private readonly FileLimits _limits = limits ?? FileLimits.Default;

    /// <summary>
    /// Imports <paramref name="path"/> as one revision. <see cref="ImportOptions.Replace"/>: the input
    /// is the whole catalogue, so programs and adoption rows it lacks are removed;
    /// <see cref="ImportOptions.DryRun"/>: validate and work out the changes, write nothing.
    /// </summary>
    public ImportResult Import(string path, ImportOptions? options = null) => Run(path, options ?? ImportOptions.Default, write: true);

    /// <summary>Reads and validates like <see cref="Import"/> but writes nothing; the programs come back with their adoptions.</summary>
    public (ImportResult Result, IReadOnlyList<ProgramRecord> Programs, IReadOnlyList<Adoption> LooseAdoptions) Validate(string path, ImportOptions? options = null)
    {
        var programs = new List<ProgramRecord>();
        var loose = new List<Adoption>();
        var result = Run(path, options ?? ImportOptions.Default, write: false, programs, loose);
        return (result, programs, loose);
    }

    private ImportResult Run(string path, ImportOptions options, bool write, List<ProgramRecord>? validated = null, List<Adoption>? validatedLoose = null)
    {
        var errors = new List<ImportError>();
        var programs = new List<(ProgramRecord Record, InputRecord Input)>();
        var adoptions = new List<(Adoption Row, InputRecord Input)>();
        MunicipalMaster? master = null;

        var files = InputReader.Files(path, errors);
        foreach (var file in files)
        foreach (var input in Read(file, options, errors))
        {
            var validator = new RecordValidator(input, errors, options.CheckEvidenceSupport);
            if (input.IsMaster)
            {
                if (master is not null) errors.Add(new(input.File, 1, null, null, "a second municipality master in one import"));
                master = MunicipalityImport.ReadMaster(input, errors);
            }
            else if (input.IsAdoption)
            {
                if (InputReader.ToAdoption(input, errors) is { } a) { validator.Adoption(a); adoptions.Add((a, input)); }
            }
            else if (InputReader.ToProgram(input, errors) is { } p) { validator.Program(p); programs.Add((p, input)); }
        }

        CheckAcrossRecords(programs, adoptions, errors, options.Replace);
        CheckMunicipalities(programs, adoptions, master, errors);
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
        if (!write)
        {
            validated!.AddRange(programs.Select(p => p.Record));
            validatedLoose!.AddRange(loose);
            return new ImportResult([], default, programs.Count, adoptions.Count, []);
        }
        var revision = new RevisionInput(options.Replace ? RevisionKinds.Replace : RevisionKinds.Import, Path.GetFullPath(path), InputHash.Of(path, files));
        var written = store.Write(programs.Select(p => p.Record).ToList(), loose, revision, options.Replace, options.DryRun,
            master is null ? null : (connection, tx) =>
            {
                MunicipalityStore.Replace(connection, tx, master);
                MunicipalityStore.ResolveStored(connection, tx, new MunicipalityDirectory(master), (row, d) => MunicipalityImport.Resolve(row, d, (_, _) => { }));
            });
        var imported = programs.Select(p => new ImportedProgram(p.Record.Id, p.Record.Name, p.Record.Adoptions.Count))
            .OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        return new ImportResult([], written.Counts, programs.Count, imported.Sum(p => p.Adoptions) + loose.Count, imported, written.Commit)
        {
            IndexError = !options.DryRun && written.Commit.Changes.Count > 0 ? Reindex() : null,
        };
    }

    // The import is committed either way; a failed rebuild leaves the previous index serving.
    private string? Reindex()
    {
        if (index is null) return null;
        try
        {
            index.Rebuild();
            return null;
        }
        catch (Exception e) { return $"the search index could not be rebuilt ({e.GetType().Name}: {e.Message}); searches still show the previous catalogue until `reindex` succeeds"; }
    }

    // Adoption rows get their codes from the master of this import, else the stored one; without
    // any master (a bare export), rows keep the codes they carry. Eligibility rules must name
    // programs or families that exist.
    private void CheckMunicipalities(List<(ProgramRecord Record, InputRecord Input)> programs, List<(Adoption Row, InputRecord Input)> adoptions,
        MunicipalMaster? master, List<ImportError> errors)
    {
        var directory = master is not null ? new MunicipalityDirectory(master) : municipalities?.Directory() ?? MunicipalityDirectory.Empty;
        var rows = adoptions.Select(a => (a.Row, a.Input))
            .Concat(programs.SelectMany(p => p.Record.Adoptions.Select((a, i) => (Row: a, Input: p.Input with { Path = $"{p.Input.Path}.adoptions[{i}]" }))));
        foreach (var (row, input) in rows)
        {
            if (!directory.IsEmpty) MunicipalityImport.Resolve(row, input, directory, errors);
            else
                for (var i = 0; i < row.LgCodes.Count; i++)
                    if (LgCode.Problem(row.LgCodes[i]) is { } why)
                        errors.Add(new(input.File, input.Lines.LineOf($"{input.Path}.lgCodes[{i}]"), row.ProgramId, $"lgCodes[{i}]", why));
        }

        // A new master must still hold every adoption already stored outside this import.
        if (master is not null && municipalities is not null)
            foreach (var stored in StoredRowsKept(programs, adoptions))
                MunicipalityImport.Resolve(stored.Adoption, directory, (field, message) => errors.Add(new("(catalogue)", null, stored.ProgramId, field,
                    $"the stored adoption {stored.Adoption.FiscalYear} {stored.Adoption.Prefecture}{stored.Adoption.Municipality} does not resolve in the new master: {message}")));

        var ids = new HashSet<string>(programs.Select(p => p.Record.Id), StringComparer.Ordinal);
        ids.UnionWith(store.Ids());
        var families = new HashSet<string>(programs.Select(p => p.Record.FamilyKey), StringComparer.Ordinal);
        if (municipalities is not null) families.UnionWith(municipalities.ProgramFamilies());
        foreach (var (p, input) in programs) MunicipalityImport.CheckEligibility(p, input, ids, families, errors);
    }

    // Stored adoption rows this import leaves in place: those of programs it does not bring
    // whole, minus the loose rows it brings again (they are replaced by key).
    private List<AdoptionRow> StoredRowsKept(List<(ProgramRecord Record, InputRecord Input)> programs, List<(Adoption Row, InputRecord Input)> adoptions)
    {
        var whole = programs.Select(p => p.Record.Id).ToHashSet(StringComparer.Ordinal);
        var again = adoptions.Select(a => Key(a.Row.ProgramId!, a.Row)).ToHashSet();
        return municipalities!.Adoptions().Where(r => !whole.Contains(r.ProgramId) && !again.Contains(Key(r.ProgramId, r.Adoption))).ToList();
    }

    private static (string, int, string, string, string) Key(string programId, Adoption a) =>
        (programId, a.FiscalYear ?? 0, a.Prefecture ?? "", a.Municipality, a.Title ?? "");

    // A workbook or a CSV sheet becomes the same records a JSON file gives; the rest is shared.
    private IEnumerable<InputRecord> Read(string file, ImportOptions options, List<ImportError> errors) =>
        Path.GetExtension(file).ToLowerInvariant() switch
        {
            var x when x == ".xlsx" || WorkbookReader.Refused.ContainsKey(x) => WorkbookReader.Read(file, _limits, errors),
            ".csv" => CsvSheetReader.Read(file, options.Encoding, store, _limits, errors),
            _ => InputReader.Read(file, errors),
        };

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

        CheckEvidenceReferences(programs, adoptions, known, errors);

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

    // derived-from:<id> must name a record of this import or of the catalogue.
    private static void CheckEvidenceReferences(List<(ProgramRecord Record, InputRecord Input)> programs, List<(Adoption Row, InputRecord Input)> adoptions,
        HashSet<string> known, List<ImportError> errors)
    {
        void Check(List<Evidence> evidence, InputRecord input, string? id, string prefix)
        {
            for (var i = 0; i < evidence.Count; i++)
                if (evidence[i].Basis is { } basis && basis.StartsWith(Evidence.DerivedFromPrefix, StringComparison.Ordinal)
                    && basis[Evidence.DerivedFromPrefix.Length..] is var other && other.Length > 0 && !known.Contains(other))
                    errors.Add(new(input.File, input.Lines.LineOf($"{input.Path}.{prefix}evidence[{i}].basis"), id, $"{prefix}evidence[{i}].basis",
                        $"refers to '{other}', which is neither in this import nor in the catalogue"));
        }
        foreach (var (p, input) in programs)
        {
            Check(p.Evidence, input, p.Id, "");
            for (var i = 0; i < p.Adoptions.Count; i++) Check(p.Adoptions[i].Evidence, input, p.Id, $"adoptions[{i}].");
        }
        foreach (var (a, input) in adoptions) Check(a.Evidence, input, a.ProgramId, "");
    }
}
