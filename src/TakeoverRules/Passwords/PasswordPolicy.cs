using System.Globalization;

namespace TakeoverRules.Passwords;

/// <summary>
/// What a password must satisfy, separate from the strength estimate. Use <see cref="Nist"/> or <see cref="NistMultiFactor"/>
/// (NIST SP 800-63B rev. 4, §3.1.1, passwords) or build a broker policy with <c>with</c> / object initialisers, then call
/// <see cref="Validate"/> (or let <see cref="PasswordPolicyChecker"/> do it).
/// </summary>
/// <remarks>
/// Lengths are Unicode code points after NFKC normalisation, as NIST asks. Immutable and thread-safe.
/// NIST rev. 4 also forbids composition rules and forced periodic rotation: <see cref="Nist"/> requires no classes,
/// and no policy here has an expiry — rotate only on evidence of compromise.
/// </remarks>
public sealed record PasswordPolicy
{
    /// <summary>The largest <see cref="MaximumLength"/> accepted, so one check stays bounded in time and memory.</summary>
    public const int MaximumLengthLimit = 4096;

    /// <summary>
    /// NIST SP 800-63B rev. 4 for a password that is the only factor: at least 15 code points, up to
    /// <see cref="MaximumLength"/> 256 (NIST: at least 64 SHOULD be allowed), no composition rules, whole-password
    /// blocklist and context-word checks. Name <c>nist</c>.
    /// </summary>
    /// <remarks>
    /// Each read returns a new instance, equal by value to every other: a configuration binder that writes into the
    /// policy it finds on <see cref="PasswordOptions.Policy"/> changes that copy only, never the preset other callers get.
    /// </remarks>
    public static PasswordPolicy Nist => new() { Name = "nist" };

    /// <summary>
    /// NIST SP 800-63B rev. 4 for a password used only as part of multi-factor authentication: as <see cref="Nist"/>
    /// but at least 8 code points. Name <c>nist-mfa</c>.
    /// </summary>
    /// <remarks>Each read returns a new instance, equal by value to every other (see <see cref="Nist"/>).</remarks>
    public static PasswordPolicy NistMultiFactor => new() { Name = "nist-mfa", MinimumLength = 8 };

    /// <summary>The presets by name: <c>nist</c> and <c>nist-mfa</c>; new instances on each read (see <see cref="Nist"/>).</summary>
    public static IReadOnlyList<PasswordPolicy> Presets => [Nist, NistMultiFactor];

    /// <summary>A short name for logs, results and the CLI's <c>--policy</c>. Default <c>custom</c>.</summary>
    public string Name { get; init; } = "custom";

    /// <summary>Minimum length in code points after NFKC normalisation. Default 15 (NIST rev. 4, single factor).</summary>
    public int MinimumLength { get; init; } = 15;

    /// <summary>Maximum length in code points; longer passwords are rejected with a reason, never truncated. Default 256; at most <see cref="MaximumLengthLimit"/>.</summary>
    public int MaximumLength { get; init; } = 256;

    /// <summary>Classes that must each appear (a composition rule, which NIST rev. 4 forbids; for brokers that still require it). Default <see cref="CharacterClasses.None"/>.</summary>
    public CharacterClasses RequiredClasses { get; init; } = CharacterClasses.None;

    /// <summary>How many of the four classes must appear, e.g. 3 for "three of upper, lower, digit, symbol". Default 0.</summary>
    public int MinimumClassCount { get; init; }

    /// <summary>Accept only printable ASCII (U+0020–U+007E) after NFKC, for systems that cannot store other characters. Default <see langword="false"/>.</summary>
    public bool AsciiOnly { get; init; }

    /// <summary>Reject a password on the blocklist of common and breached passwords. Default <see langword="true"/>.</summary>
    public bool CheckBlocklist { get; init; } = true;

    /// <summary>Reject a password that is a context word (service name, login ID, e-mail, name) or a derivative of one. Default <see langword="true"/>.</summary>
    public bool CheckContextWords { get; init; } = true;

    /// <summary>
    /// The lowest <see cref="PasswordEstimate.Score"/> accepted, for services that want a strength floor on top of the
    /// rules; <see langword="null"/> for none. Default <see langword="null"/> (NIST sets no strength score).
    /// </summary>
    public PasswordScore? MinimumScore { get; init; }

    /// <summary>Finds a preset by <see cref="Name"/> (ordinal, case-insensitive).</summary>
    /// <param name="name">The preset name, e.g. <c>nist</c>.</param>
    /// <param name="policy">The preset, when found.</param>
    /// <returns>Whether a preset has that name.</returns>
    public static bool TryGetPreset(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PasswordPolicy? policy)
    {
        policy = Presets.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return policy is not null;
    }

    /// <summary>Returns every problem with this policy's values, each as <c>Property: reason (was value)</c>; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        AddErrors(errors, prefix: "");
        return errors;
    }

    internal void AddErrors(List<string> errors, string prefix)
    {
        if (string.IsNullOrWhiteSpace(Name)) errors.Add($"{prefix}Name: must not be empty (was '{Name}')");
        if (MinimumLength < 1) errors.Add($"{prefix}MinimumLength: must be at least 1 (was {MinimumLength.ToString(CultureInfo.InvariantCulture)})");
        if (MaximumLength > MaximumLengthLimit)
        {
            errors.Add($"{prefix}MaximumLength: must be at most {MaximumLengthLimit.ToString(CultureInfo.InvariantCulture)} (was {MaximumLength.ToString(CultureInfo.InvariantCulture)})");
        }

        if (MaximumLength < MinimumLength)
        {
            errors.Add($"{prefix}MaximumLength: must be at least MinimumLength {MinimumLength.ToString(CultureInfo.InvariantCulture)} (was {MaximumLength.ToString(CultureInfo.InvariantCulture)})");
        }

        if ((RequiredClasses & ~CharacterClasses.All) != 0)
        {
            errors.Add($"{prefix}RequiredClasses: unknown flags (was {((int)RequiredClasses).ToString(CultureInfo.InvariantCulture)})");
        }

        if (MinimumClassCount is < 0 or > 4)
        {
            errors.Add($"{prefix}MinimumClassCount: must be between 0 and 4 (was {MinimumClassCount.ToString(CultureInfo.InvariantCulture)})");
        }

        if (MinimumScore is { } score && !Enum.IsDefined(score))
        {
            errors.Add($"{prefix}MinimumScore: must be 0 to 4 (was {((int)score).ToString(CultureInfo.InvariantCulture)})");
        }

        var demanded = Math.Max(MinimumClassCount, System.Numerics.BitOperations.PopCount((uint)(RequiredClasses & CharacterClasses.All)));
        if (demanded > MaximumLength && MaximumLength >= 1)
        {
            errors.Add($"{prefix}MaximumLength: too short to hold {demanded.ToString(CultureInfo.InvariantCulture)} character classes (was {MaximumLength.ToString(CultureInfo.InvariantCulture)})");
        }
    }
}
