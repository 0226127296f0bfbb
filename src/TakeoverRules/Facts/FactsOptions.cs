namespace TakeoverRules.Facts;

/// <summary>Options for the facts registry and the compensation outlook.</summary>
/// <remarks>Mutable while configuring; not thread-safe. Validated once by <see cref="TakeoverRulesServiceCollectionExtensions.AddTakeoverRules(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{TakeoverRulesOptions}?)"/>.</remarks>
public sealed class FactsOptions
{
    /// <summary>
    /// Path of a newer facts file (same schema as the embedded data, with a version and a date) applied on top of the
    /// embedded facts when the registry is first resolved. Default <see langword="null"/>: the embedded facts only.
    /// The file is loaded and checked during validation, so a file with problems fails start-up (every problem listed)
    /// unless <see cref="UseEmbeddedFactsOnError"/> is set.
    /// </summary>
    public string? UpdateFilePath { get; set; }

    /// <summary>
    /// When the update file has problems, log them as an error and keep the embedded facts in force instead of failing
    /// start-up; the problems stay readable through <see cref="FactsLoadResult"/>. Default <see langword="false"/>:
    /// a broker that ships an update expects it to be in force.
    /// </summary>
    public bool UseEmbeddedFactsOnError { get; set; }

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
        else if (!UseEmbeddedFactsOnError)
        {
            // Loaded once here so a rejected update fails start-up rather than the first compensation outlook.
            foreach (var error in FactsRegistry.Embedded.ApplyUpdateFile(UpdateFilePath).Errors)
            {
                errors.Add($"Facts.UpdateFilePath: {error} (was '{UpdateFilePath}')");
            }
        }
    }
}
