using System.Globalization;

namespace TakeoverRules.Detection.Format;

/// <summary>
/// Why one line (or array element) of a TakeoverRules event format v1 file could not be read: where it is, which
/// field, the offending value (truncated) and the reason. Readers return these instead of throwing, so a host can
/// report and skip bad input without losing the rest of the stream. Immutable and thread-safe.
/// </summary>
/// <param name="Line">1-based line number in the input.</param>
/// <param name="Field">The field at fault as a JSON path relative to the event (<c>quantity</c>, <c>positions[2].symbol</c>), or <see langword="null"/> when the line as a whole is at fault.</param>
/// <param name="Value">The offending value as written in the input, truncated to <see cref="MaxValueLength"/> characters, or <see langword="null"/> when there is none (a missing field, an over-long line).</param>
/// <param name="Reason">What is wrong, in English, e.g. <c>must not be negative</c>.</param>
public sealed record EventFormatError(long Line, string? Field, string? Value, string Reason)
{
    /// <summary>The most characters of an offending value kept in <see cref="Value"/>; longer values end with <c>…</c>.</summary>
    public const int MaxValueLength = 64;

    /// <summary>Formats the error as <c>line 12: field 'quantity': must not be negative (was -5)</c>.</summary>
    /// <returns>A one-line description naming the line, the field, the reason and the value.</returns>
    public override string ToString()
    {
        var text = Field is null
            ? string.Create(CultureInfo.InvariantCulture, $"line {Line}: {Reason}")
            : string.Create(CultureInfo.InvariantCulture, $"line {Line}: field '{Field}': {Reason}");
        return Value is null ? text : $"{text} (was {Value})";
    }

    internal static string? Truncate(string? value) =>
        value is null || value.Length <= MaxValueLength ? value : string.Concat(value.AsSpan(0, MaxValueLength - 1), "…");
}
