using Microsoft.Extensions.Options;

namespace TakeoverRules;

/// <summary>
/// Validates <see cref="TakeoverRulesOptions"/> with each pillar's <c>Validate(List&lt;string&gt;)</c>, plus the binding
/// problems found while reading configuration. Hand-written rather than <c>[OptionsValidator]</c>-generated because the
/// rules cross properties and open files; it uses no reflection, so it is trimming- and AOT-safe.
/// </summary>
internal sealed class TakeoverRulesOptionsValidator : IValidateOptions<TakeoverRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, TakeoverRulesOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
