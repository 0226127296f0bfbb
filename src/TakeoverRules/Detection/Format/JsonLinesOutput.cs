using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TakeoverRules.Detection.Format;

/// <summary>
/// Writes JSON Lines to a stream through one reused <see cref="Utf8JsonWriter"/> and buffer, flushing to the
/// stream in large chunks. Non-ASCII text (Japanese explanations) is written as UTF-8, not as \u escapes.
/// Not thread-safe.
/// </summary>
internal sealed class JsonLinesOutput : IDisposable
{
    private const int FlushThresholdBytes = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Output is JSON Lines for machines and terminals, never embedded in HTML, so only JSON's own escaping is needed.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThresholdBytes * 2);
    private readonly Utf8JsonWriter _writer;
    private bool _disposed;

    public JsonLinesOutput(Stream stream, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    /// <summary>Starts a line: the returned writer takes exactly one JSON value, then call <see cref="EndLine"/>.</summary>
    public Utf8JsonWriter BeginLine()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _writer.Reset(_buffer);
        return _writer;
    }

    public void EndLine()
    {
        _writer.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        if (_buffer.WrittenCount >= FlushThresholdBytes)
        {
            WriteBuffer();
        }
    }

    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        WriteBuffer();
        _stream.Flush();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        WriteBuffer();
        _stream.Flush();
        _disposed = true;
        _writer.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void WriteBuffer()
    {
        _stream.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }
}
