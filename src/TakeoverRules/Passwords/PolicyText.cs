using System.Globalization;
using System.Text;

namespace TakeoverRules.Passwords;

/// <summary>
/// The normalisation the policy, PIN and breach checks share: NFKC after replacing unpaired surrogates, so any
/// <see cref="string"/> is accepted without throwing (<see cref="string.Normalize(NormalizationForm)"/> throws on them).
/// </summary>
internal static class PolicyText
{
    /// <summary>Returns the NFKC form of <paramref name="value"/>; <paramref name="hadUnpairedSurrogate"/> says whether U+FFFD had to stand in for a broken UTF-16 unit.</summary>
    public static string Normalize(string value, out bool hadUnpairedSurrogate)
    {
        hadUnpairedSurrogate = false;
        if (value.Length == 0) return value;

        var sanitized = value;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!char.IsSurrogate(c)) continue;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            hadUnpairedSurrogate = true;
            break;
        }

        if (hadUnpairedSurrogate)
        {
            var builder = new StringBuilder(value.Length);
            foreach (var rune in EnumerateRunesReplacingInvalid(value)) builder.Append(rune.ToString());
            sanitized = builder.ToString();
        }

        return sanitized.IsNormalized(NormalizationForm.FormKC) ? sanitized : sanitized.Normalize(NormalizationForm.FormKC);
    }

    /// <summary>Lower-cases with the invariant culture, so the result does not depend on the host's culture (Turkish i).</summary>
    public static string Fold(string normalized) => normalized.ToLowerInvariant();

    /// <summary>Counts Unicode code points (NIST SP 800-63B rev. 4 counts each code point as one character).</summary>
    public static int CountCodePoints(string normalized)
    {
        var count = 0;
        foreach (var _ in normalized.EnumerateRunes()) count++;
        return count;
    }

    /// <summary>Picks Japanese for any <c>ja</c> culture and English otherwise; <see langword="null"/> means the current UI culture.</summary>
    public static bool IsJapanese(CultureInfo? culture) =>
        string.Equals((culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName, "ja", StringComparison.Ordinal);

    private static IEnumerable<Rune> EnumerateRunesReplacingInvalid(string value)
    {
        var index = 0;
        while (index < value.Length)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
            }

            yield return rune;
            index += Math.Max(consumed, 1);
        }
    }
}
