using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Api.OpenApi;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Core.Store;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Catalog.Api.Programs;

/// <summary>
/// What GET /api/programs/{id} adds to the export record: the status at asOf, the forecast next
/// call, the related programs by name and the family's other years. The response is the record's
/// JSON with these members after it; the OpenAPI document says so with allOf.
/// </summary>
public sealed record ProgramFacts(
    string? Status, string? NextDeadline, int? DaysLeft, int? EndedFiscalYear, CallForecast? Forecast,
    IReadOnlyList<RelatedProgram> RelatedPrograms,
    [property: System.ComponentModel.Description("The family's other years and menus, newest first: how the program ran before and after.")]
    IReadOnlyList<FamilyMember> Family)
{
    public static JsonObject Of(ProgramRecord program, DateTimeOffset when, ProgramStore store, SearchIndex index)
    {
        var status = ProgramStatus.At(program, when);
        var names = program.Related.Count == 0 ? null : store.Names(program.Related.Select(r => r.Id));
        var family = store.Family(program.FamilyKey).Where(o => o.Id != program.Id)
            .OrderByDescending(o => o.FiscalYears.DefaultIfEmpty(0).Max()).ThenBy(o => o.Id, StringComparer.Ordinal)
            .Select(o =>
            {
                var otherStatus = ProgramStatus.At(o, when).Status;
                return new FamilyMember(o.Id, o.Name, o.Variant, o.FiscalYears, otherStatus, ProgramStatus.EndedFiscalYear(o, otherStatus));
            });
        var facts = new ProgramFacts(status.Status, status.NextDeadline is { } d ? SearchFormat.Time(d) : null,
            ProgramStatus.DaysLeft(status.NextDeadline, when), ProgramStatus.EndedFiscalYear(program, status.Status), index.Forecast(program.Id, when),
            [.. program.Related.Select(r => new RelatedProgram(r.Id, names!.GetValueOrDefault(r.Id), r.Relation))], [.. family]);
        return JsonSerializer.SerializeToNode(facts, JsonSerializerOptions.Web)!.AsObject();
    }

    /// <summary>The 200 response: the export record (as /api/schema/program.json has it) and these members.</summary>
    public static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document!;
        document.AddComponent(nameof(ProgramFacts), await context.GetOrCreateSchemaAsync(typeof(ProgramFacts), cancellationToken: ct));
        var json = operation.Responses![StatusCodes.Status200OK.ToString()].Content!["application/json"];
        json.Schema = new OpenApiSchema
        {
            AllOf = [new OpenApiSchemaReference(ProgramRecordSchemas.Record, document), new OpenApiSchemaReference(nameof(ProgramFacts), document)],
        };
    }
}

/// <summary>A program the record names as related; <c>Name</c> is null when the catalogue does not hold it.</summary>
public sealed record RelatedProgram(string Id, string? Name, string Relation);

/// <summary>Another year or menu of the same family.</summary>
public sealed record FamilyMember(string Id, string Name, string? Variant, IReadOnlyList<int> FiscalYears, string? Status, int? EndedFiscalYear);
