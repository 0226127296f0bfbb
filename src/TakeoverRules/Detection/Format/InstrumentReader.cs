using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace TakeoverRules.Detection.Format;

/// <summary>
/// Reads instrument reference data (TakeoverRules event format v1, see <c>docs/event-format.md</c>): either a JSON
/// array of instruments or JSON Lines with one instrument per line; the first non-blank byte decides. Streams in
/// memory bounded by the largest instrument. Each instrument yields an <see cref="Instrument"/> or an
/// <see cref="EventFormatError"/>; in JSON Lines a bad line is skipped, while a JSON syntax error inside an array
/// ends the read (its position is reported) because an array cannot be resynchronised. Not thread-safe.
/// </summary>
public sealed class InstrumentReader : IDisposable
{
    private const int PeekBytes = 4096;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly bool _leaveOpen;
    private Utf8LineReader? _lines;
    private JsonArrayElements? _array;
    private bool _disposed;

    /// <summary>Creates a reader over <paramref name="utf8Stream"/>.</summary>
    /// <param name="utf8Stream">The instruments, as a UTF-8 JSON array or JSON Lines.</param>
    /// <param name="maxLineBytes">Longest line (JSON Lines) or instrument (array) accepted, default <see cref="EventReader.DefaultMaxLineBytes"/>.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="utf8Stream"/> open (default <see langword="false"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLineBytes"/> is below 16.</exception>
    public InstrumentReader(Stream utf8Stream, int maxLineBytes = EventReader.DefaultMaxLineBytes, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(utf8Stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 16);
        _stream = utf8Stream;
        _maxLineBytes = maxLineBytes;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Reads every instrument of <paramref name="utf8Stream"/> lazily, disposing it at the end.</summary>
    /// <param name="utf8Stream">The instruments, as a UTF-8 JSON array or JSON Lines.</param>
    /// <returns>One result per instrument (or bad line), in order.</returns>
    public static IEnumerable<ReadResult<Instrument>> ReadAll(Stream utf8Stream)
    {
        ArgumentNullException.ThrowIfNull(utf8Stream);
        return Iterate(new InstrumentReader(utf8Stream));

        static IEnumerable<ReadResult<Instrument>> Iterate(InstrumentReader reader)
        {
            using (reader)
            {
                while (reader.TryRead(out var result))
                {
                    yield return result;
                }
            }
        }
    }

    /// <summary>Reads the next instrument.</summary>
    /// <param name="result">The instrument, or the error of that line or element.</param>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    /// <exception cref="IOException">The stream itself failed (not a data error).</exception>
    public bool TryRead(out ReadResult<Instrument> result)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_lines is null && _array is null)
        {
            Start();
        }

        if (_array is not null)
        {
            if (!_array.TryNext(out var element, out var line, out var error))
            {
                result = default;
                return false;
            }

            result = error is not null ? ReadResult<Instrument>.Failure(error) : InstrumentParser.Parse(element, line);
            return true;
        }

        while (_lines!.TryReadLine(out var text, out var tooLong))
        {
            if (tooLong)
            {
                result = ReadResult<Instrument>.Failure(EventReader.LineTooLong(_lines.LineNumber, _maxLineBytes));
                return true;
            }

            if (text.IndexOfAnyExcept(" \t\r"u8) >= 0)
            {
                result = InstrumentParser.Parse(text, _lines.LineNumber);
                return true;
            }
        }

