namespace TakeoverRules.Facts;

/// <summary>One problem found in a facts file.</summary>
/// <param name="Path">JSON path of the offending value, for example <c>$.policies[3].cashShare</c> (<c>$</c> for the whole file).</param>
/// <param name="Field">The field name, for example <c>cashShare</c> (empty for the whole file).</param>
/// <param name="Reason">What is wrong, including the offending value where it helps.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FactsLoadError(string Path, string Field, string Reason)
{
    /// <summary>The error as <c>path: reason</c>.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString() => $"{Path}: {Reason}";
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
}
