namespace TakeoverRules.Detection.Format;

/// <summary>
/// Reads TakeoverRules event format v1 (JSON Lines, see <c>docs/event-format.md</c>) from a UTF-8 stream, one event
/// at a time, in memory bounded by the longest accepted line. Each line yields either an <see cref="AccountEvent"/>
/// or an <see cref="EventFormatError"/> naming the line, field, value and reason; bad lines never stop the stream and
/// data problems never throw. Blank lines are skipped. Not thread-safe; use one reader per stream.
/// </summary>
/// <example>
/// <code>
/// using var reader = new EventReader(File.OpenRead("events.jsonl"));
/// while (reader.TryRead(out var result))
/// {
///     if (result.IsSuccess) detector.Evaluate(result.Value);
///     else Console.Error.WriteLine(result.Error);
/// }
/// </code>
/// </example>
public sealed class EventReader : IDisposable
{
    /// <summary>The default limit on the length of one line in bytes: 1 MiB.</summary>
    public const int DefaultMaxLineBytes = 1024 * 1024;

    private readonly Utf8LineReader _lines;

    // Symbols, countries, networks and currencies come from a small set. Account ids, devices and addresses are not
    // interned: there is one per account or more, and a lookup in a table that large costs more than the allocation.
    private readonly InternTable _values = new(capacity: 1 << 14);
    private readonly int _maxLineBytes;

    /// <summary>Creates a reader over <paramref name="utf8Stream"/>.</summary>
    /// <param name="utf8Stream">The events, as UTF-8 JSON Lines.</param>
    /// <param name="maxLineBytes">Longest line accepted (default <see cref="DefaultMaxLineBytes"/>); longer lines are skipped and reported.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="utf8Stream"/> open (default <see langword="false"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLineBytes"/> is below 16.</exception>
    public EventReader(Stream utf8Stream, int maxLineBytes = DefaultMaxLineBytes, bool leaveOpen = false)
    {
        _lines = new Utf8LineReader(utf8Stream, maxLineBytes, leaveOpen);
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>The number of the last line read (1-based); 0 before the first.</summary>
    public long LineNumber => _lines.LineNumber;

    /// <summary>Bytes of the stream consumed so far, e.g. for a progress indicator.</summary>
    public long BytesRead => _lines.BytesConsumed;

    /// <summary>Parses one line of event format v1, e.g. one message from a queue.</summary>
    /// <param name="utf8Line">The line's UTF-8 bytes, without its line terminator.</param>
    /// <param name="lineNumber">The line number reported in an error (default 1).</param>
    /// <returns>The event, or the error that names the field, value and reason.</returns>
    public static ReadResult<AccountEvent> Parse(ReadOnlySpan<byte> utf8Line, long lineNumber = 1) =>
        new EventLineParser(null).Parse(utf8Line, lineNumber);

    /// <summary>Reads every line of <paramref name="utf8Stream"/> lazily, disposing it at the end.</summary>
    /// <param name="utf8Stream">The events, as UTF-8 JSON Lines.</param>
    /// <param name="maxLineBytes">Longest line accepted (default <see cref="DefaultMaxLineBytes"/>).</param>
    /// <returns>One result per non-blank line, in order.</returns>
    public static IEnumerable<ReadResult<AccountEvent>> ReadAll(Stream utf8Stream, int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(utf8Stream);
        return Iterate(new EventReader(utf8Stream, maxLineBytes));

        static IEnumerable<ReadResult<AccountEvent>> Iterate(EventReader reader)
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

    /// <summary>Reads the next non-blank line.</summary>
    /// <param name="result">The event or error of that line.</param>
    /// <returns><see langword="false"/> at the end of the stream.</returns>
    /// <exception cref="IOException">The stream itself failed (not a data error).</exception>
    public bool TryRead(out ReadResult<AccountEvent> result)
    {
        while (_lines.TryReadLine(out var line, out var tooLong))
        {
            if (tooLong)
            {
                result = ReadResult<AccountEvent>.Failure(LineTooLong(_lines.LineNumber, _maxLineBytes));
                return true;
            }

            if (line.IndexOfAnyExcept(" \t\r"u8) < 0)
            {
                continue;
            }

            result = new EventLineParser(_values).Parse(line, _lines.LineNumber);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>Releases the pooled buffer and, unless left open, the stream.</summary>
    public void Dispose() => _lines.Dispose();

    internal static EventFormatError LineTooLong(long line, int maxLineBytes) =>
        new(line, null, null, $"is longer than the limit of {maxLineBytes:N0} bytes and was skipped");
}
