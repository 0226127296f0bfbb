using System.Diagnostics.CodeAnalysis;

namespace TakeoverRules.Detection.Format;

/// <summary>
/// The outcome of reading one line (or array element) of a TakeoverRules event format v1 file: either a value or an
/// <see cref="EventFormatError"/>, never both. Immutable.
/// </summary>
/// <typeparam name="T">What the line holds: <see cref="AccountEvent"/> or <see cref="Instrument"/>.</typeparam>
public readonly record struct ReadResult<T>
    where T : class
{
    private ReadResult(long line, T? value, EventFormatError? error)
    {
        Line = line;
        Value = value;
        Error = error;
    }

    /// <summary>1-based line number the value or error came from.</summary>
    public long Line { get; }

    /// <summary>The value read, when <see cref="IsSuccess"/>.</summary>
    public T? Value { get; }

    /// <summary>Why the line was rejected, when not <see cref="IsSuccess"/>.</summary>
    public EventFormatError? Error { get; }

    /// <summary>Whether the line held a valid value.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    internal static ReadResult<T> Success(long line, T value) => new(line, value, null);

    internal static ReadResult<T> Failure(EventFormatError error) => new(error.Line, null, error);
}
