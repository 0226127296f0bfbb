using System.Buffers;

namespace TakeoverRules.Detection.Format;

/// <summary>
/// Splits a UTF-8 stream into lines over one pooled buffer, so memory is bounded by the longest accepted line, never
/// by the file. A line longer than the limit is skipped to its end without being buffered and reported as such.
/// Accepts LF, CRLF and CR-only endings and a leading byte-order mark. Not thread-safe.
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    private const int InitialBufferBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _scanned;
    private bool _eof;

    // The last line ended with CR: an LF right after it belongs to that line break (CRLF), not to a new empty line.
    private bool _afterCr;

    /// <param name="stream">The UTF-8 input.</param>
    /// <param name="maxLineBytes">Longest line returned; longer lines are skipped.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="stream"/> open.</param>
    /// <param name="preloaded">Bytes already taken from the start of <paramref name="stream"/>, read before it.</param>
    public Utf8LineReader(Stream stream, int maxLineBytes, bool leaveOpen, ReadOnlySpan<byte> preloaded = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 16);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(Math.Min(InitialBufferBytes, maxLineBytes + 2), preloaded.Length));
        preloaded.CopyTo(_buffer);
        _end = preloaded.Length;
    }

    /// <summary>Lines returned so far; the number of the last line returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes of the stream consumed so far (for progress).</summary>
    public long BytesConsumed { get; private set; }

    /// <summary>
    /// Reads the next line without its terminator. The span is valid until the next call. <paramref name="tooLong"/> is
    /// set (and the span empty) when the line exceeded the limit and was skipped.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        tooLong = false;
        while (true)
        {
            var data = _buffer.AsSpan(_start, _end - _start);
            if (_afterCr && (!data.IsEmpty || _eof))
            {
                _afterCr = false;
                if (!data.IsEmpty && data[0] == '\n')
                {
                    _start++;
                    BytesConsumed++;
                    continue;
                }
            }

            var newline = data[_scanned..].IndexOfAny((byte)'\n', (byte)'\r');
            if (newline >= 0)
            {
                newline += _scanned;
                _afterCr = data[newline] == '\r';
                line = Finish(data[..newline], newline + 1);
                if (line.Length > _maxLineBytes)
                {
                    tooLong = true;
                    line = default;
                }

                return true;
            }

            _scanned = data.Length;
            if (data.Length > _maxLineBytes)
            {
                SkipRestOfLine();
                LineNumber++;
                tooLong = true;
                line = default;
                return true;
            }

            if (_eof)
            {
                if (data.IsEmpty)
                {
                    line = default;
                    return false;
                }

                line = Finish(data, data.Length);
                return true;
            }

            Fill();
        }
    }

    public void Dispose()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private ReadOnlySpan<byte> Finish(ReadOnlySpan<byte> line, int consumed)
    {
        _start += consumed;
        _scanned = 0;
        BytesConsumed += consumed;
        LineNumber++;
        if (LineNumber == 1 && line.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        return line;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(Math.Min(_buffer.Length * 2, _maxLineBytes + 2), _buffer.Length + 1));
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    private void SkipRestOfLine()
    {
        // Nothing of an over-long line is kept: read and drop until its newline.
        BytesConsumed += _end - _start;
        _start = _end = _scanned = 0;
        while (!_eof)
        {
            var read = _stream.Read(_buffer, 0, _buffer.Length);
            if (read == 0)
            {
                _eof = true;
                return;
            }

            var newline = _buffer.AsSpan(0, read).IndexOfAny((byte)'\n', (byte)'\r');
            if (newline >= 0)
            {
                _afterCr = _buffer[newline] == '\r';
                BytesConsumed += newline + 1;
                _start = newline + 1;
                _end = read;
                return;
            }

            BytesConsumed += read;
        }
    }
}
