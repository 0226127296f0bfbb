using TakeoverRules.Detection;
using TakeoverRules.Facts;
using TakeoverRules.Passwords;

namespace TakeoverRules;

/// <summary>
/// Options for <see cref="TakeoverRulesServiceCollectionExtensions.AddTakeoverRules"/>: one section per pillar.
/// The options are validated once, when they are added to the container; an invalid value fails fast with
/// a <see cref="TakeoverRulesOptionsException"/> that lists every problem.
/// </summary>
/// <remarks>Mutable while configuring; not thread-safe. The registered services take a validated copy of the values they use.</remarks>
public sealed class TakeoverRulesOptions
{
    /// <summary>Password-strength estimation, policy and breach checks.</summary>
    public PasswordOptions Passwords { get; set; } = new();

    /// <summary>Takeover-indicator detection thresholds and weights.</summary>
    public DetectorOptions Detection { get; set; } = new();

    /// <summary>Where compensation-policy facts come from.</summary>
    public FactsOptions Facts { get; set; } = new();

    /// <summary>Returns every validation problem, each as <c>Section.Property: reason (was value)</c>; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Passwords is null) errors.Add("Passwords: must not be null");
        else Passwords.Validate(errors);
        if (Detection is null) errors.Add("Detection: must not be null");
        else Detection.Validate(errors);
        if (Facts is null) errors.Add("Facts: must not be null");
        else Facts.Validate(errors);
        return errors;
    }
}
