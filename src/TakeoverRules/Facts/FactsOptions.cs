namespace TakeoverRules.Facts;

/// <summary>Options for the facts registry and the compensation outlook.</summary>
/// <remarks>Mutable while configuring; not thread-safe. Validated once by <see cref="TakeoverRulesServiceCollectionExtensions.AddTakeoverRules"/>.</remarks>
public sealed class FactsOptions
{
    /// <summary>
    /// Path of a newer facts file (same schema as the embedded data, with a version and a date) applied on top of the
    /// embedded facts when the registry is first resolved. Default <see langword="null"/>: the embedded facts only.
    /// When the file has problems they are reported through <see cref="FactsLoadResult"/> and the embedded facts stay in force.
    /// </summary>
    public string? UpdateFilePath { get; set; }

    internal void Validate(List<string> errors)
    {
        if (UpdateFilePath is null) return;
        if (string.IsNullOrWhiteSpace(UpdateFilePath))
        {
            errors.Add($"Facts.UpdateFilePath: must not be empty or white space (was '{UpdateFilePath}')");
        }
        else if (UpdateFilePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add($"Facts.UpdateFilePath: contains characters not allowed in a path (was '{UpdateFilePath}')");
        }
        else if (!File.Exists(UpdateFilePath))
        {
            errors.Add($"Facts.UpdateFilePath: file not found (was '{UpdateFilePath}')");
        }
    }
}
