namespace TakeoverRules.Facts;

/// <summary>Options for the facts registry.</summary>
public sealed class FactsOptions
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Validates instance values once the pillar adds them.")]
    internal void Validate(List<string> errors)
    {
        _ = errors;
    }
}
