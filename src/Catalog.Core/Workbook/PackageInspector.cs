using System.Buffers.Binary;
using System.IO.Compression;
using System.Xml;
using Catalog.Core.Import;

namespace Catalog.Core.Workbook;

/// <summary>
/// Looks at a workbook's zip before the Open XML SDK opens it, in bounded memory and time: the
/// file's size, the number of parts, no macros and no links to other workbooks, every part's
/// decompressed size counted as it inflates, then every XML part scanned (<see cref="PartScanner"/>).
/// The SDK loads what it reads without such limits; after this it only sees files within them.
/// </summary>
internal static class PackageInspector
{
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>What staff do about a workbook refused for what it is (macros, encryption, another format).</summary>
    public const string SaveAsXlsx = "Excel で「ファイルの種類: Excel ブック (*.xlsx)」として保存し直してから取り込んでください";

    /// <summary>Throws <see cref="FileLimitException"/> for what the workbook may not be; <see cref="InvalidDataException"/> for a broken zip.</summary>
    public static void Inspect(string file, FileLimits limits, ReadClock clock)
    {
        FileLimitException.CheckFileSize(file, limits);
        if (IsCompoundFile(file))
            throw new FileLimitException($"パスワードで保護（暗号化）されたブックか、Excel 97-2003 形式のファイルです。パスワードを外し、{SaveAsXlsx}");
        // ZipArchive reads the central directory whole: the number of entries it declares is checked first.
        if (DeclaredEntries(file) is { } declared && declared > limits.MaxParts) throw TooManyParts(declared, limits);

        using var zip = ZipFile.OpenRead(file);
        if (zip.Entries.Count > limits.MaxParts) throw TooManyParts(zip.Entries.Count, limits);
        foreach (var entry in zip.Entries) RefuseActiveContent(entry.FullName);
        var parts = PartsOf(zip, limits, clock);

        // Sizes as the parts inflate; the headers' sizes are not trusted.
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            var sheet = parts.GetValueOrDefault(entry.FullName).Sheet;
            var cap = Math.Min(limits.MaxPartBytes, limits.MaxExpandedBytes - total);
            using var stream = cap == limits.MaxPartBytes ? Open(entry, limits, clock, sheet)
                : new CappedReadStream(entry.Open(), cap, _ => FileLimitException.Over("ブック全体の展開後の大きさ",
                    FileLimitException.Bytes(limits.MaxExpandedBytes), nameof(FileLimits.MaxExpandedBytes)), clock);
            total += stream.Drain();
        }

