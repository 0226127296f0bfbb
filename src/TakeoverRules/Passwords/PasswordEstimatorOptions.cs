namespace TakeoverRules.Passwords;

/// <summary>
/// Options for <see cref="PasswordStrengthEstimator"/>. A plain mutable class: the estimator copies what it needs
/// when constructed, so later changes do not affect an existing estimator.
/// </summary>
public sealed class PasswordEstimatorOptions
{
    /// <summary>Smallest accepted <see cref="MaxAnalyzedLength"/>.</summary>
    public const int MinAnalyzedLength = 16;

    /// <summary>Largest accepted <see cref="MaxAnalyzedLength"/>.</summary>
    public const int MaxAnalyzedLengthLimit = 1024;

    /// <summary>
    /// How many UTF-16 code units of the normalized password the pattern matchers analyse; every code point beyond
    /// is counted as brute force (10 guesses each). Bounds the cost of very long input. Default 256; allowed
    /// <see cref="MinAnalyzedLength"/> to <see cref="MaxAnalyzedLengthLimit"/>.
    /// </summary>
    public int MaxAnalyzedLength { get; set; } = 256;

    /// <summary>
    /// The year dates are judged against (recent years are guessed first). Default null: the current UTC year from
    /// <see cref="TimeProvider"/> at each estimate.
    /// </summary>
    public int? ReferenceYear { get; set; }

    /// <summary>The clock used when <see cref="ReferenceYear"/> is null. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Words specific to the service that an attacker would try first, such as the broker's and the app's names
    /// (NIST SP 800-63B and OWASP ASVS 6.2.11 context-specific words). Matched like user inputs. Default empty.
    /// </summary>
    public IList<string> ContextWords { get; } = [];

    internal void Validate(List<string> errors, string section)
    {
        if (MaxAnalyzedLength is < MinAnalyzedLength or > MaxAnalyzedLengthLimit)
            errors.Add($"{section}.MaxAnalyzedLength: must be between {MinAnalyzedLength} and {MaxAnalyzedLengthLimit} (was {MaxAnalyzedLength})");
        if (ReferenceYear is < 1900 or > 2200)
            errors.Add($"{section}.ReferenceYear: must be between 1900 and 2200 (was {ReferenceYear})");
        if (TimeProvider is null)
            errors.Add($"{section}.TimeProvider: must not be null (was null)");
        for (var i = 0; i < ContextWords.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ContextWords[i]))
                errors.Add($"{section}.ContextWords[{i}]: must not be empty (was \"{ContextWords[i]}\")");
        }
    }
}
