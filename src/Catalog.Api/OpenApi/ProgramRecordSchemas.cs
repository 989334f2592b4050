using System.Text.Json.Nodes;
using Catalog.Api.Export;
using Catalog.Core.Export;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Catalog.Api.OpenApi;

/// <summary>
/// The export record in the OpenAPI document, taken from <see cref="ProgramSchema.Json"/> (the
/// schema /api/schema/program.json serves) rather than written again: its $defs become components
/// named Program…, their references follow, and the record itself is <see cref="Record"/>.
/// </summary>
/// <remarks>
/// One difference: the record component leaves out the root's "additionalProperties": false, so a
/// program's detail can be the record and more (allOf). The served schema keeps it.
/// </remarks>
internal static class ProgramRecordSchemas
{
    public const string Record = "ProgramRecord";
    public const string Export = "ProgramExport";

    public static void AddTo(OpenApiDocument document)
    {
        var root = JsonNode.Parse(ProgramSchema.Json)!.AsObject();
        var defs = root["$defs"]!.AsObject();
        foreach (var name in new[] { "$defs", "$schema", "$id", "additionalProperties" }) root.Remove(name);
        root["description"] = $"A support program as exported (schemaVersion {ProgramExporter.SchemaVersion}); {ProgramExporter.SchemaPath} is this schema as JSON Schema.";
        Relink(root);
        foreach (var (name, def) in defs)
        {
            Relink(def!);
            document.AddComponent(ComponentName(name), Parse(def!, document));
        }
        document.AddComponent(Record, Parse(root, document));
        document.AddComponent(Export, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "format=json: the matching programs in one document.",
            Required = new HashSet<string> { "$schema", "schemaVersion", "programs" },
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["$schema"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = ProgramExporter.SchemaPath },
                ["schemaVersion"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = ProgramExporter.SchemaVersion },
                ["programs"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(Record, document) },
            },
        });
    }

    private static string ComponentName(string def) => "Program" + char.ToUpperInvariant(def[0]) + def[1..];

    // "#/$defs/rate" inside the served schema is "#/components/schemas/ProgramRate" here.
    private static void Relink(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["$ref"]?.GetValue<string>() is { } target && target.StartsWith("#/$defs/", StringComparison.Ordinal))
                    o["$ref"] = "#/components/schemas/" + ComponentName(target["#/$defs/".Length..]);
                foreach (var (_, child) in o) if (child is not null) Relink(child);
                break;
            case JsonArray a:
                foreach (var child in a) if (child is not null) Relink(child);
                break;
        }
    }

    private static OpenApiSchema Parse(JsonNode schema, OpenApiDocument document)
    {
        var parsed = OpenApiModelFactory.Parse<OpenApiSchema>(schema.ToJsonString(), OpenApiSpecVersion.OpenApi3_1, document, out var diagnostic, "json");
        if (parsed is null || diagnostic?.Errors.Count > 0)
            throw new InvalidOperationException("The export schema does not read as an OpenAPI schema: " + string.Join("; ", diagnostic?.Errors.Select(e => e.Message) ?? []));
        return parsed;
    }
}
