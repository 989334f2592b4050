using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Catalog.Core.Notation;
using Catalog.Core.Programs;
using Microsoft.OpenApi;

namespace Catalog.Api.Parameters;

/// <summary>
/// A point in time: an ISO date (JST; its start, or its end when <see cref="EndOfDay"/>) or an ISO
/// date-time. A date-time without an offset is JST, unless <see cref="OffsetRequired"/>.
/// </summary>
public sealed partial record TimeParameter(string Name, bool EndOfDay, bool OffsetRequired = false) : QueryParameter(Name)
{
    private static readonly string[] WithOffset = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];
    private static readonly string[] Local = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"];

    // The local forms above, for the document: minutes, optionally seconds and a fraction.
    private const string LocalPattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$";

    [GeneratedRegex(@"(Z|[+-]\d\d:?\d\d)$")]
    private static partial Regex Offset();

    public DateTimeOffset? Parse(string? raw)
    {
        if (raw is null) return null;
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ProgramStatus.Jst);
            return EndOfDay ? start.AddDays(1).AddTicks(-1) : start;
        }
        var hasOffset = Offset().IsMatch(raw);
        if ((hasOffset || !OffsetRequired)
            && DateTimeOffset.TryParseExact(raw, [.. WithOffset, .. OffsetRequired ? [] : Local], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
            return (hasOffset ? t : new DateTimeOffset(t.UtcDateTime, ProgramStatus.Jst)).ToOffset(ProgramStatus.Jst);
        throw Invalid($"{Name} '{raw}' is not an ISO date (2024-05-10) or date-time (2024-05-10T12:00:00+09:00)");
    }

    public override OpenApiSchema ValueSchema()
    {
        List<IOpenApiSchema> forms =
        [
            new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
            new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        ];
        if (!OffsetRequired)
            forms.Add(new OpenApiSchema { Type = JsonSchemaType.String, Pattern = LocalPattern, Description = "A date-time without an offset, read as JST." });
        return new OpenApiSchema { AnyOf = forms, Examples = [JsonValue.Create("2025-04-01"), JsonValue.Create("2025-04-01T09:00:00+09:00")] };
    }
}

/// <summary>
/// A 年度 as the Gregorian year it starts in (2021) or as written (令和3年度, R3年度, 2021年度);
/// with <see cref="Unknown"/>, also that word for rows without a year (null).
/// </summary>
public sealed record FiscalYearParameter(string Name, string? Unknown = null) : QueryParameter(Name)
{
    private const int First = 1989, Last = 2100;

    public int? Parse(string raw)
    {
        if (Unknown is not null && raw == Unknown) return null;
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= First and <= Last) return y;
        if (Wareki.TryParseFiscalYear(raw, out var fy)) return fy;
        throw Invalid($"{Name} '{raw}' is not a 年度; give the Gregorian start year, e.g. 2021 for 令和3年度"
            + (Unknown is null ? "" : $", or '{Unknown}'"));
    }

    public override OpenApiSchema ValueSchema()
    {
        List<IOpenApiSchema> forms =
        [
            new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = First.ToString(CultureInfo.InvariantCulture), Maximum = Last.ToString(CultureInfo.InvariantCulture) },
            new OpenApiSchema { Type = JsonSchemaType.String, Pattern = Wareki.FiscalYearRegex, Description = "年度 as written: 令和3年度, R3年度, 令和元年度, 2021年度." },
        ];
        if (Unknown is not null)
            forms.Add(new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(Unknown)], Description = "Rows without a year." });
        return new OpenApiSchema { AnyOf = forms };
    }
}
