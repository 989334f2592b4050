using System.Text.Json.Serialization;

namespace Catalog.Core.Programs;

/// <summary>
/// Why one value of a record is there: either a verbatim quote from a source document
/// (<see cref="Document"/> and <see cref="Quote"/>), or another basis stated openly
/// (<see cref="Basis"/> and <see cref="Reason"/>). See seed/README.md, "Evidence".
/// </summary>
public sealed class Evidence
{
    /// <summary>JSON path of the value inside its record: name, caps[0], windows[1].end, applicants.</summary>
    public string Field { get; set; } = "";
    /// <summary>File name of a document the record lists in its sources.</summary>
    public string? Document { get; set; }
    /// <summary>The phrase of the document that states the value, verbatim (whitespace aside).</summary>
    public string? Quote { get; set; }
    /// <summary>general-knowledge or derived-from:&lt;record id&gt;, when no document states the value.</summary>
    public string? Basis { get; set; }
    /// <summary>One line: why the value is kept although no document states it.</summary>
    public string? Reason { get; set; }

    public const string GeneralKnowledge = "general-knowledge";
    public const string DerivedFromPrefix = "derived-from:";

    /// <summary>True when a document states the value.</summary>
    [JsonIgnore]
    public bool IsDocumented => Document is not null;
}
