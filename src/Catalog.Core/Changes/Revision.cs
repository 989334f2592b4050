namespace Catalog.Core.Changes;

/// <summary>One change to one entity in a revision (or, in a dry run, a change that would be made).</summary>
public sealed record EntityChange(string Kind, string Key, string? ProgramId, string Change, string Label,
    string? AfterJson, IReadOnlyList<FieldChange> Fields);

/// <summary>A revision: its number, when, what made it and where that input came from, and program counts.</summary>
public sealed record RevisionSummary(long Number, DateTimeOffset Time, string Kind, string Source, string? Sha256,
    long? RevertedTo, int Added, int Changed, int Removed);

/// <summary>A change as history reports it: the entity change and the revision it belongs to.</summary>
public sealed record ChangeEntry(RevisionSummary Revision, EntityChange Change);

/// <summary>What made a revision: import, replace, revert, baseline (the catalogue as found when history began) or write.</summary>
public sealed record RevisionInput(string Kind, string Source, string? Sha256 = null, long? RevertedTo = null);

/// <summary>The outcome of a write: the revision it made (none when nothing changed or in a dry run) and its changes.</summary>
public sealed record CommitResult(long? Revision, IReadOnlyList<EntityChange> Changes);

public static class RevisionKinds
{
    public const string Baseline = "baseline";
    public const string Import = "import";
    public const string Replace = "replace";
    public const string Revert = "revert";
    public const string Write = "write";
}
