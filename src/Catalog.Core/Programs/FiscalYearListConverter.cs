using System.Text.Json;
using System.Text.Json.Serialization;
using Catalog.Core.Notation;

namespace Catalog.Core.Programs;

/// <summary>Reads fiscal years as numbers (2021) or as 年度 text (令和3年度); always writes numbers.</summary>
public sealed class FiscalYearListConverter : JsonConverter<List<int>>
{
    public override List<int> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("fiscalYears must be an array");
        var years = new List<int>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var n)) years.Add(n);
            else if (reader.TokenType == JsonTokenType.String && Wareki.TryParseFiscalYear(reader.GetString()!, out var fy)) years.Add(fy);
            else throw new JsonException($"'{(reader.TokenType == JsonTokenType.String ? reader.GetString() : reader.TokenType.ToString())}' is not a fiscal year (2021 or 令和3年度)");
        }
        return years;
    }

    public override void Write(Utf8JsonWriter writer, List<int> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var y in value) writer.WriteNumberValue(y);
        writer.WriteEndArray();
    }
}
