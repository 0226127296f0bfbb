using System.Buffers;
using System.Text.Json;

namespace TakeoverRules.Detection.Format;

/// <summary>
/// Streams the elements of a top-level JSON array as raw UTF-8 spans with their line numbers, buffering one element
/// at a time (bounded by the element limit) with a resumable <see cref="Utf8JsonReader"/>. Not thread-safe.
/// </summary>
internal sealed class JsonArrayElements : IDisposable
{
    private const int ChunkBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly int _maxElementBytes;
    private byte[] _buffer;
    private int _position;
    private int _end;
    private bool _eof;
    private bool _started;
    private bool _done;
    private long _line = 1;
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = 16 });

    public JsonArrayElements(Stream stream, ReadOnlySpan<byte> preloaded, int maxElementBytes)
    {
        _stream = stream;
        _maxElementBytes = maxElementBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(ChunkBytes, preloaded.Length));
        if (preloaded.StartsWith("\uFEFF"u8))
        {
            preloaded = preloaded[3..];
        }

        preloaded.CopyTo(_buffer);
        _end = preloaded.Length;
    }

    /// <summary>
    /// The next element (valid until the next call), or an <paramref name="error"/> that ends the array.
    /// Returns <see langword="false"/> after the closing bracket.
    /// </summary>
    public bool TryNext(out ReadOnlySpan<byte> element, out long line, out EventFormatError? error)
    {
        element = default;
        line = _line;
        error = null;
        while (!_done)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_position, _end - _position), _eof, _state);
            try
            {
                if (!reader.Read())
                {
                    if (_eof)
                    {
                        return End(out error, "the array ends before its closing ']'");
                    }

                    if (!Fill())
                    {
                        return TooLong(out error);
                    }

                    continue;
                }

                if (!_started)
                {
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        return End(out error, "must be a JSON array of instruments or JSON Lines");
                    }

                    _started = true;
                    Advance(ref reader, reader.BytesConsumed);
                    continue;
                }

                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    Advance(ref reader, reader.BytesConsumed);
                    return TrailingContent(out error);
                }

                var start = (int)reader.TokenStartIndex;
                if (!reader.TrySkip())
                {
                    if (!Fill())
                    {
                        return TooLong(out error);
                    }

                    continue;
                }

                line = _line + _buffer.AsSpan(_position, start).Count((byte)'\n');
                element = _buffer.AsSpan(_position + start, (int)reader.BytesConsumed - start);
                Advance(ref reader, reader.BytesConsumed);
                return true;
            }
            catch (JsonException ex)
            {
                var at = (int)Math.Min(_end - _position, reader.BytesConsumed);
                line = _line + _buffer.AsSpan(_position, at).Count((byte)'\n');
                var rest = _buffer.AsSpan(_position + at, _end - _position - at);
                error = _eof && rest.IndexOfAnyExcept(" \t\r\n"u8) < 0
                    ? new EventFormatError(line, null, null, "the array ends before its closing ']'")
                    : new EventFormatError(line, null, null, FieldReader.DescribeJsonError(ex) + "; the rest of the array is not read");
                _done = true;
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private bool End(out EventFormatError? error, string reason)
    {
        error = new EventFormatError(_line, null, null, reason);
        _done = true;
        return true;
    }

    private bool TrailingContent(out EventFormatError? error)
    {
        error = null;
        _done = true;
        while (true)
        {
            if (_buffer.AsSpan(_position, _end - _position).IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                error = new EventFormatError(_line, null, null, "has content after the closing ']' of the array");
                return true;
            }

            if (_eof)
            {
                return false;
            }

            _position = _end = 0;
            _ = Fill();
        }
    }

    private void Advance(ref Utf8JsonReader reader, long consumed)
    {
        _line += _buffer.AsSpan(_position, (int)consumed).Count((byte)'\n');
        _position += (int)consumed;
        _state = reader.CurrentState;
    }

    /// <summary>Reads more input; <see langword="false"/> when the element being read exceeds the limit.</summary>
    private bool Fill()
    {
        if (_position > 0)
        {
            _buffer.AsSpan(_position, _end - _position).CopyTo(_buffer);
            _end -= _position;
            _position = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length > _maxElementBytes)
            {
                return false;
            }

            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _eof = read == 0;
        _end += read;
        return true;
    }

    private bool TooLong(out EventFormatError? error) =>
        End(out error, $"has an element longer than the limit of {_maxElementBytes:N0} bytes; the rest of the array is not read");
}
