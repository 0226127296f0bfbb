using System.Text;

namespace TakeoverRules;

/// <summary>
/// Free text (a fact, a contact, a recorded value: anything an update file or a user can set) reduced to one line of
/// visible characters. Every line-based output format starts from this, so no text can fake a line of its own.
/// </summary>
internal static class PlainText
{
    /// <summary>The replacement for a character that cannot be shown as it is.</summary>
    public const char Unshowable = '\uFFFD';

    /// <summary>
    /// Line breaks (CR, LF, CRLF, VT, FF, NEL, U+2028, U+2029) and tabs become one space; other control characters,
    /// bidirectional overrides and isolates (which can show a number reversed) and lone surrogates become U+FFFD.
    /// </summary>
    public static string OneLine(string text)
    {
        var i = 0;
        while (i < text.Length && Keeps(text, i)) i += char.IsHighSurrogate(text[i]) ? 2 : 1;
        if (i == text.Length) return text;

        var line = new StringBuilder(text.Length).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (Keeps(text, i))
            {
                line.Append(c);
                if (char.IsHighSurrogate(c)) line.Append(text[++i]);
            }
            else if (IsLineBreak(c) || c == '\t')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                line.Append(' ');
            }
            else
            {
                line.Append(Unshowable);
            }
        }

        return line.ToString();
    }

    /// <summary>The full-width form (U+FF01–U+FF5E) of ASCII punctuation <paramref name="c"/>: it reads the same, and no parser takes it for markup.</summary>
    public static char FullWidth(char c) => (char)(c + 0xFEE0);

    /// <summary>Whether <paramref name="c"/> ends a line in some reader (Unicode line breaks, not only CR and LF).</summary>
    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>Whether <paramref name="c"/> reorders the text around it on screen (U+202A–U+202E, U+2066–U+2069).</summary>
    public static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool Keeps(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c)) return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        return !char.IsControl(c) && !char.IsLowSurrogate(c) && !IsBidiControl(c) && !IsLineBreak(c);
    }
}
