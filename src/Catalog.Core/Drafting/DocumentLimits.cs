namespace Catalog.Core.Drafting;

/// <summary>
/// What a document given to <c>draft</c> may be: larger, longer or slower ones are refused with one
/// line naming the file and the limit. A real 公募要領 is a few MB and 10–60 pages; the limits leave
/// room for ten times that and stop what is built to exhaust the machine.
/// </summary>
public sealed record DocumentLimits
{
    public long MaxBytes { get; init; } = 20 * 1024 * 1024;
    public int MaxPages { get; init; } = 300;
    /// <summary>Characters of extracted text; past this a document is not one program's notice.</summary>
    public int MaxTextChars { get; init; } = 2_000_000;
    /// <summary>How deep PDF arrays and dictionaries may nest (a real file stays under ten).</summary>
    public int MaxNesting { get; init; } = 64;
    public TimeSpan MaxTime { get; init; } = TimeSpan.FromSeconds(30);

    public static readonly DocumentLimits Default = new();
}

/// <summary>A document that cannot be read as given: the message is the one line the verb or the API shows.</summary>
public sealed class DocumentRefusedException(string message) : Exception(message);
