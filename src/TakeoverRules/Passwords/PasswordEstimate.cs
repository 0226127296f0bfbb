namespace TakeoverRules.Passwords;

/// <summary>
/// The result of a password-strength estimate. Holds numbers, codes and positions only: never the password or any
/// part of it, so it is safe to log, serialize and show. Immutable and thread-safe.
/// </summary>
public sealed record PasswordEstimate
{
    internal PasswordEstimate(
        double guessesLog10,
        PasswordFeedback feedback,
        IReadOnlyList<PasswordPattern> sequence,
        int length,
        bool wasNormalized,
        bool wasTruncated)
    {
        GuessesLog10 = guessesLog10;
        Guesses = guessesLog10 >= 308 ? double.MaxValue : Math.Pow(10, guessesLog10);
        Score = ScoreOf(guessesLog10);
        CrackTimes = PasswordCrackTimes.FromLog10Guesses(guessesLog10);
        Feedback = feedback;
        Sequence = sequence;
        Length = length;
        WasNormalized = wasNormalized;
        WasTruncated = wasTruncated;
    }

    /// <summary>The strength band (0–4) of <see cref="Guesses"/>.</summary>
    public PasswordScore Score { get; }

    /// <summary>Estimated guesses an attacker needs; <see cref="double.MaxValue"/> when beyond the range of a double (see <see cref="GuessesLog10"/>).</summary>
    public double Guesses { get; }

    /// <summary>Base-10 logarithm of the estimated guesses; exact even when <see cref="Guesses"/> saturates.</summary>
    public double GuessesLog10 { get; }

    /// <summary>Estimated time to crack in four attack scenarios.</summary>
    public PasswordCrackTimes CrackTimes { get; }

    /// <summary>Warning and suggestions, with Japanese and English texts.</summary>
    public PasswordFeedback Feedback { get; }

    /// <summary>The cheapest explanation of the password, in order, as kinds and positions (never the text).</summary>
    public IReadOnlyList<PasswordPattern> Sequence { get; }

    /// <summary>Length of the password in Unicode code points after NFKC normalization (the length NIST SP 800-63B counts).</summary>
    public int Length { get; }

    /// <summary>True when NFKC normalization changed the input, e.g. full-width letters typed with an IME.</summary>
    public bool WasNormalized { get; }

    /// <summary>
    /// True when the password was longer than <see cref="PasswordEstimatorOptions.MaxAnalyzedLength"/>; the rest appears
    /// as the last pattern, priced as the cheapest extension of the analysed prefix: a <see cref="PasswordPatternKind.Repeat"/>
    /// when the whole input repeats the prefix's period (costing only the larger repeat count), else
    /// <see cref="PasswordPatternKind.BruteForce"/> at 10 guesses a code point, with runs of one character costed as repeats.
    /// </summary>
    public bool WasTruncated { get; }

    internal static PasswordScore ScoreOf(double log10) =>
        log10 < Log10(1e3 + 5) ? PasswordScore.VeryWeak
        : log10 < Log10(1e6 + 5) ? PasswordScore.Weak
        : log10 < Log10(1e8 + 5) ? PasswordScore.Fair
        : log10 < Log10(1e10 + 5) ? PasswordScore.Strong
        : PasswordScore.VeryStrong;

    private static double Log10(double value) => Math.Log10(value);
}
