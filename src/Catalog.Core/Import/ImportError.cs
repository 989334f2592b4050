namespace Catalog.Core.Import;

/// <summary>One thing wrong with the input, located as precisely as the input allows.</summary>
public sealed record ImportError(string File, int? Line, string? RecordId, string? Field, string Message)
{
    /// <summary>
    /// For a workbook or CSV sheet: the sheet as staff see it. Line is then the row and Field the
    /// column header, and the message is in Japanese.
    /// </summary>
    public string? Sheet { get; init; }

    /// <summary>For a value its quotes do not state: what a sheet needs to name the 根拠 rows of those quotes.</summary>
    internal UnstatedValue? Unstated { get; init; }

    public override string ToString()
    {
        if (Sheet is not null)
        {
            var row = Line is null ? "" : $" {Line} 行目";
            var header = Field is null ? "" : $" 「{Field}」";
            return $"{File}: {Sheet} シート{row}{header}: {Message}";
        }
        var where = Line is null ? File : $"{File}:{Line}";
        var record = RecordId is null ? "" : $" record '{RecordId}'";
        var field = Field is null ? "" : $" field '{Field}'";
        return record.Length + field.Length == 0 ? $"{where}: {Message}" : $"{where}:{record}{field}: {Message}";
    }
}

/// <summary>A value (shown as the record holds it) and the evidence entries that quote something else: their paths (evidence[4]) and quotes.</summary>
internal sealed record UnstatedValue(string Value, Audit.ValueKind Kind, IReadOnlyList<(string Path, string Quote)> Quotes);

public sealed record ImportResult(IReadOnlyList<ImportError> Errors, Store.ImportCounts Counts, int ProgramsRead, int AdoptionsRead,
    IReadOnlyList<ImportedProgram> Programs, Changes.CommitResult? Commit = null)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Why the search index could not follow a committed import (searches keep the previous index); null when it did.</summary>
    public string? IndexError { get; init; }
}

/// <summary>A program an import wrote, for its report.</summary>
public sealed record ImportedProgram(string Id, string Name, int Adoptions);
