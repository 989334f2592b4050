using System.Globalization;
using System.Text.Json.Nodes;

namespace Catalog.Core.Changes;

/// <summary>One field that differs between two versions of an entity: where, what it was, what it became.</summary>
public sealed record FieldChange(string Path, JsonNode? Before, JsonNode? After);

/// <summary>Field-level differences between two canonical JSON documents.</summary>
public static class JsonDiff
{
    /// <summary>
    /// Paths in the camelCase form of the record (windows[0].end, caps[1].amountYen). Objects are
    /// compared key by key; arrays index by index, with the longer side's tail as added or removed
    /// elements; a scalar that differs, or a value that changes type, is one change.
    /// </summary>
    public static List<FieldChange> Compare(string? beforeJson, string? afterJson)
    {
        var changes = new List<FieldChange>();
        Walk("", beforeJson is null ? null : JsonNode.Parse(beforeJson), afterJson is null ? null : JsonNode.Parse(afterJson), changes);
        return changes;
    }

    private static void Walk(string path, JsonNode? before, JsonNode? after, List<FieldChange> changes)
    {
        if (JsonNode.DeepEquals(before, after)) return;
        switch (before, after)
        {
            case (JsonObject b, JsonObject a):
                foreach (var (key, value) in b) Walk(Join(path, key), value, a[key], changes);
                foreach (var (key, value) in a) if (!b.ContainsKey(key)) Walk(Join(path, key), null, value, changes);
                return;
            case (JsonArray b, JsonArray a):
                for (var i = 0; i < Math.Max(b.Count, a.Count); i++)
                    Walk($"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", i < b.Count ? b[i] : null, i < a.Count ? a[i] : null, changes);
                return;
            default:
                changes.Add(new FieldChange(path, before?.DeepClone(), after?.DeepClone()));
                return;
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}

/// <summary>The stored form of field changes: a JSON array of {path, before, after} (an absent side is left out).</summary>
public static class FieldChanges
{
    public static string Serialize(IReadOnlyList<FieldChange> changes)
    {
        var array = new JsonArray();
        foreach (var c in changes)
        {
            var o = new JsonObject { ["path"] = c.Path };
            if (c.Before is not null) o["before"] = c.Before.DeepClone();
            if (c.After is not null) o["after"] = c.After.DeepClone();
            array.Add(o);
        }
        return array.ToJsonString(Programs.ProgramJson.Compact);
    }

    public static List<FieldChange> Deserialize(string? json)
    {
        if (json is null) return [];
        return JsonNode.Parse(json)!.AsArray()
            .Select(n => new FieldChange(n!["path"]!.GetValue<string>(), n["before"]?.DeepClone(), n["after"]?.DeepClone()))
            .ToList();
    }
}