        result = default;
        return false;
    }

    /// <summary>Releases buffers and, unless left open, the stream.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _lines?.Dispose();
        _array?.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void Start()
    {
        // Read until the first non-blank byte to choose the layout; those bytes are handed on, not lost.
        var peeked = new ArrayBufferWriter<byte>(PeekBytes);
        int first;
        while (true)
        {
            var read = _stream.Read(peeked.GetSpan(PeekBytes)[..PeekBytes]);
            peeked.Advance(read);
            var span = peeked.WrittenSpan;
            var content = span.StartsWith("\uFEFF"u8) ? span[3..] : span;
            first = content.IndexOfAnyExcept(" \t\r\n"u8);
            if (first >= 0 || read == 0 || span.Length > _maxLineBytes)
            {
                first = first >= 0 ? content[first] : -1;
                break;
            }
        }

        if (first == '[')
        {
            _array = new JsonArrayElements(_stream, peeked.WrittenSpan, _maxLineBytes);
        }
        else
        {
            _lines = new Utf8LineReader(_stream, _maxLineBytes, leaveOpen: true, peeked.WrittenSpan);
        }
    }

    /// <summary>Parses one instrument object.</summary>
    private struct InstrumentParser
    {
        private static readonly string[] Names = ["symbol", "market", "currency", "lastPrice", "lastPriceJpy", "avgDailyTurnoverJpy", "lotSize"];

        private FieldReader _r;
        private string? _symbol, _market, _currency;
        private decimal _lastPrice, _lastPriceJpy, _turnover;
        private long _lotSize;

        public static ReadResult<Instrument> Parse(ReadOnlySpan<byte> utf8, long line)
        {
            var parser = new InstrumentParser { _r = new FieldReader { Line = line } };
            return parser.Run(utf8);
        }

        private ReadResult<Instrument> Run(ReadOnlySpan<byte> utf8)
        {
            if (!Utf8.IsValid(utf8))
            {
                return Failure(null, null, $"is not valid UTF-8 (first bad byte at column {FieldReader.FirstInvalidByte(utf8) + 1})");
            }

            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 8 });
            string? current = null;
            var seen = 0;
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return Failure(null, FieldReader.Snippet(ref reader), "must be a JSON object {symbol, market, currency, lastPrice, lastPriceJpy, avgDailyTurnoverJpy, lotSize}");
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var index = -1;
                    for (var i = 0; i < Names.Length && index < 0; i++)
                    {
                        index = reader.ValueTextEquals(Names[i]) ? i : -1;
                    }

                    current = index >= 0 ? Names[index] : null;
                    reader.Read();
                    if (index < 0)
                    {
                        reader.Skip();
                        current = null;
                        continue;
                    }

                    if ((seen & (1 << index)) != 0)
                    {
                        return Failure(current, FieldReader.Snippet(ref reader), "appears more than once; each field may appear once per instrument");
                    }

                    seen |= 1 << index;
                    if (!ReadValue(ref reader, index, current!))
                    {
                        return ReadResult<Instrument>.Failure(_r.Error!);
                    }

                    current = null;
                }

                reader.Read();
            }
            catch (JsonException ex)
            {
                return Failure(current, null, FieldReader.DescribeJsonError(ex));
            }

            for (var i = 0; i < Names.Length; i++)
            {
                if ((seen & (1 << i)) == 0)
                {
                    return Failure(Names[i], null, "is required for an instrument");
                }
            }

            if (!WireValues.MarketOf(_symbol!).SequenceEqual(_market))
            {
                return Failure("market", FieldReader.Quote(_market), $"must match the market of symbol {_symbol}");
            }

            return ReadResult<Instrument>.Success(_r.Line, new Instrument(_symbol!, _market!, _currency!, _lastPrice, _lastPriceJpy, _turnover, _lotSize));
        }

        private bool ReadValue(ref Utf8JsonReader reader, int index, string name) => index switch
        {
            0 => _r.TryReadShape(ref reader, name, WireValues.IsSymbol, WireValues.SymbolRule, out _symbol),
            1 => _r.TryReadString(ref reader, name, out _market),
            2 => _r.TryReadShape(ref reader, name, WireValues.IsCurrency, "must be an ISO 4217 code in upper case, e.g. HKD", out _currency),
            3 => _r.TryReadDecimal(ref reader, name, mustBePositive: true, out _lastPrice),
            4 => _r.TryReadDecimal(ref reader, name, mustBePositive: true, out _lastPriceJpy),
            5 => _r.TryReadDecimal(ref reader, name, mustBePositive: false, out _turnover),
            _ => _r.TryReadPositiveLong(ref reader, name, out _lotSize),
        };

        private readonly ReadResult<Instrument> Failure(string? field, string? value, string reason) =>
            ReadResult<Instrument>.Failure(_r.MakeError(field, value, reason));
    }
}
