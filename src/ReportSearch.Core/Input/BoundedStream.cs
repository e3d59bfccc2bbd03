namespace ReportSearch.Core.Input;

/// <summary>
/// Reads through to an inner stream and fails as soon as more than <paramref name="limit"/> bytes came out of it:
/// the size a zip header claims is never trusted, only the bytes actually inflated are counted.
/// </summary>
internal sealed class BoundedStream(Stream inner, long limit, Func<InputRejectedException> overLimit) : Stream
{
    public long Count { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    private int Counted(int read)
    {
        Count += read;
        if (Count > limit) throw overLimit();
        return read;
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
