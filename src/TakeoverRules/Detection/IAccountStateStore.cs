using System.Diagnostics.CodeAnalysis;

namespace TakeoverRules.Detection;

/// <summary>
/// Where a <see cref="TakeoverDetector"/> with <see cref="DetectorOptions.MaxAccountsInMemory"/> puts the accounts it
/// evicts, and where it looks for an account that is not in memory. The host supplies it (a key-value store, a
/// file, a table): the detector hands it each evicted account's snapshot (the format of
/// <see cref="TakeoverDetector.SnapshotAccount"/>, sealed like every snapshot) and asks for it back when the account's
/// next event arrives.
/// </summary>
/// <remarks>
/// The detector calls the store synchronously, inside its lock, on the thread that evaluates the event: a slow store
/// slows every evaluation behind it. Keep it fast (local disk, an in-process cache in front of a database); a host that
/// needs asynchronous storage hosts the detector on Orleans (<c>TakeoverRules.Orleans</c>), where each account's
/// grain loads and writes its state asynchronously. An exception from the store propagates to the caller of
/// <see cref="TakeoverDetector.Evaluate(AccountEvent)"/> and leaves the detector's state as it was before the call.
/// The detector never calls the store concurrently.
/// </remarks>
public interface IAccountStateStore
{
    /// <summary>Stores an evicted account's snapshot, replacing any earlier one of the account.</summary>
    /// <param name="account">The account id.</param>
    /// <param name="snapshot">The snapshot; the detector neither keeps nor reuses the array.</param>
    void Save(string account, byte[] snapshot);

    /// <summary>Looks up the snapshot last saved for an account.</summary>
    /// <param name="account">The account id.</param>
    /// <param name="snapshot">The snapshot, or <see langword="null"/> when the store has none.</param>
    /// <returns>Whether the store has a snapshot of the account.</returns>
    bool TryLoad(string account, [NotNullWhen(true)] out byte[]? snapshot);

    /// <summary>Deletes an account's snapshot (<see cref="TakeoverDetector.RemoveAccount"/> was called for it).</summary>
    /// <param name="account">The account id.</param>
    /// <returns>Whether the store had a snapshot of the account.</returns>
    bool Remove(string account);
}
