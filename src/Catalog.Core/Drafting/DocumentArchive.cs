using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Catalog.Core.Audit;

namespace Catalog.Core.Drafting;

/// <summary>
/// Stores a drafted document under seed/documents with its address, as the catalogue's sources are
/// stored: a header (address, publisher, date, retrieved, licence) and the text the quotes were
/// taken from. What the draft cannot know (the page's date, its licence) is written 要確認.
/// </summary>
public static partial class DocumentArchive
{
    public const string ToCheck = "要確認";

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotName();

    /// <summary>The file name a document is stored under: its address's host and last path segment, made safe.</summary>
    public static string NameFor(string address)
    {
        var uri = new Uri(address);
        var host = uri.Host.Split('.').FirstOrDefault(p => p is not ("www" or "go" or "lg" or "jp")) ?? "doc";
        var last = uri.Segments.LastOrDefault(s => s.Trim('/').Length > 0)?.Trim('/') ?? "index";
        var stem = NotName().Replace($"{host}-{Path.GetFileNameWithoutExtension(last)}".ToLowerInvariant(), "-").Trim('-');
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(address)))[..6].ToLowerInvariant();
        return $"{stem}-{hash}.txt";
    }

    /// <summary>The stored form: header, then the text.</summary>
    public static string Render(string address, string? publisher, DateOnly retrieved, string text) =>
        $"---\naddress: {address}\npublisher: {publisher ?? ToCheck}\ndate: {ToCheck}\nretrieved: {retrieved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (draft)\nlicence: {ToCheck}\n---\n{text}";

    /// <summary>Refuses an address that is not an official page, as the evidence audit would.</summary>
    public static string? AddressProblem(string address) =>
        SourceDocument.IsOfficial(address) ? null : $"--url {address} is not an official address (go.jp, lg.jp or a local government's own domain)";
}
