namespace TakeoverRules.Detection;

/// <summary>
/// One buy in a symbol's convergence window: a buy of a thin instrument by an account with evidence of its own.
/// The window never holds account ids, only a stable key derived from them.
/// </summary>
/// <param name="AccountKey">A stable, non-zero 64-bit key of the account (not reversible to the account id).</param>
/// <param name="Time">Event time of the buy, in UTC.</param>
/// <param name="EventId">Id of the order event.</param>
public readonly record struct RiskyBuy(ulong AccountKey, DateTimeOffset Time, string EventId);

// The cross-account stage for hosts that keep each symbol's convergence window apart from the accounts (an actor
// per symbol, a partitioned consumer): the account side reads a supplied window and hands back the buy it would add;
// the symbol side holds the window. Both sides go through the same rules as Evaluate(AccountEvent).
public sealed partial class TakeoverDetector
{
    /// <summary>
    /// The symbol whose convergence window deciding <paramref name="accountEvent"/> reads — a buy of a thin instrument —
    /// or <see langword="null"/> when the decision reads none. A host that holds windows elsewhere fetches this symbol's
    /// window before calling <see cref="Evaluate(AccountEvent, IReadOnlyList{RiskyBuy}, out RiskyBuy?)"/>.
    /// </summary>
    /// <param name="accountEvent">The event about to be decided.</param>
    /// <returns>The symbol as <c>MARKET:CODE</c>, or <see langword="null"/>.</returns>
    public string? ConvergenceSymbol(AccountEvent accountEvent)
    {
        ArgumentNullException.ThrowIfNull(accountEvent);
        return accountEvent is OrderEvent order && order.Symbol is not null && _route.ReadsConvergence(order) ? order.Symbol : null;
    }

    /// <summary>
    /// Decides on an event as <see cref="Evaluate(AccountEvent)"/> does, except that the convergence window of the
    /// event's symbol is <paramref name="convergenceWindow"/> (held by the host) rather than this detector's, and the
    /// risky buy that the in-process detector would add to that window is returned in <paramref name="riskyBuy"/> for the
    /// host to add where it holds the window. This detector's own windows are neither read nor changed.
    /// </summary>
    /// <param name="accountEvent">The event.</param>
    /// <param name="convergenceWindow">
    /// The window of <see cref="ConvergenceSymbol"/>'s symbol as the host holds it (empty when it has none, or when the
    /// event reads no window); at most 16 buys.
    /// </param>
    /// <param name="riskyBuy">The buy to add to the symbol's window, or <see langword="null"/>.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentException">A field of the event is missing or invalid, or the window is too long.</exception>
    public Decision Evaluate(AccountEvent accountEvent, IReadOnlyList<RiskyBuy> convergenceWindow, out RiskyBuy? riskyBuy)
    {
        ArgumentNullException.ThrowIfNull(accountEvent);
        var start = Telemetry?.Start() ?? 0; // telemetry
        var decision = EvaluateSupplied(accountEvent, convergenceWindow, out riskyBuy);
        Telemetry?.Record(decision, start); // telemetry
        return decision;
    }

    /// <summary>
    /// Learns from a historical event as <see cref="Learn(AccountEvent)"/> does, with the event's convergence window
    /// held by the host (see <see cref="Evaluate(AccountEvent, IReadOnlyList{RiskyBuy}, out RiskyBuy?)"/>); the buy it
    /// would add to the window is dropped.
    /// </summary>
    /// <param name="accountEvent">The event.</param>
    /// <param name="convergenceWindow">The window of the event's symbol as the host holds it, or empty.</param>
    /// <returns><see cref="DecisionStatus.Evaluated"/> when the event was learned; otherwise why it was ignored.</returns>
    /// <exception cref="ArgumentException">A field of the event is missing or invalid, or the window is too long.</exception>
    public DecisionStatus Learn(AccountEvent accountEvent, IReadOnlyList<RiskyBuy> convergenceWindow)
    {
        ArgumentNullException.ThrowIfNull(accountEvent);
        return EvaluateSupplied(accountEvent, convergenceWindow, out _).Status;
    }

    /// <summary>The convergence window this detector holds for a symbol, oldest first (empty when it holds none).</summary>
    /// <param name="symbol">The symbol as <c>MARKET:CODE</c>.</param>
    /// <returns>At most 16 buys.</returns>
    public IReadOnlyList<RiskyBuy> ConvergenceWindow(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        lock (_gate)
        {
            return Symbols.TryGetValue(symbol, out var state) ? state.ToBuys() : [];
        }
    }

    /// <summary>
    /// Adds a risky buy (from <see cref="Evaluate(AccountEvent, IReadOnlyList{RiskyBuy}, out RiskyBuy?)"/>) to the window
    /// this detector holds for <paramref name="symbol"/>, evicting the oldest slot when full. Idempotent: the same
    /// account's buy with the same event id is added once, so a replayed event cannot count twice.
    /// </summary>
    /// <param name="symbol">The symbol as <c>MARKET:CODE</c>.</param>
    /// <param name="buy">The buy.</param>
    /// <returns>Whether the buy was added (<see langword="false"/>: it was already in the window).</returns>
    /// <exception cref="ArgumentException">The buy has no event id or a zero account key.</exception>
    public bool AddRiskyBuy(string symbol, RiskyBuy buy)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        ArgumentException.ThrowIfNullOrEmpty(buy.EventId, nameof(buy));
        if (buy.AccountKey == 0)
        {
            throw new ArgumentException("the account key of a risky buy cannot be 0 (it marks an empty slot)", nameof(buy));
        }

        lock (_gate)
        {
            if (!Symbols.TryGetValue(symbol, out var state))
            {
                state = new SymbolState();
                Symbols.Add(symbol, state);
            }
            else if (state.Contains(buy.AccountKey, buy.EventId))
            {
                return false;
            }

            state.Add(buy.AccountKey, buy.Time.UtcTicks, buy.EventId);
            return true;
        }
    }

    /// <summary>Removes a symbol's cross-account state (e.g. a host moving it elsewhere).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <returns>Whether the symbol had state.</returns>
    public bool RemoveSymbol(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        lock (_gate)
        {
            return Symbols.Remove(symbol);
        }
    }

    private Decision EvaluateSupplied(AccountEvent accountEvent, IReadOnlyList<RiskyBuy> convergenceWindow, out RiskyBuy? riskyBuy)
    {
        ArgumentNullException.ThrowIfNull(convergenceWindow);
        if (convergenceWindow.Count > DetectorOptions.SymbolWindowCapacity)
        {
            throw new ArgumentException($"a convergence window holds at most {DetectorOptions.SymbolWindowCapacity} buys (has {convergenceWindow.Count})", nameof(convergenceWindow));
        }

        var symbol = ConvergenceSymbol(accountEvent);
        var window = symbol is null ? null : SymbolState.From(convergenceWindow);
        var cross = _route.CrossAccount;
        lock (_gate)
        {
            cross.Supply(symbol, window);
            try
            {
                var decision = EvaluateLocked(accountEvent);
                riskyBuy = cross.Reported;
                return decision;
            }
            finally
            {
                cross.EndSupply();
            }
        }
    }
}
