using System.Buffers;

namespace Catalog.Japanese.Analysis;

/// <summary>Reads a whole analysis input into a string of its exact length.</summary>
internal static class TextReading
{
    /// <summary>
    /// The rest of <paramref name="reader"/>. <see cref="TextReader.ReadToEnd"/>'s default copies
    /// through a 4,096-character buffer and a StringBuilder (16 KB) even for a ten-character name,
    /// and analysis reads every field of every record and every snippet candidate this way.
    /// </summary>
    public static string ReadAll(TextReader reader)
    {
        if (reader is StringReader or JapaneseWidthCharFilter) return reader.ReadToEnd();
        var buffer = ArrayPool<char>.Shared.Rent(256);
        try
        {
            int length = 0, n;
            // Readers ported from Java may answer -1 at the end, where TextReader's contract says 0.
            while ((n = reader.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += n;
                if (length < buffer.Length) continue;
                var larger = ArrayPool<char>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<char>.Shared.Return(buffer);
                buffer = larger;
            }
            return new string(buffer, 0, length);
        }
        finally { ArrayPool<char>.Shared.Return(buffer); }
    }
}
