using System.Text;
using System.Text.Json;
using Catalog.Core.Programs;

namespace Catalog.Core.Export;

/// <summary>
/// Writes records in the export schema: one JSON document ({"schemaVersion", "programs"}) or
/// NDJSON (one record a line). Ordering and formatting are fixed, so the same catalogue always
/// gives the same bytes.
/// </summary>
public static class ProgramExporter
{
    /// <summary>Version of the export record schema; it only ever changes additively.</summary>
    public const string SchemaVersion = "1.1";
    public const string SchemaPath = "/api/schema/program.json";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteJsonAsync(IEnumerable<ProgramRecord> programs, Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, Utf8, 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        await writer.WriteAsync($"{{\n  \"$schema\": \"{SchemaPath}\",\n  \"schemaVersion\": \"{SchemaVersion}\",\n  \"programs\": [");
        var first = true;
        foreach (var p in programs)
        {
            ct.ThrowIfCancellationRequested();
            var json = JsonSerializer.Serialize(p, ProgramJson.Indented).Replace("\n", "\n    ", StringComparison.Ordinal);
            await writer.WriteAsync((first ? "\n    " : ",\n    ") + json);
            first = false;
        }
        await writer.WriteAsync(first ? "]\n}\n" : "\n  ]\n}\n");
    }

    public static async Task WriteNdjsonAsync(IEnumerable<ProgramRecord> programs, Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, Utf8, 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        foreach (var p in programs)
        {
            ct.ThrowIfCancellationRequested();
            await writer.WriteAsync(JsonSerializer.Serialize(p, ProgramJson.Compact) + "\n");
        }
    }
}
