namespace TakeoverRules.Detection;

/// <summary>Thresholds and weights of the takeover detector.</summary>
public sealed class DetectorOptions
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Validates instance values once the pillar adds them.")]
    internal void Validate(List<string> errors)
    {
        _ = errors;
    }
}
