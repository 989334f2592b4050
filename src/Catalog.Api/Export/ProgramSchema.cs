namespace Catalog.Api.Export;

/// <summary>
/// JSON Schema (draft 2020-12) of one export record, written by hand to match
/// <see cref="Catalog.Core.Programs.ProgramRecord"/> as <see cref="Catalog.Core.Programs.ProgramJson"/>
/// writes it (camelCase, nulls left out, lists always present). Additive changes only.
/// </summary>
public static class ProgramSchema
{
    public const string Json = """
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "/api/schema/program.json",
      "title": "Support program (export record, schemaVersion 1.1)",
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "name", "aliases", "familyKey", "fiscalYears", "level", "ministry", "kinds", "fields",
                   "caps", "applicants", "requirements", "windows", "selections", "contacts", "related", "sources", "adoptions"],
      "properties": {
        "id": { "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" },
        "name": { "type": "string", "minLength": 1 },
        "aliases": { "type": "array", "items": { "type": "string" } },
        "familyKey": { "type": "string" },
        "variant": { "type": "string" },
        "fiscalYears": { "type": "array", "items": { "type": "integer", "minimum": 1989, "maximum": 2100 } },
        "level": { "enum": ["national", "prefectural", "municipal", "private"] },
        "ministry": { "type": "string" },
        "bureau": { "type": "string" },
        "division": { "type": "string" },
        "organization": { "type": "string" },
        "kinds": { "type": "array", "items": { "type": "string" } },
        "fields": { "type": "array", "items": { "type": "string" } },
        "summary": { "type": "string" },
        "purpose": { "type": "string" },
        "supportContent": { "type": "string" },
        "rate": { "$ref": "#/$defs/rate" },
        "caps": { "type": "array", "items": { "$ref": "#/$defs/cap" } },
        "budget": { "$ref": "#/$defs/budget" },
        "maxDurationText": { "type": "string" },
        "maxDurationYears": { "type": "integer", "minimum": 0 },
        "applicationLimit": { "type": "string" },
        "applicants": { "type": "array", "items": { "type": "string" } },
        "requirements": { "type": "array", "items": { "type": "string" } },
        "windows": { "type": "array", "items": { "$ref": "#/$defs/window" } },
        "selections": { "type": "array", "items": { "$ref": "#/$defs/selection" } },
        "contacts": { "type": "array", "items": { "$ref": "#/$defs/contact" } },
        "related": { "type": "array", "items": { "$ref": "#/$defs/related" } },
        "evidence": { "type": "array", "items": { "$ref": "#/$defs/evidence" } },
        "sources": { "type": "array", "items": { "$ref": "#/$defs/source" } },
        "url": { "type": "string" },
        "notes": { "type": "string" },
        "editorialNotes": { "type": "string", "description": "Notes of whoever transcribed the record; not searched, not shown on public pages." },
        "adoptions": { "type": "array", "items": { "$ref": "#/$defs/adoption" } },
        "eligibility": { "$ref": "#/$defs/eligibility" }
      },
      "$defs": {
        "rate": {
          "type": "object", "additionalProperties": false, "required": ["text", "fractions"],
          "properties": {
            "text": { "type": "string" },
            "kind": { "enum": ["fraction", "fixed", "mixed", "tiered", "none"] },
            "max": { "type": "number", "minimum": 0, "maximum": 1 },
            "fractions": { "type": "array", "items": { "type": "number", "minimum": 0, "maximum": 1 } }
          }
        },
        "cap": {
          "type": "object", "additionalProperties": false, "required": ["text"],
          "properties": {
            "applicant": { "type": "string" },
            "text": { "type": "string" },
            "amountYen": { "type": "integer", "minimum": 0 },
            "per": { "enum": ["year", "project", "total"] },
            "note": { "type": "string" }
          }
        },
        "budget": {
          "type": "object", "additionalProperties": false, "required": ["text", "partOfLarger"],
          "properties": {
            "text": { "type": "string" },
            "fiscalYear": { "type": "integer" },
            "amountYen": { "type": "integer", "minimum": 0 },
            "partOfLarger": { "type": "boolean" }
          }
        },
        "window": {
          "type": "object", "additionalProperties": false, "required": ["yearRound"],
          "properties": {
            "round": { "type": "string" },
            "start": { "type": "string", "format": "date-time" },
            "end": { "type": "string", "format": "date-time" },
            "method": { "type": "string" },
            "note": { "type": "string" },
            "yearRound": { "type": "boolean" }
          }
        },
        "selection": {
          "type": "object", "additionalProperties": false, "required": ["fiscalYear", "count"],
          "properties": {
            "fiscalYear": { "type": "integer" },
            "count": { "type": "integer", "minimum": 0 },
            "note": { "type": "string" }
          }
        },
        "contact": {
          "type": "object", "additionalProperties": false,
          "properties": {
            "division": { "type": "string" }, "phone": { "type": "string" },
            "email": { "type": "string" }, "note": { "type": "string" }
          }
        },
        "related": {
          "type": "object", "additionalProperties": false, "required": ["id", "relation"],
          "properties": { "id": { "type": "string" }, "relation": { "type": "string" } }
        },
        "source": {
          "type": "object", "additionalProperties": false, "required": ["document"],
          "properties": {
            "document": { "type": "string" }, "section": { "type": "string" },
            "title": { "type": "string" }, "date": { "type": "string" }
          }
        },
        "evidence": {
          "description": "Why one value is there: a document and a verbatim quote, or (never both) a basis and a reason.",
          "type": "object", "additionalProperties": false, "required": ["field"],
          "properties": {
            "field": { "type": "string", "description": "JSON path of the value in its record or adoption row: rate, caps[0], windows[1].end" },
            "document": { "type": "string", "description": "file name of a source document the record cites" },
            "quote": { "type": "string", "description": "the phrase of the document that states the value, verbatim (whitespace aside)" },
            "basis": { "type": "string", "pattern": "^(general-knowledge|derived-from:[a-z0-9]+(-[a-z0-9]+)*)$" },
            "reason": { "type": "string" }
          }
        },
        "adoption": {
          "type": "object", "additionalProperties": false, "required": ["municipality"],
          "properties": {
            "programId": { "type": "string" },
            "fiscalYear": { "type": "integer" },
            "prefecture": { "type": "string" },
            "municipality": { "type": "string" },
            "lgCode": { "type": "string", "pattern": "^[0-9]{6}$" },
            "lgCodes": { "type": "array", "items": { "type": "string", "pattern": "^[0-9]{6}$" } },
            "scope": { "enum": ["municipality", "prefecture", "area"] },
            "title": { "type": "string" },
            "technology": { "type": "string" },
            "note": { "type": "string" },
            "evidence": { "type": "array", "items": { "$ref": "#/$defs/evidence" } },
            "source": { "$ref": "#/$defs/source" }
          }
        },
        "eligibility": {
          "type": "object", "additionalProperties": false, "required": ["classes", "excludedClasses", "rules"],
          "properties": {
            "classes": { "type": "array", "items": { "$ref": "#/$defs/municipalClass" } },
            "excludedClasses": { "type": "array", "items": { "$ref": "#/$defs/municipalClass" } },
            "rules": { "type": "array", "items": { "$ref": "#/$defs/eligibilityRule" } },
            "source": { "$ref": "#/$defs/source" }
          }
        },
        "municipalClass": { "enum": ["都道府県", "市区町村", "政令指定都市", "中核市", "特別区", "市", "町", "村", "中枢中核都市"] },
        "eligibilityRule": {
          "type": "object", "additionalProperties": false, "required": ["kind", "fiscalYears", "text"],
          "properties": {
            "kind": { "enum": ["notAdopted", "supportPeriod"] },
            "programId": { "type": "string" },
            "familyKey": { "type": "string" },
            "fiscalYears": { "type": "array", "items": { "type": "integer" } },
            "years": { "type": "integer", "minimum": 1 },
            "extensionYears": { "type": "integer", "minimum": 0 },
            "text": { "type": "string" }
          }
        }
      }
    }
    """;
}
