using System.Globalization;
using System.Text;

namespace TakeoverRules.Passwords;

/// <summary>
/// Applies a <see cref="PasswordPolicy"/> to passwords: length in code points after NFKC normalisation, character
/// rules, a whole-password blocklist and context words. Thread-safe; results never contain the password.
/// </summary>
public sealed class PasswordPolicyChecker
{
    private readonly IPasswordBlocklist _blocklist;
    private readonly ContextWordSet _serviceWords;
    private readonly PasswordStrengthEstimator _estimator;

    /// <summary>Creates a checker for <paramref name="policy"/>.</summary>
    /// <param name="policy">The policy; validated here.</param>
    /// <param name="blocklist">Passwords to refuse whole; <see langword="null"/> for <see cref="PasswordBlocklist.CommonPasswords"/>, <see cref="PasswordBlocklist.Empty"/> for none.</param>
    /// <param name="serviceWords">Context words that apply to every user, such as the broker's and the service's names.</param>
    /// <param name="estimator">Estimates strength for <see cref="PasswordPolicy.MinimumScore"/>; <see langword="null"/> for <see cref="PasswordStrength.DefaultEstimator"/>.</param>
    /// <exception cref="ArgumentException">The policy is invalid; the message lists every problem.</exception>
    public PasswordPolicyChecker(PasswordPolicy policy, IPasswordBlocklist? blocklist = null, IEnumerable<string>? serviceWords = null, PasswordStrengthEstimator? estimator = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var errors = policy.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Password policy '{policy.Name}' is invalid: {string.Join("; ", errors)}", nameof(policy));
        }

