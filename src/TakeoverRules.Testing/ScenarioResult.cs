using TakeoverRules.Detection;

namespace TakeoverRules.Testing;

/// <summary>
/// What the detector decided on every event of a <see cref="Testing.Scenario"/>, in stream order. Assert on it with
/// <c>result.Should()</c> (<see cref="ScenarioResultAssertions"/>), print it with <see cref="TimelineText.Render"/>,
/// snapshot it with <c>GoldenFile</c>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ScenarioResult
{
    private readonly Dictionary<string, int> _indexById;

    internal ScenarioResult(Scenario scenario, IReadOnlyList<EvaluatedEvent> events)
    {
        Scenario = scenario;
        Events = events;
        _indexById = new Dictionary<string, int>(events.Count, StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            _indexById.TryAdd(events[i].Event.Id, i);
        }
    }

    /// <summary>The evaluated scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>Every event with its decision, in the order the detector received them.</summary>
    public IReadOnlyList<EvaluatedEvent> Events { get; }

    /// <summary>Finds an event by its id (for orders, the order id, e.g. <c>buy-1</c>).</summary>
    /// <param name="eventId">The id.</param>
    /// <param name="evaluated">The event with its decision, when found.</param>
    /// <returns>Whether the scenario has that event.</returns>
    public bool TryGet(string eventId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EvaluatedEvent? evaluated)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        evaluated = _indexById.TryGetValue(eventId, out var i) ? Events[i] : null;
        return evaluated is not null;
    }

    /// <summary>The event with this id.</summary>
    /// <param name="eventId">The id.</param>
    /// <returns>The event with its decision.</returns>
    /// <exception cref="KeyNotFoundException">No event has that id; the message lists the timeline's ids.</exception>
    public EvaluatedEvent this[string eventId] =>
        TryGet(eventId, out var e)
            ? e
            : throw new KeyNotFoundException($"The scenario has no event '{eventId}'. Timeline ids: {string.Join(", ", Events.Where(x => !x.IsHistory).Select(x => x.Event.Id))}.");

    /// <summary>The part of the result that concerns one account, e.g. to print one account of a population.</summary>
    /// <param name="account">The account id.</param>
    /// <returns>A result with that account's events and decisions only.</returns>
    public ScenarioResult ForAccount(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var scenario = new Scenario(
            Scenario.Start,
            Scenario.Events.Where(e => e.Event.Account == account).ToList(),
            Scenario.Instruments,
            Scenario.Accounts.Where(a => a.Id == account).ToList());
        return new ScenarioResult(scenario, Events.Where(e => e.Event.Account == account).ToList());
    }

    internal int IndexOf(string eventId) => _indexById.TryGetValue(eventId, out var i) ? i : -1;

    /// <summary>Returns the rendered timeline (<see cref="TimelineText.Render"/>).</summary>
    /// <returns>The timeline text.</returns>
    public override string ToString() => TimelineText.Render(this);
}

/// <summary>One event of a <see cref="ScenarioResult"/> with its ground truth and decision.</summary>
/// <param name="Event">The event.</param>
/// <param name="IsHistory">Whether it belongs to the generated history.</param>
/// <param name="IsFraudulent">Whether the attacker caused it.</param>
/// <param name="Decision">The detector's decision; <see langword="null"/> when the event never reached the detector
/// (the fill of an order that was held, or of any order after the account was frozen).</param>
public sealed record EvaluatedEvent(AccountEvent Event, bool IsHistory, bool IsFraudulent, Decision? Decision)
{
    /// <summary>Whether the decision stops the event: <see cref="DecisionKind.Hold"/> or <see cref="DecisionKind.Freeze"/>.</summary>
    public bool IsStopped => Decision is { Kind: DecisionKind.Hold or DecisionKind.Freeze, Status: DecisionStatus.Evaluated };

    /// <summary>Whether this is a buy order.</summary>
    public bool IsBuy => Event is OrderEvent { Side: OrderSide.Buy };
}

/// <summary>Runs scenarios through a detector.</summary>
public static class ScenarioEvaluation
{
    /// <summary>Evaluates the scenario with a new <see cref="TakeoverDetector"/> over the scenario's instruments.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">Detector options; default the library defaults.</param>
    /// <returns>Every event with its decision.</returns>
    public static ScenarioResult Evaluate(this Scenario scenario, DetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var detector = new TakeoverDetector(options ?? new DetectorOptions(), new InstrumentTable(scenario.Instruments));
        return scenario.Evaluate(detector.Evaluate);
    }

    /// <summary>Builds and evaluates the scenario with a new <see cref="TakeoverDetector"/>.</summary>
    /// <param name="builder">The scenario builder.</param>
    /// <param name="options">Detector options; default the library defaults.</param>
    /// <returns>Every event with its decision.</returns>
    public static ScenarioResult Evaluate(this ScenarioBuilder builder, DetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Build().Evaluate(options);
    }

    /// <summary>
    /// Evaluates the scenario with any decision function: a configured detector (<c>detector.Evaluate</c>), or a broker's
    /// pipeline wrapping one. Events are delivered in time order, as a broker would: the fill of an order that was held,
    /// and every fill on an account after it was frozen, is not delivered (its <see cref="EvaluatedEvent.Decision"/> is null).
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="decide">Decides on one event.</param>
    /// <returns>Every event with its decision.</returns>
    public static ScenarioResult Evaluate(this Scenario scenario, Func<AccountEvent, Decision> decide)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(decide);
        var stoppedOrders = new HashSet<(string Account, string OrderId)>();
        var frozen = new HashSet<string>(StringComparer.Ordinal);
        var results = new EvaluatedEvent[scenario.Events.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var (e, history, fraudulent) = scenario.Events[i];
            if (e is ExecutionEvent fill && (frozen.Contains(fill.Account) || stoppedOrders.Contains((fill.Account, fill.OrderId))))
            {
                results[i] = new EvaluatedEvent(e, history, fraudulent, null);
                continue;
            }

            var decision = decide(e);
            if (decision.Status == DecisionStatus.Evaluated)
            {
                if (decision.Kind == DecisionKind.Freeze)
                {
                    frozen.Add(e.Account);
                }

                if (e is OrderEvent order && decision.Kind is DecisionKind.Hold or DecisionKind.Freeze)
                {
                    stoppedOrders.Add((order.Account, order.OrderId));
                }
            }

            results[i] = new EvaluatedEvent(e, history, fraudulent, decision);
        }

        return new ScenarioResult(scenario, results);
    }
}
