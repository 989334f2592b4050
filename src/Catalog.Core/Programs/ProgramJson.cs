using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Catalog.Core.Programs;

/// <summary>The one JSON form of a record: camelCase, nulls left out, Japanese kept readable.</summary>
public static class ProgramJson
{
    /// <summary>Indented, for seed files and the JSON export.</summary>
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    /// <summary>One line per record, for NDJSON and the store.</summary>
    public static readonly JsonSerializerOptions Compact = Create(indented: false);

    /// <summary>Reading: an unknown property is an error, so a misspelt field never vanishes silently.</summary>
    public static readonly JsonSerializerOptions Strict = new(Compact)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Readable Japanese in files and exports; JSON is never embedded in HTML here.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            IndentSize = 2,
            NewLine = "\n",
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize(ProgramRecord record, bool indented = false) =>
        JsonSerializer.Serialize(record, indented ? Indented : Compact);
}