        Policy = policy;
        _blocklist = blocklist ?? PasswordBlocklist.CommonPasswords();
        _estimator = estimator ?? PasswordStrength.DefaultEstimator;
        _serviceWords = new ContextWordSet(serviceWords);
    }

    /// <summary>The policy this checker applies.</summary>
    public PasswordPolicy Policy { get; }

    /// <summary>Checks one password against the policy.</summary>
    /// <param name="password">The password as typed; any string is accepted (unpaired surrogates are a violation, not an exception).</param>
    /// <param name="userInputs">Context words for this user: login ID, e-mail address, names. At most 64 are used, each up to 256 characters.</param>
    /// <returns>Every rule broken, in a fixed order.</returns>
    public PasswordPolicyResult Check(string password, IReadOnlyList<string>? userInputs = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        // A broken UTF-16 unit is refused as a disallowed character; it is never estimated (the estimator refuses it too).
        var estimable = Policy.MinimumScore is not null && PasswordNormalization.IndexOfUnpairedSurrogate(password) < 0;
        return Check(password, estimable ? _estimator.Estimate(password, userInputs) : null, userInputs);
    }

    /// <summary>Checks one password against the policy, reusing an estimate already made for it (no second estimate).</summary>
    /// <param name="password">The password as typed.</param>
    /// <param name="estimate">The estimate of this password, used for <see cref="PasswordPolicy.MinimumScore"/>; <see langword="null"/> skips that rule.</param>
    /// <param name="userInputs">Context words for this user: login ID, e-mail address, names.</param>
    /// <returns>Every rule broken, in a fixed order.</returns>
    public PasswordPolicyResult Check(string password, PasswordEstimate? estimate, IReadOnlyList<string>? userInputs = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        var violations = new List<PasswordPolicyViolation>();
        var normalized = PolicyText.Normalize(password, out var hadUnpairedSurrogate);

        var length = 0;
        var classes = CharacterClasses.None;
        var hasControl = hadUnpairedSurrogate;
        var hasNonAscii = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            length++;
            classes |= Classify(rune, ref hasControl);
            if (rune.Value is < 0x20 or > 0x7E) hasNonAscii = true;
        }

        if (length < Policy.MinimumLength) violations.Add(new(PasswordPolicyViolationCode.TooShort) { Limit = Policy.MinimumLength });
        if (length > Policy.MaximumLength) violations.Add(new(PasswordPolicyViolationCode.TooLong) { Limit = Policy.MaximumLength });

        var missing = Policy.RequiredClasses & CharacterClasses.All & ~classes;
        if (missing != CharacterClasses.None) violations.Add(new(PasswordPolicyViolationCode.MissingCharacterClass) { MissingClasses = missing });
        if (System.Numerics.BitOperations.PopCount((uint)classes) < Policy.MinimumClassCount)
        {
            violations.Add(new(PasswordPolicyViolationCode.TooFewCharacterClasses) { Limit = Policy.MinimumClassCount });
        }

        if (hasControl) violations.Add(new(PasswordPolicyViolationCode.DisallowedCharacter));
        if (Policy.AsciiOnly && hasNonAscii) violations.Add(new(PasswordPolicyViolationCode.NonAsciiCharacter));

        // A password far beyond the maximum is refused above; folding it for the list lookups would only cost time.
        if (length <= Policy.MaximumLength && (Policy.CheckBlocklist || Policy.CheckContextWords))
        {
            var folded = PolicyText.Fold(normalized);
            var core = StripAffixes(folded);
            if (Policy.CheckBlocklist && (_blocklist.Contains(folded) || (core is not null && _blocklist.Contains(core))))
            {
                violations.Add(new(PasswordPolicyViolationCode.Blocklisted));
            }

            if (Policy.CheckContextWords)
            {
                // Built per call from this user's inputs; the service words were built once.
                var userWords = userInputs is { Count: > 0 } ? new ContextWordSet(userInputs) : null;
                if (IsContextWord(_serviceWords, folded, core) || (userWords is not null && IsContextWord(userWords, folded, core)))
                {
                    violations.Add(new(PasswordPolicyViolationCode.ContextWord));
                }
            }
        }

        if (Policy.MinimumScore is { } minimum && estimate is not null && estimate.Score < minimum)
        {
            violations.Add(new(PasswordPolicyViolationCode.TooGuessable) { Limit = (int)minimum, Actual = (int)estimate.Score });
        }

        return new PasswordPolicyResult(Policy.Name, violations);
    }

    /// <summary>Describes the checker by its policy name only.</summary>
    public override string ToString() => $"PasswordPolicyChecker ({Policy.Name})";

    private static bool IsContextWord(ContextWordSet words, string folded, string? core) =>
        !words.IsEmpty && (words.Matches(folded) || (core is not null && words.Matches(core)) || words.Matches(ContextWordSet.Compact(folded)));

    private static CharacterClasses Classify(Rune rune, ref bool hasControl)
    {
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.LowercaseLetter: return CharacterClasses.Lowercase;
            case UnicodeCategory.UppercaseLetter: return CharacterClasses.Uppercase;
            case UnicodeCategory.DecimalDigitNumber: return CharacterClasses.Digit;
            case UnicodeCategory.Control:
            case UnicodeCategory.Surrogate:
                hasControl = true;
                return CharacterClasses.None;
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.DashPunctuation:
            case UnicodeCategory.OpenPunctuation:
            case UnicodeCategory.ClosePunctuation:
            case UnicodeCategory.InitialQuotePunctuation:
            case UnicodeCategory.FinalQuotePunctuation:
            case UnicodeCategory.OtherPunctuation:
            case UnicodeCategory.MathSymbol:
            case UnicodeCategory.CurrencySymbol:
            case UnicodeCategory.ModifierSymbol:
            case UnicodeCategory.OtherSymbol:
                return CharacterClasses.Symbol;
            default:
                return CharacterClasses.None;
        }
    }

    /// <summary>
    /// The password without leading and trailing non-letters (<c>password123!</c> → <c>password</c>), the commonest
    /// way a listed word is "strengthened"; <see langword="null"/> when that leaves fewer than 4 code points or nothing changes.
    /// </summary>
    private static string? StripAffixes(string folded)
    {
        var start = 0;
        var end = folded.Length;
        while (start < end && Rune.DecodeFromUtf16(folded.AsSpan(start), out var rune, out var consumed) == System.Buffers.OperationStatus.Done && !Rune.IsLetter(rune))
        {
            start += consumed;
        }

        while (end > start && Rune.DecodeLastFromUtf16(folded.AsSpan(start, end - start), out var rune, out var consumed) == System.Buffers.OperationStatus.Done && !Rune.IsLetter(rune))
        {
            end -= consumed;
        }

        if (start == 0 && end == folded.Length) return null;
        var core = folded[start..end];
        return PolicyText.CountCodePoints(core) >= 4 ? core : null;
    }
}