        foreach (var entry in zip.Entries)
        {
            var known = parts.TryGetValue(entry.FullName, out var part);
            if (!known && !entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)) continue;
            using var stream = Open(entry, limits, clock, part.Sheet);
            PartScanner.Scan(stream, entry.FullName, part.Kind, part.Sheet, limits, clock);
        }
    }

    private static FileLimitException TooManyParts(long count, FileLimits limits) =>
        FileLimitException.Over($"zip の中のファイルの数（{FileLimitException.Count(count)}）", FileLimitException.Count(limits.MaxParts) + " 個", nameof(FileLimits.MaxParts));

    /// <summary>Macros and links to other workbooks are refused, and said so, rather than read past.</summary>
    private static void RefuseActiveContent(string name)
    {
        if (name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
            throw new FileLimitException($"マクロ（VBA、{name}）を含むブックは取り込みません。{SaveAsXlsx}（マクロは消えます）");
        if (name.StartsWith("xl/externalLinks/", StringComparison.OrdinalIgnoreCase))
            throw new FileLimitException($"ほかのブックへのリンク（外部参照、{name}）を含むブックは取り込みません。Excel の「データ」→「リンクの編集」→「リンクの解除」で値にしてから保存し直してください");
    }

    private static CappedReadStream Open(ZipArchiveEntry entry, FileLimits limits, ReadClock clock, string? sheet = null) =>
        new(entry.Open(), limits.MaxPartBytes, _ => FileLimitException.Over($"部品 {entry.FullName} の展開後の大きさ",
            FileLimitException.Bytes(limits.MaxPartBytes), nameof(FileLimits.MaxPartBytes), sheet), clock);

    /// <summary>
    /// The sheets and the shared strings, found as the SDK finds them (package relationships →
    /// workbook → its relationships), with each sheet's name; a macro-enabled workbook, too many
    /// sheets or a link to another workbook stop here.
    /// </summary>
    private static Dictionary<string, (PartKind Kind, string? Sheet)> PartsOf(ZipArchive zip, FileLimits limits, ReadClock clock)
    {
        var parts = new Dictionary<string, (PartKind, string?)>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in Elements(zip, "[Content_Types].xml", limits, clock))
            if (element.GetAttribute("ContentType") is { } type && type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
                throw new FileLimitException($"マクロ有効ブック（{type}）は取り込みません。{SaveAsXlsx}（マクロは消えます）");

        var workbook = Targets(zip, "", "_rels/.rels", limits, clock).FirstOrDefault(t => t.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Path;
        if (workbook is null) return parts;
        var folder = workbook.Contains('/') ? workbook[..(workbook.LastIndexOf('/') + 1)] : "";
        var targets = Targets(zip, folder, folder + "_rels/" + workbook[folder.Length..] + ".rels", limits, clock).ToList();
        if (targets.FirstOrDefault(t => t.Type.EndsWith("/externalLink", StringComparison.Ordinal)).Path is { } link) RefuseActiveContent("xl/externalLinks/" + link);
        if (targets.FirstOrDefault(t => t.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Path is { } strings) parts[strings] = (PartKind.SharedStrings, null);
        var byId = targets.ToDictionary(t => t.Id, t => t.Path, StringComparer.Ordinal);

        var sheets = 0;
        foreach (var element in Elements(zip, workbook, limits, clock))
        {
            if (element.LocalName != "sheet" || element.GetAttribute("name") is not { } name) continue;
            if (++sheets > limits.MaxSheets)
                throw FileLimitException.Over("シートの数", FileLimitException.Count(limits.MaxSheets) + " 枚", nameof(FileLimits.MaxSheets));
            if (element.GetAttribute("id", OfficeRelationships) is { } id && byId.TryGetValue(id, out var path)) parts[path] = (PartKind.Sheet, name.Trim());
        }
        return parts;
    }

    /// <summary>The relationships of a .rels part: id, type, and the target as a zip entry name.</summary>
    private static IEnumerable<(string Id, string Type, string Path)> Targets(ZipArchive zip, string folder, string rels, FileLimits limits, ReadClock clock)
    {
        foreach (var element in Elements(zip, rels, limits, clock))
        {
            if (element.LocalName != "Relationship" || element.NamespaceURI != Relationships) continue;
            if (element.GetAttribute("TargetMode") == "External" || element.GetAttribute("Target") is not { } target) continue;
            yield return (element.GetAttribute("Id") ?? "", element.GetAttribute("Type") ?? "", Resolve(folder, target));
        }
    }

    /// <summary>
    /// The elements of a small part, one by one. A part that is not well-formed or has a DTD
    /// simply ends here: the scan of every XML part reports it, naming the sheet when it is one.
    /// </summary>
    private static IEnumerable<XmlReader> Elements(ZipArchive zip, string part, FileLimits limits, ReadClock clock)
    {
        if (zip.GetEntry(part) is not { } entry) yield break;
        using var stream = Open(entry, limits, clock);
        using var reader = XmlReader.Create(stream, PartScanner.Settings(limits));
        while (true)
        {
            try { if (!reader.Read()) yield break; }
            catch (XmlException) { yield break; }
            if (reader.NodeType == XmlNodeType.Element) yield return reader;
        }
    }

    /// <summary>A relationship target as a zip entry name: "worksheets/sheet1.xml" from xl/ is xl/worksheets/sheet1.xml.</summary>
    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (segment is not ("." or "")) parts.Add(segment);
        }
        return string.Join('/', parts);
    }

    // An OLE compound file (D0 CF 11 E0 A1 B1 1A E1): what Excel writes for an encrypted workbook or an .xls.
    private static bool IsCompoundFile(string file)
    {
        Span<byte> head = stackalloc byte[8];
        using var stream = File.OpenRead(file);
        return stream.ReadAtLeast(head, 8, throwOnEndOfStream: false) == 8 && BinaryPrimitives.ReadUInt64BigEndian(head) == 0xD0CF11E0A1B11AE1;
    }

    /// <summary>
    /// The number of entries the zip's end record declares, read from the file's last 64 KB; null
    /// when there is no end record (ZipArchive then refuses the file itself). ZIP64 (more than
    /// 65,534 entries) is counted as "too many".
    /// </summary>
    private static long? DeclaredEntries(string file)
    {
        using var stream = File.OpenRead(file);
        var tail = (int)Math.Min(stream.Length, 22 + 65_535);
        var buffer = new byte[tail];
        stream.Seek(-tail, SeekOrigin.End);
        stream.ReadExactly(buffer);
        for (var i = tail - 22; i >= 0; i--)
        {
            if (buffer[i] != 0x50 || buffer[i + 1] != 0x4b || buffer[i + 2] != 0x05 || buffer[i + 3] != 0x06) continue;
            var entries = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(i + 10));
            return entries == 0xFFFF ? long.MaxValue : entries;
        }
        return null;
    }
}
