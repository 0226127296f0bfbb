using System.Buffers;
using System.Text;

namespace TakeoverRules.Passwords;

/// <summary>
/// Unicode normalization used before judging a password: NFKC (NIST SP 800-63B asks for NFKC or NFKD), after
/// replacing unpaired surrogates with U+FFFD so that no input can make normalization throw. Full-width ASCII
/// typed through an IME (ＰＡＳＳ１２３) becomes its half-width form. Thread-safe.
/// </summary>
internal static class PasswordNormalization
{
    /// <summary>The offset of the first byte that is not well-formed UTF-8, or -1 when all of it is.</summary>
    public static int FirstInvalidUtf8Byte(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) != OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return -1;
    }

    /// <summary>Returns the NFKC form of <paramref name="text"/>; never throws.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        if (Ascii.IsValid(text)) return text.ToString();

        // Full-width ASCII typed through an IME, alone or mixed with ASCII: its NFKC form is the half-width folding, so
        // the first such estimate in a process need not load ICU (about 10 ms).
        if (IsAsciiOrFullWidthAscii(text)) return FoldWidth(text);
        var sanitized = ReplaceLoneSurrogates(text);
        try
        {
            return sanitized.Normalize(NormalizationForm.FormKC);
        }
        catch (Exception e) when (e is PlatformNotSupportedException or ArgumentException)
        {
            // Invariant-globalization hosts may lack normalization data: fold the IME cases by hand.
            return FoldWidth(sanitized.AsSpan());
        }
    }

    /// <summary>
    /// Invariant lower case of <paramref name="text"/> into <paramref name="destination"/> (at least as long). ASCII
    /// text is lowered without culture data: the first culture-aware call in a process loads ICU, about 10 ms of a
    /// first estimate whose budget is 50 ms.
    /// </summary>
    public static void ToLowerInvariant(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (Ascii.ToLower(text, destination, out _) != OperationStatus.Done) text.ToLowerInvariant(destination);
    }

    /// <summary>Invariant lower case of <paramref name="text"/>; ASCII text without culture data (see the span overload).</summary>
    public static string ToLowerInvariant(string text) =>
        Ascii.IsValid(text) ? string.Create(text.Length, text, static (lower, source) => Ascii.ToLower(source, lower, out _)) : text.ToLowerInvariant();

    /// <summary>The index of the first unpaired surrogate in <paramref name="text"/>, or -1 when it is valid UTF-16.</summary>
    public static int IndexOfUnpairedSurrogate(ReadOnlySpan<char> text)
    {
        var i = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0) return -1;
        for (; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else return i;
        }

        return -1;
    }

    /// <summary>Counts Unicode code points; an unpaired surrogate counts as one.</summary>
    public static int CountCodePoints(ReadOnlySpan<char> text)
    {
        var count = text.Length;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    private static string ReplaceLoneSurrogates(ReadOnlySpan<char> text)
    {
        var chars = text.ToArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }

        return new string(chars);
    }

    private static bool IsAsciiOrFullWidthAscii(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not (< '\u0080' or (>= '\uFF01' and <= '\uFF5E') or '\u3000')) return false;
        }

        return true;
    }

    private static string FoldWidth(ReadOnlySpan<char> text)
    {
        var folded = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            folded[i] = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c;
        }

        return new string(folded);
    }
}
