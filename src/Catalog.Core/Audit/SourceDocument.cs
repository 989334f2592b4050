using System.Text;
using System.Text.RegularExpressions;

namespace Catalog.Core.Audit;

/// <summary>
/// A stored source document: the text as retrieved, after a header that says where it came
/// from (address, publisher, the date the page states, when it was retrieved, its licence).
/// The five documents the catalogue was first built from have no header: they are kept byte for
/// byte as received (seed/README.md, "Sources").
/// </summary>
public sealed partial record SourceDocument(
    string Name, string Body, string? Address, string? Publisher, string? Date, string? Retrieved, string? Licence)
{
    /// <summary>The header's keys, in the order they are written.</summary>
    public static readonly string[] HeaderKeys = ["address", "publisher", "date", "retrieved", "licence"];

    public bool HasHeader => Address is not null || Publisher is not null || Licence is not null;

    /// <summary>The original seed documents (…/shared/seeds): a three-digit number and a 16-digit hash.</summary>
    public bool IsOriginalSeed => OriginalSeedName().IsMatch(Name);

    /// <summary>Reads a document: the header block between two <c>---</c> lines at the very top, if any, then the body.</summary>
    public static SourceDocument Parse(string name, string text)
    {
        text = text.TrimStart('\uFEFF');
        var lines = text.Split('\n');
        if (lines.Length < 2 || lines[0].TrimEnd('\r') != "---") return new(name, text, null, null, null, null, null);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 1;
        for (; i < lines.Length && lines[i].TrimEnd('\r') != "---"; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var colon = line.IndexOf(':');
            if (colon > 0) values[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        if (i >= lines.Length) return new(name, text, null, null, null, null, null); // no closing line: all body
        var body = string.Join('\n', lines.Skip(i + 1));
        return new(name, body, values.GetValueOrDefault("address"), values.GetValueOrDefault("publisher"),
            values.GetValueOrDefault("date"), values.GetValueOrDefault("retrieved"), values.GetValueOrDefault("licence"));
    }

    public static SourceDocument Load(string path) => Parse(Path.GetFileName(path), File.ReadAllText(path, Encoding.UTF8));

    /// <summary>
    /// What is wrong with the document as a source: a missing header field, or an address that is
    /// not an official site (府省 and agencies: go.jp; local governments: lg.jp, or a prefecture's
    /// or municipality's own older domain such as pref.aichi.jp or city.muko.kyoto.jp).
    /// </summary>
    public IEnumerable<string> Problems()
    {
        if (!HasHeader)
        {
            if (!IsOriginalSeed) yield return "has no source header (address, publisher, date, retrieved, licence)";
            yield break;
        }
        if (string.IsNullOrEmpty(Address)) yield return "header has no address";
        else if (!IsOfficial(Address)) yield return $"address {Address} is not an official site (go.jp, lg.jp or a prefecture's or municipality's own domain)";
        if (string.IsNullOrEmpty(Publisher)) yield return "header has no publisher";
        if (string.IsNullOrEmpty(Date)) yield return "header has no date (write 記載なし when the page states none)";
        if (string.IsNullOrEmpty(Retrieved)) yield return "header has no retrieved date";
        if (string.IsNullOrEmpty(Licence)) yield return "header has no licence note";
    }

    /// <summary>True for an http(s) address on an official government host.</summary>
    public static bool IsOfficial(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)) return false;
        var host = uri.Host.TrimEnd('.').ToLowerInvariant();
        return host.EndsWith(".go.jp", StringComparison.Ordinal) || host.EndsWith(".lg.jp", StringComparison.Ordinal)
            || LocalGovernmentHost().IsMatch(host);
    }

    // www.pref.aichi.jp, www.city.muko.kyoto.jp, www.town.x.y.jp, www.vill.x.y.jp: the domains local governments had before lg.jp.
    [GeneratedRegex(@"^(www\.|[a-z0-9-]+\.)*(pref\.[a-z]+|(city|town|vill)\.[a-z0-9-]+\.[a-z]+)\.jp$")]
    private static partial Regex LocalGovernmentHost();

    [GeneratedRegex(@"^\d{3}_[0-9a-f]{16}\.txt$")]
    private static partial Regex OriginalSeedName();
}
