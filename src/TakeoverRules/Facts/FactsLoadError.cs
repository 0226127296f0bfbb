namespace TakeoverRules.Facts;

/// <summary>What kind of problem a <see cref="FactsLoadError"/> is.</summary>
public enum FactsLoadErrorKind
{
    /// <summary>The file cannot be read, is not valid facts JSON, or a value is wrong.</summary>
    Content,

    /// <summary>The update has no signature and the host did not allow unsigned updates.</summary>
    NotSigned,

    /// <summary>The update's signature is not verified by any trusted publisher key: tampered, signed by someone else, or malformed.</summary>
    SignatureInvalid,
}

/// <summary>One problem found in a facts file.</summary>
/// <param name="Path">JSON path of the offending value, for example <c>$.policies[3].cashShare</c> (<c>$</c> for the whole file).</param>
/// <param name="Field">The field name, for example <c>cashShare</c> (empty for the whole file).</param>
/// <param name="Reason">What is wrong, including the offending value where it helps.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FactsLoadError(string Path, string Field, string Reason)
{
    /// <summary>What kind of problem it is; <see cref="FactsLoadErrorKind.Content"/> unless it is about the signature.</summary>
    public FactsLoadErrorKind Kind { get; init; }

    /// <summary>The error as <c>path: reason</c>.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString() => $"{Path}: {Reason}";
}

/// <summary>
/// One change an applied update makes to a contact point users are told to call or visit, compared with the facts
/// it was applied to. Listed because a planted phone number or URL is the most harmful fact an update can carry.
/// </summary>
/// <param name="ContactId">The contact point's id, for example <c>fsa-counselling</c>.</param>
/// <param name="Path">What changed, for example <c>contacts[fsa-counselling].phone</c>; <c>contacts[id]</c> for a new contact point.</param>
/// <param name="Old">The value in force before, or <see langword="null"/> when there was none.</param>
/// <param name="New">The value the update puts in force, or <see langword="null"/> when it removes it.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FactsContactChange(string ContactId, string Path, string? Old, string? New)
{
    /// <summary>The change as <c>path: old → new</c>.</summary>
    /// <returns>The formatted change.</returns>
    public override string ToString() => $"{Path}: {Old ?? "(none)"} → {New ?? "(none)"}";
}

/// <summary>
/// The outcome of applying a facts update: the registry now in force and every problem found. When the update has
/// any error, <see cref="Registry"/> is the registry it was applied to, unchanged.
/// </summary>
/// <param name="Registry">The registry in force after the attempt.</param>
/// <param name="Errors">Every problem found; empty when the update was applied.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FactsLoadResult(FactsRegistry Registry, IReadOnlyList<FactsLoadError> Errors)
{
    /// <summary>Whether the update was applied.</summary>
    public bool Applied => Errors.Count == 0;

    /// <summary>The id of the publisher key that verified the update (see <see cref="FactsUpdateTrust.KeyIds"/>), or <see langword="null"/> when it was not signed or not applied.</summary>
    public string? SignedBy { get; init; }

    /// <summary>Every change the applied update makes to a contact point (phone numbers, URLs, desks), in contact order; empty when none or not applied.</summary>
    public IReadOnlyList<FactsContactChange> ContactChanges { get; init; } = [];
}
