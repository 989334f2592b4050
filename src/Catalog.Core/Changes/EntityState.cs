using System.Text.Json;
using Catalog.Core.Programs;

namespace Catalog.Core.Changes;

/// <summary>Kinds of entity that revisions cover; master data adds its own kind here.</summary>
public static class EntityKinds
{
    public const string Program = "program";
    public const string Adoption = "adoption";
}

/// <summary>What a change did to an entity.</summary>
public static class ChangeTypes
{
    public const string Added = "added";
    public const string Changed = "changed";
    public const string Removed = "removed";
}

/// <summary>
/// One entity of the catalogue as stored: its kind, its key, the program it belongs to (if any)
/// and its canonical JSON (the exact text the store keeps, so a restored entity exports the same bytes).
/// </summary>
public sealed record EntityState(string Kind, string Key, string? ProgramId, string Json)
{
    public static EntityState ForProgram(ProgramRecord program) =>
        new(EntityKinds.Program, program.Id, program.Id, ProgramJsonWithoutAdoptions(program));

    /// <summary>An adoption row of <paramref name="programId"/>; the row's own ProgramId is left out of its JSON.</summary>
    public static EntityState ForAdoption(string programId, Adoption adoption)
    {
        var row = JsonSerializer.Deserialize<Adoption>(JsonSerializer.Serialize(adoption, ProgramJson.Compact), ProgramJson.Compact)!;
        row.ProgramId = null;
        return new(EntityKinds.Adoption, AdoptionKey(programId, row), programId, JsonSerializer.Serialize(row, ProgramJson.Compact));
    }

    /// <summary>The natural key of an adoption row (the store's unique index) as a compact JSON array.</summary>
    public static string AdoptionKey(string programId, Adoption a) =>
        JsonSerializer.Serialize(new object?[] { programId, a.FiscalYear ?? 0, a.Prefecture ?? "", a.Municipality, a.Title ?? "" }, ProgramJson.Compact);

    /// <summary>The record without its adoptions, which are entities of their own.</summary>
    /// Written from a JSON tree so the caller's record is never touched (another thread may be reading it).
    public static string ProgramJsonWithoutAdoptions(ProgramRecord program)
    {
        var node = JsonSerializer.SerializeToNode(program, ProgramJson.Compact)!.AsObject();
        node["adoptions"] = new System.Text.Json.Nodes.JsonArray();
        return node.ToJsonString(ProgramJson.Compact);
    }

    /// <summary>A short human label: the program's name, or the adoption's place and title.</summary>
    public string Label()
    {
        using var doc = JsonDocument.Parse(Json);
        var root = doc.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return Kind switch
        {
            EntityKinds.Program => Text("name") ?? Key,
            EntityKinds.Adoption => string.Join(" ", new[] { Text("prefecture") + Text("municipality"), Text("title") }.Where(s => !string.IsNullOrEmpty(s))),
            _ => Text("name") ?? Key,
        };
    }
}
