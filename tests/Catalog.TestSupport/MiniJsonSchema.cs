using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Catalog.Tests.Support;

/// <summary>
/// A validator for the subset of JSON Schema (2020-12) our schema uses: type, enum, properties,
/// required, additionalProperties: false, items, pattern, minLength, minimum, maximum, and local
/// $ref to #/$defs/…. Anything else in the schema is reported, so it cannot pass by being ignored.
/// </summary>
public sealed class MiniJsonSchema(JsonObject root)
{
    private static readonly HashSet<string> Known =
    [
        "$schema", "$id", "title", "description", "type", "enum", "properties", "required",
        "additionalProperties", "items", "pattern", "minLength", "minimum", "maximum", "$ref", "$defs", "format",
    ];

    public List<string> Validate(JsonNode? instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonObject schema, JsonNode? value, string path, List<string> errors)
    {
        foreach (var key in schema.Select(p => p.Key).Where(k => !Known.Contains(k)))
            errors.Add($"{path}: schema keyword '{key}' is not supported by this validator");

        if (schema["$ref"] is { } reference)
        {
            var name = reference.GetValue<string>();
            if (!name.StartsWith("#/$defs/", StringComparison.Ordinal)) { errors.Add($"{path}: unsupported $ref {name}"); return; }
            Check(root["$defs"]![name["#/$defs/".Length..]]!.AsObject(), value, path, errors);
        }
        if (schema["type"] is { } type)
        {
            var allowed = type is JsonArray a ? a.Select(t => t!.GetValue<string>()).ToList() : [type.GetValue<string>()];
            if (!allowed.Any(t => HasType(value, t))) { errors.Add($"{path}: expected {string.Join("|", allowed)}, got {Describe(value)}"); return; }
        }
        if (schema["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
            errors.Add($"{path}: {Describe(value)} is not one of {options.ToJsonString()}");

        if (value is JsonObject obj)
        {
            var properties = schema["properties"] as JsonObject;
            foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()))
                if (!obj.ContainsKey(required)) errors.Add($"{path}: required property '{required}' is missing");
            foreach (var (name, child) in obj)
            {
                if (properties?[name] is JsonObject childSchema) Check(childSchema, child, $"{path}.{name}", errors);
                else if (schema["additionalProperties"] is JsonValue ap && !ap.GetValue<bool>()) errors.Add($"{path}: property '{name}' is not allowed");
            }
        }
        if (value is JsonArray array && schema["items"] is JsonObject items)
            for (var i = 0; i < array.Count; i++) Check(items, array[i], $"{path}[{i}]", errors);
        if (value is JsonValue v && v.TryGetValue<string>(out var s))
        {
            if (schema["pattern"] is { } pattern && !Regex.IsMatch(s, pattern.GetValue<string>())) errors.Add($"{path}: '{s}' does not match {pattern}");
            if (schema["minLength"] is { } minLength && s.Length < minLength.GetValue<int>()) errors.Add($"{path}: shorter than {minLength}");
        }
        if (value is JsonValue n && n.TryGetValue<decimal>(out var number))
        {
            if (schema["minimum"] is { } min && number < min.GetValue<decimal>()) errors.Add($"{path}: {number} < {min}");
            if (schema["maximum"] is { } max && number > max.GetValue<decimal>()) errors.Add($"{path}: {number} > {max}");
        }
    }

    private static bool HasType(JsonNode? value, string type) => type switch
    {
        "null" => value is null,
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String,
        "boolean" => value is JsonValue b && b.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
        "number" => value is JsonValue n && n.GetValueKind() == System.Text.Json.JsonValueKind.Number,
        "integer" => value is JsonValue i && i.GetValueKind() == System.Text.Json.JsonValueKind.Number && decimal.TryParse(i.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d),
        _ => false,
    };

    private static string Describe(JsonNode? value) => value?.ToJsonString() ?? "null";
}
