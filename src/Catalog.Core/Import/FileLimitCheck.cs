using System.Diagnostics;
using System.Globalization;

namespace Catalog.Core.Import;

/// <summary>
/// A <see cref="FileLimits"/> limit crossed while reading a file: the reader stops there and
/// reports this one line (the sheet and row when known), so a hostile file costs no more than the
/// limit and leaves no cascade of errors behind it.
/// </summary>
internal sealed class FileLimitException(string message, string? sheet = null, int? row = null) : Exception(message)
{
    public ImportError ToError(string file) => new(file, row, null, null, Message) { Sheet = sheet };

    /// <summary>"シートの行数が上限を超えています（100,000 行まで、FileLimits.MaxRowsPerSheet）": what, the limit, and the setting that holds it.</summary>
    public static FileLimitException Over(string what, string limit, string setting, string? sheet = null, int? row = null) =>
        new($"{what}が上限を超えています（{limit}{(char.IsAsciiLetterOrDigit(limit[^1]) ? " " : "")}まで、FileLimits.{setting}）", sheet, row);

    /// <summary>Refuses a file larger on disk than <see cref="FileLimits.MaxFileBytes"/> before anything reads it.</summary>
    public static void CheckFileSize(string file, FileLimits limits)
    {
        var length = new FileInfo(file).Length;
        if (length > limits.MaxFileBytes)
            throw Over($"ファイルの大きさ（{Bytes(length)}）", Bytes(limits.MaxFileBytes), nameof(FileLimits.MaxFileBytes));
    }

    public static FileLimitException TooManyRows(FileLimits limits, string? sheet, int row) =>
        Over("シートの行数", Count(limits.MaxRowsPerSheet) + " 行", nameof(FileLimits.MaxRowsPerSheet), sheet, row);

    /// <summary><paramref name="what"/> names the cell ("セル B2 の文字数").</summary>
    public static FileLimitException TooLong(string what, FileLimits limits, string? sheet = null, int? row = null) =>
        Over(what, Count(limits.MaxCellChars) + " 字", nameof(FileLimits.MaxCellChars), sheet, row);

    public static string Bytes(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1048576.0).ToString("#,0.#", CultureInfo.InvariantCulture) + " MB"
        : bytes.ToString("N0", CultureInfo.InvariantCulture) + " バイト";

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>The time a read may take (<see cref="FileLimits.MaxReadTime"/>), checked as the reader goes.</summary>
internal sealed class ReadClock(FileLimits limits)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public void Check()
    {
        if (_watch.Elapsed > limits.MaxReadTime)
            throw FileLimitException.Over("読み込みにかかる時間", limits.MaxReadTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " 秒", nameof(FileLimits.MaxReadTime));
    }
}
