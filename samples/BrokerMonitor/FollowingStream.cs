namespace BrokerMonitor;

/// <summary>
/// A file read like <c>tail -f</c>: at the end it waits for more instead of ending, until cancelled. Lets the
/// library's <c>EventReader</c> read a growing file as if it were one endless stream.
/// </summary>
public sealed class FollowingStream(Stream file, CancellationToken stop, TimeSpan? poll = null) : Stream
{
    private readonly TimeSpan _poll = poll ?? TimeSpan.FromMilliseconds(200);

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => file.Length;

    /// <inheritdoc />
    public override long Position
    {
        get => file.Position;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            var read = file.Read(buffer);
            if (read > 0 || stop.IsCancellationRequested) return read;
            stop.WaitHandle.WaitOne(_poll);
        }
    }

    /// <inheritdoc />
    public override void Flush() { }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) file.Dispose();
        base.Dispose(disposing);
    }
}
