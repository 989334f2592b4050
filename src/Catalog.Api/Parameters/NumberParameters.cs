using System.Globalization;
using Microsoft.OpenApi;

namespace Catalog.Api.Parameters;

/// <summary>A whole number in a range (page, pageSize, limit): digits only, no sign.</summary>
public sealed record WholeNumberParameter(string Name, int Min, int Max, int Default) : QueryParameter(Name)
{
    /// <summary>False when leaving the parameter out means something other than <see cref="Default"/> (the calendar's "all").</summary>
    public bool DocumentDefault { get; init; } = true;

    public int Parse(string? raw)
    {
        if (raw is null) return Default;
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < Min || n > Max)
            throw Invalid($"{Name} '{raw}' must be a whole number from {Min} to {Max}");
        return n;
    }

    public override OpenApiSchema ValueSchema() => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = Min.ToString(CultureInfo.InvariantCulture),
        Maximum = Max == int.MaxValue ? null : Max.ToString(CultureInfo.InvariantCulture),
        Default = DocumentDefault ? Default : null,
    };
}

/// <summary>An amount in yen: digits only (no sign, separators or 万/億).</summary>
public sealed record AmountParameter(string Name) : QueryParameter(Name)
{
    public long? Parse(string? raw)
    {
        if (raw is null) return null;
        if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw Invalid($"{Name} '{raw}' must be an amount in yen, digits only (e.g. 100000000)");
        return n;
    }

    public override OpenApiSchema ValueSchema() => new() { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" };
}

/// <summary>A share from 0 to 1 as a decimal (0.5 for 1/2).</summary>
public sealed record FractionParameter(string Name) : QueryParameter(Name)
{
    public decimal? Parse(string? raw)
    {
        if (raw is null) return null;
        if (!decimal.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var r) || r > 1)
            throw Invalid($"{Name} '{raw}' must be a decimal from 0 to 1 (e.g. 0.5 for 1/2)");
        return r;
    }

    public override OpenApiSchema ValueSchema() => new() { Type = JsonSchemaType.Number, Minimum = "0", Maximum = "1" };
}

/// <summary>true or false (also 1 or 0, any case); absent or empty is the default.</summary>
public sealed record FlagParameter(string Name, bool Default) : QueryParameter(Name)
{
    public bool Parse(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        null or "" => Default,
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw Invalid($"{Name} '{raw}' must be true or false"),
    };

    public override OpenApiSchema ValueSchema() => new() { Type = JsonSchemaType.Boolean, Default = Default };
}
