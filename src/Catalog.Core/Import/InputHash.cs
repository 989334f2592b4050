using System.Security.Cryptography;
using System.Text;

namespace Catalog.Core.Import;

/// <summary>SHA-256 of an import's input, so a revision names exactly what it came from.</summary>
internal static class InputHash
{
    /// <summary>A file: the hash of its bytes. A folder: the hash of "relative path, tab, file hash, newline" over its files in order.</summary>
    public static string Of(string path, IReadOnlyList<string> files)
    {
        if (File.Exists(path)) return Hex(SHA256.HashData(File.ReadAllBytes(path)));
        var listing = new StringBuilder();
        foreach (var file in files)
            listing.Append(Path.GetRelativePath(path, file).Replace('\\', '/')).Append('\t')
                .Append(Hex(SHA256.HashData(File.ReadAllBytes(file)))).Append('\n');
        return Hex(SHA256.HashData(Encoding.UTF8.GetBytes(listing.ToString())));
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
