namespace Catalog.Core.Import;

/// <summary>One thing wrong with the input, located as precisely as the input allows.</summary>
public sealed record ImportError(string File, int? Line, string? RecordId, string? Field, string Message)
{
    public override string ToString()
    {
        var where = Line is null ? File : $"{File}:{Line}";
        var record = RecordId is null ? "" : $" record '{RecordId}'";
        var field = Field is null ? "" : $" field '{Field}'";
        return $"{where}:{record}{field}: {Message}";
    }
}

public sealed record ImportResult(IReadOnlyList<ImportError> Errors, Store.ImportCounts Counts, int ProgramsRead, int AdoptionsRead,
    IReadOnlyList<ImportedProgram> Programs, Changes.CommitResult? Commit = null)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>A program an import wrote, for its report.</summary>
public sealed record ImportedProgram(string Id, string Name, int Adoptions);
