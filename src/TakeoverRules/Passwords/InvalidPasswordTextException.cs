using System.Globalization;

namespace TakeoverRules.Passwords;

/// <summary>
/// A password that is not valid Unicode text: an unpaired UTF-16 surrogate, or bytes that are not UTF-8. It is refused,
/// never repaired (replacing the bad unit with U+FFFD would judge a different string than the one the user typed).
/// The message names the position only, never the password.
/// </summary>
public sealed class InvalidPasswordTextException : ArgumentException
{
    internal InvalidPasswordTextException(string paramName, int position, bool utf8)
        : base(utf8
            ? $"The password is not valid UTF-8: an invalid byte sequence at byte offset {position.ToString(CultureInfo.InvariantCulture)}. It was not judged; decode input strictly and reject what does not decode."
            : $"The password is not valid Unicode text: an unpaired surrogate at UTF-16 index {position.ToString(CultureInfo.InvariantCulture)}. It was not judged; decode input strictly and reject what does not decode.",
            paramName)
    {
        Position = position;
        IsUtf8 = utf8;
    }

    /// <summary>Where the first invalid unit is: a byte offset when <see cref="IsUtf8"/>, else a UTF-16 index.</summary>
    public int Position { get; }

    /// <summary>Whether the password was given as UTF-8 bytes (then <see cref="Position"/> is a byte offset).</summary>
    public bool IsUtf8 { get; }
}
