using System.Globalization;
using System.Runtime.CompilerServices;

namespace TakeoverRules.Detection;

/// <summary>
/// The takeover detector: learns each account's baseline online from its events, decides on every event as it arrives
/// (orders before they execute) and correlates risky buys of the same thin symbol across accounts.
/// Deterministic: it uses event time only, ignores duplicate ids (remembered for
/// <see cref="DetectorOptions.DuplicateWindowMinutes"/> of event time), applies events up to
/// <see cref="DetectorOptions.LateEventGraceMinutes"/> late and rejects later ones with a reason, and its state can be
/// snapshotted and restored per account and per symbol.
/// </summary>
/// <remarks>
/// Thread-safe: calls are serialized by an internal lock. To use more cores, partition accounts over several
/// detectors (cross-account convergence then sees only its own partition).
/// </remarks>
public sealed partial class TakeoverDetector
{
    private readonly DetectorOptions _options;
    private readonly DetectorSettings _settings;
    private readonly DetectionRoute _route;
    private readonly DetectorSnapshotFormat _snapshots;
    private readonly Dictionary<string, AccountState> _accounts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly ulong _configHash;
    private readonly TimeProvider _timeProvider;

    private Dictionary<string, SymbolState> Symbols => _route.CrossAccount.Symbols;

    /// <summary>Creates a detector with no state.</summary>
    /// <param name="options">Thresholds and weights; copied and validated.</param>
    /// <param name="instruments">Reference data for the instruments in orders.</param>
    /// <exception cref="TakeoverRulesOptionsException">The options are invalid; the message lists every problem.</exception>
    public TakeoverDetector(DetectorOptions options, IInstrumentSource instruments)
        : this(options, instruments, TimeProvider.System)
    {
    }

    /// <summary>Creates a detector with no state that takes "now" from <paramref name="timeProvider"/>.</summary>
    /// <param name="options">Thresholds and weights; copied and validated.</param>
    /// <param name="instruments">Reference data for the instruments in orders.</param>
    /// <param name="timeProvider">
    /// The host's clock, used only to refuse events dated more than <see cref="DetectorOptions.MaxFutureMinutes"/> after
    /// now (one such event would otherwise move the account's event time so far ahead that every later event is "too late").
    /// </param>
    /// <exception cref="TakeoverRulesOptionsException">The options are invalid; the message lists every problem.</exception>
    public TakeoverDetector(DetectorOptions options, IInstrumentSource instruments, TimeProvider timeProvider)
        : this(options, instruments, timeProvider, accountStore: null)
    {
    }

    /// <summary>
    /// Creates a detector with no state that keeps at most <see cref="DetectorOptions.MaxAccountsInMemory"/> accounts in
    /// memory, evicting the least recently active ones to <paramref name="accountStore"/> and restoring them from it when
    /// their next event arrives. Decisions are the same as without the bound.
    /// </summary>
    /// <param name="options">Thresholds and weights; copied and validated.</param>
    /// <param name="instruments">Reference data for the instruments in orders.</param>
    /// <param name="timeProvider">The host's clock (see <see cref="TakeoverDetector(DetectorOptions, IInstrumentSource, TimeProvider)"/>).</param>
    /// <param name="accountStore">
    /// Where evicted accounts go; required when <see cref="DetectorOptions.MaxAccountsInMemory"/> is set, and not used
    /// when it is 0 (every account stays in memory).
    /// </param>
    /// <exception cref="TakeoverRulesOptionsException">
    /// The options are invalid, or <see cref="DetectorOptions.MaxAccountsInMemory"/> is set without a store.
    /// </exception>
    public TakeoverDetector(DetectorOptions options, IInstrumentSource instruments, TimeProvider timeProvider, IAccountStateStore? accountStore)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _options = options.Clone();
        var errors = new List<string>();
        _options.Validate(errors);
        if (errors.Count > 0)
        {
            throw new TakeoverRulesOptionsException(errors);
        }

