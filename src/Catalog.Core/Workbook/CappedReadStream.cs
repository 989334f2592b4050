using Catalog.Core.Import;

namespace Catalog.Core.Workbook;

/// <summary>
/// Reads a decompressing stream and counts what comes out, throwing the moment the count passes
/// <paramref name="cap"/>: the size of a zip part is what it expands to, not what its header says.
/// </summary>
internal sealed class CappedReadStream(Stream inner, long cap, Func<long, FileLimitException> over, ReadClock clock) : Stream
{
    public long Count { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        clock.Check();
        // One byte past the cap is enough to know.
        var room = cap - Count;
        var n = inner.Read(room >= buffer.Length ? buffer : buffer[..(int)(room + 1)]);
        Count += n;
        if (Count > cap) throw over(Count);
        return n;
    }

    /// <summary>Reads to the end and returns how many bytes came out.</summary>
    public long Drain()
    {
        var buffer = new byte[64 * 1024];
        while (Read(buffer) > 0) { }
        return Count;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Count; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
