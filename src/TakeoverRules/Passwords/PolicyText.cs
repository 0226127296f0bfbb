namespace TakeoverRules.Passwords;

/// <summary>Text helpers the policy, PIN and breach checks share, on top of the estimator's <see cref="PasswordNormalization"/>.</summary>
internal static class PolicyText
{
    /// <summary>Returns the NFKC form of <paramref name="value"/> (never throws); <paramref name="hadUnpairedSurrogate"/> says whether U+FFFD had to stand in for a broken UTF-16 unit.</summary>
    public static string Normalize(string value, out bool hadUnpairedSurrogate)
    {
        hadUnpairedSurrogate = PasswordNormalization.IndexOfUnpairedSurrogate(value) >= 0;
        return PasswordNormalization.Normalize(value);
    }

    /// <summary>Lower-cases with the invariant culture, so the result does not depend on the host's culture (Turkish i).</summary>
    public static string Fold(string normalized) => normalized.ToLowerInvariant();

    /// <summary>Counts Unicode code points (NIST SP 800-63B rev. 4 counts each code point as one character).</summary>
    public static int CountCodePoints(string normalized) => PasswordNormalization.CountCodePoints(normalized);
}
