using TakeoverRules.Detection;

namespace TakeoverRules.Orleans;

/// <summary>
/// What an order gateway calls: the detector's decisions, computed in the cluster by the account's grain. Registered by
/// <see cref="TakeoverRulesClientBuilderExtensions.AddTakeoverRules"/> on a client and by
/// <see cref="TakeoverRulesSiloBuilderExtensions.AddTakeoverRules"/> on a silo. Thread-safe.
/// </summary>
public interface IOrderDecisions
{
    /// <summary>
    /// Applies one event to its account and decides on it, exactly as <see cref="TakeoverDetector.Evaluate(AccountEvent)"/>
    /// does in process: for an order, call it before routing the order. Events of one account are applied in the order
    /// their calls reach the account's grain; a repeated id returns <see cref="DecisionStatus.Duplicate"/>.
    /// </summary>
    /// <param name="accountEvent">The event.</param>
    /// <param name="cancellationToken">Stops waiting for the decision (the event may still be applied).</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentException">A field of the event is missing or invalid.</exception>
    Task<Decision> DecideAsync(AccountEvent accountEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a batch of events (logins, settings, executions, portfolios: the non-order stream) and returns one
    /// decision per event in the batch's order. Each account's events are applied in batch order in one call to its
    /// grain; different accounts are applied concurrently, so orders in a batch may miss a ramp that another account's
    /// order in the same batch reports (see <c>docs/hosting.md</c>).
    /// </summary>
    /// <param name="events">The events.</param>
    /// <param name="cancellationToken">Stops waiting for the decisions (events may still be applied).</param>
    /// <returns>The decisions, in the order of <paramref name="events"/>.</returns>
    /// <exception cref="ArgumentException">An event is missing a field or is invalid.</exception>
    Task<IReadOnlyList<Decision>> IngestAsync(IReadOnlyList<AccountEvent> events, CancellationToken cancellationToken = default);
}
