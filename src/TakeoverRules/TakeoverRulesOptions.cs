using Microsoft.Extensions.Configuration;
using TakeoverRules.Detection;
using TakeoverRules.Facts;
using TakeoverRules.Passwords;

namespace TakeoverRules;

/// <summary>
/// Options for <see cref="TakeoverRulesServiceCollectionExtensions.AddTakeoverRules(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{TakeoverRulesOptions}?)"/>: one section per pillar.
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

    // Problems found while binding configuration (unknown keys, unparsable values), reported by Validate.
    private readonly List<string> _bindingErrors = [];

    /// <summary>Returns every validation problem, each as <c>Section.Property: reason (was value)</c>; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(_bindingErrors);
        if (Passwords is null) errors.Add("Passwords: must not be null");
        else Passwords.Validate(errors);
        if (Detection is null) errors.Add("Detection: must not be null");
        else Detection.Validate(errors);
        if (Facts is null) errors.Add("Facts: must not be null");
        else Facts.Validate(errors);
        return errors;
    }

    /// <summary>Binds the <c>TakeoverRules</c> configuration section onto these options (see <c>docs/configuration.md</c>).</summary>
    internal void Bind(IConfiguration section)
    {
        foreach (var child in section.GetChildren())
        {
            if (child.Key is not ("Passwords" or "Detection" or "Facts"))
            {
                _bindingErrors.Add($"{child.Key}: unknown section; expected Passwords, Detection or Facts");
            }
        }

        Passwords ??= new();
        Detection ??= new();
        Facts ??= new();
        PasswordServices.Bind(Passwords, section.GetSection("Passwords"), _bindingErrors);
        DetectionServices.Bind(Detection, section.GetSection("Detection"), _bindingErrors);
        FactsServices.Bind(Facts, section.GetSection("Facts"), _bindingErrors);
    }
}
