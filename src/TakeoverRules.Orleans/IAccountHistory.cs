using TakeoverRules.Detection;

namespace TakeoverRules.Orleans;

/// <summary>
/// The host's record of an account's past events, read when an account grain must learn the account afresh
/// (<see cref="ForeignConfigurationPolicy.Relearn"/>). Register one in the silo's services.
/// </summary>
public interface IAccountHistory
{
    /// <summary>The account's events, oldest first (a bounded recent history is enough: the detector's memory is bounded).</summary>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The events.</returns>
    IAsyncEnumerable<AccountEvent> ReadAsync(string account, CancellationToken cancellationToken);
}
