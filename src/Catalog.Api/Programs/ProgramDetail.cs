using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Catalog.Api.OpenApi;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Core.Store;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Catalog.Api.Programs;

/// <summary>
/// GET /api/programs/{id}: the export record's members (<see cref="Record"/>) and beside them what
/// the detail adds: the status at asOf, the forecast next call, the related programs by name and
/// the family's other years. The OpenAPI document says so with allOf.
/// </summary>
public sealed record ProgramDetail(
    string? Status, string? NextDeadline, int? DaysLeft, int? EndedFiscalYear, CallForecast? Forecast,
    IReadOnlyList<RelatedProgramName> RelatedPrograms,
    [property: System.ComponentModel.Description("The family's other years and menus, newest first: how the program ran before and after.")]
    IReadOnlyList<FamilyMember> Family)
{
    /// <summary>The record as the export writes it; its members are written beside the ones above.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Record { get; init; }

    public static ProgramDetail Of(ProgramWithRelations found, DateTimeOffset when, SearchIndex index)
    {
        var program = found.Program;
        var status = ProgramStatus.At(program, when);
        var family = found.Family
            .OrderByDescending(o => o.FiscalYears.DefaultIfEmpty(0).Max()).ThenBy(o => o.Id, StringComparer.Ordinal)
            .Select(o =>
            {
                var otherStatus = ProgramStatus.At(o, when).Status;
                return new FamilyMember(o.Id, o.Name, o.Variant, o.FiscalYears, otherStatus, ProgramStatus.EndedFiscalYear(o, otherStatus));
            });
        return new ProgramDetail(status.Status, status.NextDeadline is { } d ? SearchFormat.Time(d) : null,
            ProgramStatus.DaysLeft(status.NextDeadline, when), ProgramStatus.EndedFiscalYear(program, status.Status), index.Forecast(program.Id, when),
            [.. program.Related.Select(r => new RelatedProgramName(r.Id, found.RelatedNames.GetValueOrDefault(r.Id), r.Relation))], [.. family])
        {
            Record = JsonSerializer.SerializeToElement(program, ProgramJson.Compact).EnumerateObject().ToDictionary(p => p.Name, p => p.Value),
        };
    }

    /// <summary>The 200 response: the export record (as /api/schema/program.json has it) and the members above.</summary>
    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var json = operation.Responses![StatusCodes.Status200OK.ToString(CultureInfo.InvariantCulture)].Content!["application/json"];
        json.Schema = new OpenApiSchema { AllOf = [new OpenApiSchemaReference(ProgramRecordSchemas.Record, context.Document), json.Schema!] };
        return Task.CompletedTask;
    }
}

/// <summary>A program the record names as related; <c>Name</c> is null when the catalogue does not hold it. Not called RelatedProgram: the export record's type of that name (id alone) has its own schema.</summary>
public sealed record RelatedProgramName(string Id, string? Name, string Relation);

/// <summary>Another year or menu of the same family.</summary>
public sealed record FamilyMember(string Id, string Name, string? Variant, IReadOnlyList<int> FiscalYears, string? Status, int? EndedFiscalYear);
