namespace Catalog.Api.OpenApi;

/// <summary>The document's tags: each endpoint names one, and the document describes each once.</summary>
public static class ApiTags
{
    public const string Programs = "Programs";
    public const string Export = "Export";
    public const string Municipalities = "Municipalities";
    public const string Adoptions = "Adoptions";
    public const string Changes = "Changes";
    public const string Feeds = "Feeds";
    public const string Health = "Health";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [Programs] = "Search the catalogue of support programs, read one, complete a search box, the home page's lists and the closed vocabularies.",
        [Export] = "The programs a search returns as JSON, NDJSON, CSV or the staff's workbook, and the export record's JSON Schema.",
        [Municipalities] = "Prefectures and municipalities: find one, its classes, adoptions and peers, and its verdict for every program.",
        [Adoptions] = "Adoptions (採択) of programs by municipalities, with facet counts.",
        [Changes] = "The catalogue's history: what changed in which revision.",
        [Feeds] = "Subscriptions for a search: an Atom feed of changes and an iCalendar feed of application windows.",
        [Health] = "Liveness and readiness.",
    };
}
