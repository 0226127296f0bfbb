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

    /// <summary>
    /// The public keys of the publishers whose facts updates are trusted, each a PEM <c>PUBLIC KEY</c> block
    /// (SubjectPublicKeyInfo) of an ECDSA P-256 key. The update file must come with a detached signature
    /// (<c>UpdateFilePath</c> + <c>.sig</c>, or <see cref="SignatureFilePath"/>) by one of them. Checked at start-up.
    /// </summary>
    public IList<string> PublisherKeys { get; } = [];

    /// <summary>
    /// The detached signature of the update file. Default <see langword="null"/>: <see cref="UpdateFilePath"/> with
    /// <c>.sig</c> appended.
    /// </summary>
    public string? SignatureFilePath { get; set; }

    /// <summary>
    /// Apply an update file that has no signature. Default <see langword="false"/>: an unsigned update fails start-up,
    /// because whoever can write the file can change the phone numbers and pages victims are sent to. A signature that
    /// is present but invalid is refused even when this is set.
    /// </summary>
    public bool AllowUnsignedUpdates { get; set; }

    /// <summary>The trust the options describe; call only after <see cref="Validate"/> found no key problem.</summary>
    internal FactsUpdateTrust Trust() => FactsUpdateTrust.Create(PublisherKeys, AllowUnsignedUpdates);

    internal void Validate(List<string> errors)
    {
        var keyErrors = errors.Count;
        for (var i = 0; i < PublisherKeys.Count; i++)
        {
            if (!FactsUpdateTrust.TryReadKey(PublisherKeys[i], out _, out var reason)) errors.Add($"Facts.PublisherKeys[{i}]: {reason}");
        }

        if (SignatureFilePath is not null && string.IsNullOrWhiteSpace(SignatureFilePath))
        {
            errors.Add($"Facts.SignatureFilePath: must not be empty or white space (was '{SignatureFilePath}')");
        }

        if (UpdateFilePath is null || errors.Count > keyErrors) return;
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
            foreach (var error in FactsRegistry.Embedded.ApplyUpdateFile(UpdateFilePath, Trust(), SignatureFilePath).Errors)
            {
                errors.Add($"Facts.UpdateFilePath: {error} (was '{UpdateFilePath}')");
            }
        }
    }
}
