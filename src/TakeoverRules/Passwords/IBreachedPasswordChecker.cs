namespace TakeoverRules.Passwords;

/// <summary>
/// Checks whether a password appears in a corpus of breached passwords (Pwned Passwords through the range API or a
/// local hash file). Implementations are thread-safe, bounded in time, and report failures as
/// <see cref="BreachStatus.Unavailable"/> results rather than exceptions.
/// </summary>
public interface IBreachedPasswordChecker
{
    /// <summary>Checks one password. The password is NFKC-normalised before hashing, as NIST SP 800-63B rev. 4 asks verifiers to store it.</summary>
    /// <param name="password">The password as typed.</param>
    /// <param name="cancellationToken">Cancels the check; cancellation by the caller throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>Found (with a count when known), not found, or unavailable with the reason.</returns>
    ValueTask<BreachCheckResult> CheckAsync(string password, CancellationToken cancellationToken = default);
}
