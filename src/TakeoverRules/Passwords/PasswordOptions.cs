namespace TakeoverRules.Passwords;

/// <summary>Options for password-strength estimation, policy checks and breach checks.</summary>
public sealed class PasswordOptions
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Validates instance values once the pillar adds them.")]
    internal void Validate(List<string> errors)
    {
        _ = errors;
    }
}
