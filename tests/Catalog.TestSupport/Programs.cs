using Catalog.Core.Programs;

namespace Catalog.Tests.Support;

/// <summary>Small valid program records for tests to arrange with.</summary>
public static class Programs
{
    public static ProgramRecord Make(string id, string name, string? summary = null, string ministry = "内閣府",
        string[]? kinds = null, string[]? fields = null, string[]? applicants = null, int[]? years = null,
        decimal? rateMax = null, long? capYen = null, ApplicationWindow[]? windows = null, string level = "national",
        string[]? aliases = null)
        => new()
        {
            Id = id,
            Name = name,
            FamilyKey = id,
            Aliases = [.. aliases ?? []],
            Summary = summary,
            Level = level,
            Ministry = ministry,
            Kinds = [.. kinds ?? ["補助金"]],
            Fields = [.. fields ?? []],
            Applicants = [.. applicants ?? ["市区町村"]],
            FiscalYears = [.. years ?? [2024]],
            Rate = rateMax is null ? null : new SubsidyRate { Text = rateMax.ToString()!, Max = rateMax, Kind = "fraction", Fractions = [rateMax.Value] },
            Caps = capYen is null ? [] : [new Cap { Text = $"{capYen}円", AmountYen = capYen }],
            Windows = [.. windows ?? []],
            Sources = [new Source { Document = "test.txt" }],
        };

    public static ApplicationWindow Window(string start, string end) => new() { Start = start, End = end };
}
