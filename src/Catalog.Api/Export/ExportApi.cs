using System.ComponentModel;
using System.Text;
using Catalog.Api.OpenApi;
using Catalog.Api.Parameters;
using Catalog.Api.Programs;
using Catalog.Core.Export;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Core.Workbook;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Catalog.Api.Export;

/// <summary>Export of matching programs (JSON, NDJSON, CSV) and the JSON Schema of the export record.</summary>
public static class ExportApi
{
    public static readonly ChoiceParameter FormatRule = new("format", ["json", "ndjson", "csv", "xlsx"], "json");

    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags(ApiTags.Export);
        api.MapGet("/export", ExportPrograms).WithName("ExportPrograms")
            .WithSummary("Download the programs matching a search as JSON, NDJSON, CSV (UTF-8 with BOM, or Shift_JIS) or the staff's Excel workbook (xlsx).")
            .WithParameters([.. SearchParameters.Rules, FormatRule, CsvExport.EncodingRule])
            .AddOpenApiOperationTransformer(DescribeFiles);
        api.MapGet(ProgramExporter.SchemaPath["/api".Length..], GetSchema).WithName("GetProgramSchema")
            .WithSummary("JSON Schema (draft 2020-12) of the export record.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                MediaTypes.Ok(operation).Content = new Dictionary<string, OpenApiMediaType>
                {
                    [SchemaContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema(), Description = "A JSON Schema document." } },
                };
                return Task.CompletedTask;
            });
        return endpoints;
    }

    private const string SchemaContentType = "application/schema+json";

    // One 200 response, a body per format.
    private static Task DescribeFiles(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/json"] = new() { Schema = new OpenApiSchemaReference(ProgramRecordSchemas.Export, context.Document) },
            ["application/x-ndjson"] = MediaTypes.Text($"format=ndjson: one {ProgramRecordSchemas.Record} (JSON) a line."),
            [WorkbookExporter.ContentType] = MediaTypes.Binary("format=xlsx: the workbook staff edit and import back."),
        };
        CsvExport.Describe(content);
        var ok = MediaTypes.Ok(operation);
        ok.Content = content;
        ok.Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["X-Search-Relaxed"] = new OpenApiHeader { Description = "true when no program has every word and the programs with any of them are exported.", Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("true")] } },
        };
        return Task.CompletedTask;
    }

    public static Results<PushStreamHttpResult, ProblemHttpResult> ExportPrograms(
        [AsParameters] SearchParameters parameters,
        [Description("File format; xlsx is the workbook staff edit and import back.")] string? format,
        [Description(CsvExport.EncodingDescription)] string? encoding,
        SearchIndex index, HttpContext context)
    {
        try { format = FormatRule.Parse(format)!; }
        catch (ParameterException e) { return TypedResults.Problem(SearchParameters.Problem(e)); }
        if (CsvExport.TryEncoding(encoding, format == "csv", out var csvEncoding) is { } badEncoding) return TypedResults.Problem(badEncoding);
        if (!parameters.TryBuild(index, out var request, out var problem)) return TypedResults.Problem(problem!);

        var programs = index.Matching(request with { Highlight = false }, out var relaxed);
        // The search shows any-word results when every word together finds nothing; so does the export, and says so.
        if (relaxed) context.Response.Headers["X-Search-Relaxed"] = "true";
        var stamp = request.AsOf.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var file = $"programs-{stamp}.{format}";

        switch (format)
        {
            case "ndjson":
                return TypedResults.Stream(s => ProgramExporter.WriteNdjsonAsync(programs, s), "application/x-ndjson; charset=utf-8", file);
            case "json":
                return TypedResults.Stream(s => ProgramExporter.WriteJsonAsync(programs, s), "application/json; charset=utf-8", file);
            case "xlsx":
                return TypedResults.Stream(s => WriteWorkbookAsync(programs, s), WorkbookExporter.ContentType, file);
        }

        var lines = programs.Select(p => (p.Id, p.Name, Line: CsvExport.Line(CsvExport.Row(p, request.AsOf)))).ToList();
        if (CsvExport.Unencodable(csvEncoding, lines) is { } unencodable) return unencodable;
        return CsvExport.Stream(csvEncoding, CsvExport.Header, lines, file);
    }

    // The package is written synchronously: into a temporary file (memory stays flat), then sent.
    private static async Task WriteWorkbookAsync(IReadOnlyList<ProgramRecord> programs, Stream response)
    {
        await using var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        WorkbookExporter.Write(programs, temp);
        temp.Position = 0;
        await temp.CopyToAsync(response);
    }

    public static ContentHttpResult GetSchema() =>
        TypedResults.Text(ProgramSchema.Json, SchemaContentType, Encoding.UTF8);
}