        _configHash = StableHash.Of(_options.Canonical());
        _settings = new DetectorSettings(_options);
        _route = new DetectionRoute(_settings, instruments);
        _snapshots = new DetectorSnapshotFormat(_configHash, _options.MaxDuplicateIds, _options.SnapshotKey, SnapshotTextLength(_options.MaxIdLength));
        _maxAccounts = _options.MaxAccountsInMemory;
        if (_maxAccounts > 0)
        {
            _store = accountStore ?? throw new TakeoverRulesOptionsException(
                [$"Detection.{nameof(DetectorOptions.MaxAccountsInMemory)}: evicting accounts needs an {nameof(IAccountStateStore)} to put them in (was {_maxAccounts}, with no store)"]);
        }
    }

    // Texts in the state are event texts (at most MaxIdLength) or short texts built from them (an address block).
    private static int SnapshotTextLength(int maxIdLength) => maxIdLength + 64;

    // Telemetry (DetectionTelemetry.cs): set by AddTakeoverRules; null for a detector created with new.
    internal DetectionTelemetry? Telemetry { get; init; }

    /// <summary>Hash of the configuration (16 hex digits); snapshots carry it and are restored only under the same one.</summary>
    public string ConfigurationHash => _configHash.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>
    /// Number of accounts with state in memory: at most <see cref="DetectorOptions.MaxAccountsInMemory"/> when it is set
    /// (the evicted accounts, in the <see cref="IAccountStateStore"/>, are not counted).
    /// </summary>
    public int AccountCount
    {
        get
        {
            lock (_gate)
            {
                return _accounts.Count;
            }
        }
    }

    /// <summary>Number of symbols with cross-account state.</summary>
    public int SymbolCount
    {
        get
        {
            lock (_gate)
            {
                return Symbols.Count;
            }
        }
    }

    /// <summary>
    /// Applies one event to its account's state and decides on it. For an order this is the pre-trade decision:
    /// call it before routing the order and act on <see cref="Decision.Kind"/>.
    /// </summary>
    /// <param name="accountEvent">The event.</param>
    /// <returns>The decision; <see cref="Decision.Status"/> says if the event was a duplicate, too late or too early.</returns>
    /// <exception cref="ArgumentException">A field of the event is missing, or a text is longer than <see cref="DetectorOptions.MaxIdLength"/>; the message names it.</exception>
    /// <exception cref="DetectorSnapshotException">
    /// With <see cref="DetectorOptions.MaxAccountsInMemory"/>: the account's evicted snapshot in the
    /// <see cref="IAccountStateStore"/> was refused (corrupt, another configuration or key); the message names the
    /// account, and nothing changed. An exception from the store itself propagates the same way.
    /// </exception>
    public Decision Evaluate(AccountEvent accountEvent)
    {
        ArgumentNullException.ThrowIfNull(accountEvent);
        var start = Telemetry?.Start() ?? 0; // telemetry
        Decision decision;
        lock (_gate)
        {
            decision = EvaluateLocked(accountEvent);
        }

        Telemetry?.Record(decision, start); // telemetry
        return decision;
    }

    /// <summary>
    /// Learns from a historical event without deciding on it (a warm start from a broker's history). The account's state
    /// moves exactly as if the event had been evaluated, so learning a history and then evaluating what follows gives the
    /// same decisions as evaluating both; nothing is reported to telemetry.
    /// </summary>
    /// <param name="accountEvent">The event.</param>
    /// <returns><see cref="DecisionStatus.Evaluated"/> when the event was learned; otherwise why it was ignored.</returns>
    /// <exception cref="ArgumentException">A field of the event is missing or invalid.</exception>
    public DecisionStatus Learn(AccountEvent accountEvent)
    {
        ArgumentNullException.ThrowIfNull(accountEvent);
        lock (_gate)
        {
            return EvaluateLocked(accountEvent).Status;
        }
    }

    /// <summary>Learns from historical events in order (see <see cref="Learn(AccountEvent)"/>).</summary>
    /// <param name="events">The events, in the order they happened.</param>
    /// <returns>How many events were learned; duplicates and events out of time are not counted.</returns>
    /// <exception cref="ArgumentException">A field of an event is missing or invalid; the events before it were learned.</exception>
    public long Learn(IEnumerable<AccountEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        long learned = 0;
        foreach (var e in events)
        {
            learned += Learn(e) == DecisionStatus.Evaluated ? 1 : 0;
        }

        return learned;
    }

    /// <summary>Decides on a batch of events in order, writing one decision per event.</summary>
    /// <param name="events">The events, in arrival order.</param>
    /// <param name="decisions">Receives the decisions; at least as long as <paramref name="events"/>.</param>
    /// <returns>The number of decisions written.</returns>
    public int Evaluate(ReadOnlySpan<AccountEvent> events, Span<Decision> decisions)
    {
        if (decisions.Length < events.Length)
        {
            throw new ArgumentException($"needs room for {events.Length} decisions (has {decisions.Length})", nameof(decisions));
        }

        lock (_gate)
        {
            for (var i = 0; i < events.Length; i++)
            {
                ArgumentNullException.ThrowIfNull(events[i], nameof(events));
                var start = Telemetry?.Start() ?? 0; // telemetry
                decisions[i] = EvaluateLocked(events[i]);
                Telemetry?.Record(decisions[i], start); // telemetry
            }
        }

        return events.Length;
    }

    /// <summary>Decides on a stream of events lazily, one decision per event, in order.</summary>
    /// <param name="events">The events, in arrival order.</param>
    /// <returns>The decisions.</returns>
    public IEnumerable<Decision> EvaluateAll(IEnumerable<AccountEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Iterate(events);

        IEnumerable<Decision> Iterate(IEnumerable<AccountEvent> source)
        {
            foreach (var e in source)
            {
                yield return Evaluate(e);
            }
        }
    }

    /// <summary>Decides on an asynchronous stream of events, one decision per event, in order.</summary>
    /// <param name="events">The events, in arrival order.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The decisions.</returns>
    public async IAsyncEnumerable<Decision> EvaluateAllAsync(IAsyncEnumerable<AccountEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await foreach (var e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Evaluate(e);
        }
    }

    /// <summary>
    /// Removes an account's state (e.g. a closed account, or a host moving it elsewhere); with
    /// <see cref="DetectorOptions.MaxAccountsInMemory"/>, from the <see cref="IAccountStateStore"/> too.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <returns>Whether the account had state (in memory or in the store).</returns>
    public bool RemoveAccount(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_gate)
        {
            return RemoveAccountLocked(account);
        }
    }

    /// <summary>
    /// Snapshots one account's state (versioned, stamped with <see cref="ConfigurationHash"/>); an evicted account's is
    /// the snapshot in the <see cref="IAccountStateStore"/>, checked as if it were restored.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <returns>The snapshot, or <see langword="null"/> when the account has no state.</returns>
    /// <exception cref="DetectorSnapshotException">The account is evicted and its snapshot in the store is refused.</exception>
    public byte[]? SnapshotAccount(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_gate)
        {
            return SnapshotAccountLocked(account);
        }
    }

    /// <summary>
    /// Replaces one account's state with a snapshot taken by <see cref="SnapshotAccount"/>. With
    /// <see cref="DetectorOptions.MaxAccountsInMemory"/> the account becomes the most recently active one, and the least
    /// recently active one may be evicted to make room.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <exception cref="DetectorSnapshotException">The snapshot is corrupt, of another version, or from another configuration.</exception>
    public void RestoreAccount(string account, ReadOnlySpan<byte> snapshot)
    {
        ArgumentNullException.ThrowIfNull(account);
        var state = _snapshots.ReadAccount(snapshot, "account " + account);
        lock (_gate)
        {
            PutAccount(account, state);
        }
    }

    /// <summary>Snapshots one symbol's cross-account state.</summary>
    /// <param name="symbol">The symbol as <c>MARKET:CODE</c>.</param>
    /// <returns>The snapshot, or <see langword="null"/> when the symbol has no state.</returns>
    public byte[]? SnapshotSymbol(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        lock (_gate)
        {
            return Symbols.TryGetValue(symbol, out var state) ? _snapshots.WriteSymbol(state) : null;
        }
    }

    /// <summary>Replaces one symbol's cross-account state with a snapshot taken by <see cref="SnapshotSymbol"/>.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <exception cref="DetectorSnapshotException">The snapshot is corrupt, of another version, or from another configuration.</exception>
    public void RestoreSymbol(string symbol, ReadOnlySpan<byte> snapshot)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var state = _snapshots.ReadSymbol(snapshot, "symbol " + symbol);
        lock (_gate)
        {
            Symbols[symbol] = state;
        }
    }

    /// <summary>
    /// Writes the whole state (every account and symbol in memory) to a stream. With
    /// <see cref="DetectorOptions.MaxAccountsInMemory"/> the evicted accounts are in the <see cref="IAccountStateStore"/>
    /// instead: this state and the store together are the detector's.
    /// </summary>
    /// <param name="destination">Where to write.</param>
    public void SaveState(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        lock (_gate)
        {
            _snapshots.Save(destination, _accounts, Symbols);
        }
    }

    /// <summary>
    /// Replaces the whole state in memory with one written by <see cref="SaveState"/>. With
    /// <see cref="DetectorOptions.MaxAccountsInMemory"/>, the accounts over the bound (the first written go first) are
    /// evicted to the <see cref="IAccountStateStore"/>, and accounts already in the store stay there: give a detector
    /// the store that was used with the state it loads.
    /// </summary>
    /// <param name="source">Where to read.</param>
    /// <exception cref="DetectorSnapshotException">The state is corrupt, of another version, or from another configuration.</exception>
    public void LoadState(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (accounts, symbols) = _snapshots.Load(source);
        lock (_gate)
        {
            ReplaceAccounts(accounts);
            Symbols.Clear();
            foreach (var (key, value) in symbols)
            {
                Symbols[key] = value;
            }
        }
    }

    private Decision EvaluateLocked(AccountEvent e)
    {
        // Validate first, then mutate: an event that fails leaves no trace.
        EventValidation.Validate(e, _options.MaxIdLength);
        var t = e.Time.UtcTicks;
        var latest = _timeProvider.GetUtcNow().UtcTicks + TimeSpan.TicksPerMinute * _options.MaxFutureMinutes;
        if (t > latest)
        {
            return new Decision(e.Id, e.Account, e.Time, e.Type, OutOfTimeKind(e), 0, null)
            {
                Status = DecisionStatus.TooEarly,
                RejectionReason = string.Create(CultureInfo.InvariantCulture,
                    $"event time {e.Time:O} is more than {_options.MaxFutureMinutes} min after now ({_timeProvider.GetUtcNow():O}); rejected so that it cannot move the account's event time"),
            };
        }

        // With MaxAccountsInMemory this may restore the account from the store or evict another; when it throws, nothing changed.
        var st = AccountFor(e.Account);
        var idHash = StableHash.Of(e.Id);
        if (st.RecentIds.Contains(idHash))
        {
            return new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null)
            {
                Status = DecisionStatus.Duplicate,
                RejectionReason = "duplicate event id; ignored",
            };
        }

        if (st.Watermark != 0 && t < st.Watermark - _settings.Grace)
        {
            return new Decision(e.Id, e.Account, e.Time, e.Type, OutOfTimeKind(e), 0, null)
            {
                Status = DecisionStatus.TooLate,
                RejectionReason = string.Create(CultureInfo.InvariantCulture,
                    $"event time {e.Time:O} is {(st.Watermark - t) / (double)TimeSpan.TicksPerMinute:0.#} min before the account's latest event ({new DateTime(st.Watermark, DateTimeKind.Utc):O}); the grace is {_options.LateEventGraceMinutes} min"),
            };
        }

        st.Watermark = Math.Max(st.Watermark, t);
        st.RecentIds.Add(idHash, t, st.Watermark - _settings.DuplicateWindow, _options.DuplicateWindow, _options.MaxDuplicateIds);
        return _route.Route(st, e, t);
    }

    // An order that was not judged is never a silent allow: it gets the host's LateOrderDecision (Review by default).
    private DecisionKind OutOfTimeKind(AccountEvent e) => e.Type == AccountEventType.Order ? _options.LateOrderDecision : DecisionKind.Allow;
}

/// <summary>A detector snapshot could not be restored: corrupt, of an unsupported version, or from another configuration.</summary>
public sealed class DetectorSnapshotException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DetectorSnapshotException()
        : base("The detector snapshot could not be restored.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong with the snapshot.</param>
    public DetectorSnapshotException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying error.</summary>
    /// <param name="message">What is wrong with the snapshot.</param>
    /// <param name="innerException">The underlying error.</param>
    public DetectorSnapshotException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
