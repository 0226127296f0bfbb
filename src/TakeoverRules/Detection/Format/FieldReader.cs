using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TakeoverRules.Detection.Format;

/// <summary>
/// Reads and checks one JSON value at a time for the format parsers, turning every problem into an
/// <see cref="EventFormatError"/> kept in <see cref="Error"/> (the methods return <see langword="false"/>), so that
/// the event and instrument parsers share one wording of each rule. Not thread-safe.
/// </summary>
internal struct FieldReader
{
    /// <summary>Longest unescaped enum value or time copied to the stack; longer ones cannot be valid.</summary>
    public const int MaxShortValueBytes = 64;

    /// <summary>The line reported in errors.</summary>
    public long Line;

    /// <summary>The first problem found, once a method has returned <see langword="false"/>.</summary>
    public EventFormatError? Error;

    /// <summary>Reads a non-empty string; a recurring value comes from <paramref name="interned"/> when one is given.</summary>
    public bool TryReadString(ref Utf8JsonReader reader, string field, out string? value, InternTable? interned = null)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongKind(ref reader, field, "a string");
        }

        if (reader.ValueSpan.IsEmpty)
        {
            return Fail(field, "\"\"", "must not be empty");
        }

        value = (interned is not null && !reader.ValueIsEscaped ? interned.Get(reader.ValueSpan) : null) ?? reader.GetString();
        return true;
    }

    public bool TryReadShape(ref Utf8JsonReader reader, string field, Func<string, bool> isValid, string rule, out string? value, InternTable? interned = null)
    {
        if (!TryReadString(ref reader, field, out value, interned))
        {
            return false;
        }

        if (!isValid(value!))
        {
            var bad = value;
            value = null;
            return Fail(field, Quote(bad), rule);
        }

        return true;
    }

    public bool TryReadEnum(ref Utf8JsonReader reader, string field, Vocabulary vocabulary, out int index)
    {
        index = -1;
        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongKind(ref reader, field, "a string");
        }

        if (reader.ValueSpan.Length <= MaxShortValueBytes)
        {
            Span<byte> buffer = stackalloc byte[MaxShortValueBytes];
            var value = reader.ValueIsEscaped ? buffer[..reader.CopyString(buffer)] : reader.ValueSpan;
            index = WireValues.Find(value, vocabulary);
        }

        return index >= 0 || Fail(field, Snippet(ref reader), "must be one of " + string.Join(", ", WireValues.Names(vocabulary)) + " (case-sensitive)");
    }

    public bool TryReadTime(ref Utf8JsonReader reader, string field, out DateTimeOffset value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongKind(ref reader, field, "a string holding an RFC 3339 date-time, e.g. " + Rfc3339.Example);
        }

        Span<byte> buffer = stackalloc byte[MaxShortValueBytes];
        string? reason;
        if (reader.ValueSpan.Length > MaxShortValueBytes)
        {
            reason = "must be an RFC 3339 date-time with offset, e.g. " + Rfc3339.Example;
        }
        else if (Rfc3339.TryParse(reader.ValueIsEscaped ? buffer[..reader.CopyString(buffer)] : reader.ValueSpan, out value, out reason))
        {
            return true;
        }

        return Fail(field, Snippet(ref reader), reason!);
    }

    public bool TryReadBool(ref Utf8JsonReader reader, string field, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False || WrongKind(ref reader, field, "true or false");
    }

    public bool TryReadOptionalBool(ref Utf8JsonReader reader, string field, out bool? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (!TryReadBool(ref reader, field, out var b))
        {
            return false;
        }

        value = b;
        return true;
    }

    public bool TryReadPositiveLong(ref Utf8JsonReader reader, string field, out long value) =>
        TryReadLong(ref reader, field, allowZero: false, out value);

    public bool TryReadLong(ref Utf8JsonReader reader, string field, bool allowZero, out long value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return WrongKind(ref reader, field, "a number");
        }

        if (!reader.TryGetInt64(out value))
        {
            return Fail(field, Snippet(ref reader), "must be a whole number of shares");
        }

        return value > 0 || (allowZero && value == 0)
            || Fail(field, Snippet(ref reader), allowZero ? "must not be negative" : "must be greater than zero");
    }

    public bool TryReadDecimal(ref Utf8JsonReader reader, string field, bool mustBePositive, out decimal value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return WrongKind(ref reader, field, "a number");
        }

        if (!reader.TryGetDecimal(out value))
        {
            return Fail(field, Snippet(ref reader), "is out of range for a decimal amount");
        }

        return value > 0 || (!mustBePositive && value == 0)
            || Fail(field, Snippet(ref reader), mustBePositive ? "must be greater than zero" : "must not be negative");
    }

    public bool WrongKind(ref Utf8JsonReader reader, string field, string expected)
    {
        var actual = reader.TokenType switch
        {
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            _ => reader.TokenType.ToString(),
        };
        return Fail(field, Snippet(ref reader), $"must be {expected}, not {actual}");
    }

    public bool Fail(string? field, string? value, string reason)
    {
        Error = MakeError(field, value, reason);
        return false;
    }

    public readonly EventFormatError MakeError(string? field, string? value, string reason) =>
        new(Line, field, EventFormatError.Truncate(value), reason);

    /// <summary>The offending value as written, for the error message.</summary>
    public static string? Snippet(ref Utf8JsonReader reader)
    {
        var raw = reader.TokenType switch
        {
            JsonTokenType.StartObject => "{…}",
            JsonTokenType.StartArray => "[…]",
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => "null",
            JsonTokenType.Number => Encoding.UTF8.GetString(Head(reader.ValueSpan)),
            JsonTokenType.String or JsonTokenType.PropertyName => Quote(Encoding.UTF8.GetString(Head(reader.ValueSpan))),
            _ => null,
        };
        return raw;
    }

    public static ReadOnlySpan<byte> Head(ReadOnlySpan<byte> span) => span.Length <= 4 * EventFormatError.MaxValueLength ? span : span[..(4 * EventFormatError.MaxValueLength)];

    public static string? Quote(string? value) => value is null ? null : "\"" + value + "\"";

    public static string DescribeJsonError(JsonException ex)
    {
        // The reader's message ends with "LineNumber: 0 | BytePositionInLine: n."; the column is reported instead.
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        return string.Create(CultureInfo.InvariantCulture, $"is not valid JSON at column {(ex.BytePositionInLine ?? 0) + 1}: {message.TrimEnd()}");
    }

    public static int FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (offset < utf8.Length && Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }
}
