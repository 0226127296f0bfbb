namespace TakeoverRules.Passwords;

/// <summary>The verdict of a <see cref="PasswordPolicy"/> on one password. Immutable; never contains the password.</summary>
/// <param name="PolicyName">The <see cref="PasswordPolicy.Name"/> that was applied.</param>
/// <param name="Violations">Every rule broken, in the order the policy checks them; empty when compliant.</param>
public sealed record PasswordPolicyResult(string PolicyName, IReadOnlyList<PasswordPolicyViolation> Violations)
{
    /// <summary>Whether the password breaks no rule.</summary>
    public bool IsCompliant => Violations.Count == 0;

    /// <summary>Whether <paramref name="code"/> is among the <see cref="Violations"/>.</summary>
    /// <param name="code">The rule to look for.</param>
    public bool Has(PasswordPolicyViolationCode code) => Violations.Any(v => v.Code == code);
}
