using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace TakeoverRules.Detection;

/// <summary>
/// The takeover detector: learns each account's baseline online from its events, decides on every event as it arrives
/// (orders before they execute) and correlates risky buys of the same thin symbol across accounts.
/// Deterministic: it uses event time only, ignores duplicate ids, applies events up to
/// <see cref="DetectorOptions.LateEventGraceMinutes"/> late and rejects later ones with a reason, and its state can be
/// snapshotted and restored per account and per symbol.
/// </summary>
/// <remarks>
/// Thread-safe: calls are serialized by an internal lock. To use more cores, partition accounts over several
/// detectors (cross-account convergence then sees only its own partition).
/// </remarks>
public sealed class TakeoverDetector
{
    private const int SnapshotVersion = 1;
    private static readonly byte[] AccountMagic = "TRDA"u8.ToArray();
    private static readonly byte[] SymbolMagic = "TRDS"u8.ToArray();
    private static readonly byte[] DetectorMagic = "TRDD"u8.ToArray();

    private readonly DetectorOptions _options;
    private readonly IInstrumentSource _instruments;
    private readonly Dictionary<string, AccountState> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SymbolState> _symbols = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Candidate[] _candidates = new Candidate[32];
    private int _count;
    private readonly ulong _configHash;
    private readonly long _grace, _trust, _horizon, _failWindow, _dormant, _settingsWindow, _burstGap, _ladderWindow, _convergenceWindow, _localOffset;
    private readonly double _halfLife;

    /// <summary>Creates a detector with no state.</summary>
    /// <param name="options">Thresholds and weights; copied and validated.</param>
    /// <param name="instruments">Reference data for the instruments in orders.</param>
    /// <exception cref="TakeoverRulesOptionsException">The options are invalid; the message lists every problem.</exception>
    public TakeoverDetector(DetectorOptions options, IInstrumentSource instruments)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(instruments);
        _options = options.Clone();
        var errors = new List<string>();
        _options.Validate(errors);
        if (errors.Count > 0)
        {
            throw new TakeoverRulesOptionsException(errors);
        }

        _instruments = instruments;
        _configHash = StableHash.Of(_options.Canonical());
        _grace = TimeSpan.TicksPerMinute * _options.LateEventGraceMinutes;
        _trust = TimeSpan.TicksPerHour * _options.TrustAfterHours;
        _horizon = TimeSpan.TicksPerHour * _options.SessionHorizonHours;
        _failWindow = TimeSpan.TicksPerMinute * _options.FailedLoginWindowMinutes;
        _dormant = TimeSpan.TicksPerDay * _options.DormantDays;
        _settingsWindow = TimeSpan.TicksPerHour * _options.SettingsWindowHours;
        _burstGap = TimeSpan.TicksPerMinute * _options.BurstGapMinutes;
        _ladderWindow = TimeSpan.TicksPerMinute * _options.LadderWindowMinutes;
        _convergenceWindow = TimeSpan.TicksPerMinute * _options.ConvergenceWindowMinutes;
        _localOffset = TimeSpan.TicksPerMinute * _options.LocalUtcOffsetMinutes;
        _halfLife = TimeSpan.TicksPerHour * _options.SessionHalfLifeHours;
    }

    // Telemetry (DetectionTelemetry.cs): set by AddTakeoverRules; null for a detector created with new.
    internal DetectionTelemetry? Telemetry { get; init; }

    /// <summary>Hash of the configuration (16 hex digits); snapshots carry it and are restored only under the same one.</summary>
    public string ConfigurationHash => _configHash.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Number of accounts with state.</summary>
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
                return _symbols.Count;
            }
        }
    }

    /// <summary>
    /// Applies one event to its account's state and decides on it. For an order this is the pre-trade decision:
    /// call it before routing the order and act on <see cref="Decision.Kind"/>.
    /// </summary>
    /// <param name="accountEvent">The event.</param>
    /// <returns>The decision; <see cref="Decision.Status"/> says if the event was a duplicate or too late.</returns>
    /// <exception cref="ArgumentException">The event has no id or no account.</exception>
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

    /// <summary>Removes an account's state (e.g. a closed account, or a host moving it elsewhere).</summary>
    /// <param name="account">The account.</param>
    /// <returns>Whether the account had state.</returns>
    public bool RemoveAccount(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_gate)
        {
            return _accounts.Remove(account);
        }
    }

    /// <summary>Snapshots one account's state (versioned, stamped with <see cref="ConfigurationHash"/>).</summary>
    /// <param name="account">The account.</param>
    /// <returns>The snapshot, or <see langword="null"/> when the account has no state.</returns>
    public byte[]? SnapshotAccount(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_gate)
        {
            return _accounts.TryGetValue(account, out var state) ? Serialize(AccountMagic, state.Write) : null;
        }
    }

    /// <summary>Replaces one account's state with a snapshot taken by <see cref="SnapshotAccount"/>.</summary>
    /// <param name="account">The account.</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <exception cref="DetectorSnapshotException">The snapshot is corrupt, of another version, or from another configuration.</exception>
    public void RestoreAccount(string account, ReadOnlySpan<byte> snapshot)
    {
        ArgumentNullException.ThrowIfNull(account);
        var state = Deserialize(snapshot, AccountMagic, "account " + account, r => AccountState.Read(r, _options.DuplicateWindow));
        lock (_gate)
        {
            _accounts[account] = state;
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
            return _symbols.TryGetValue(symbol, out var state) ? Serialize(SymbolMagic, state.Write) : null;
        }
    }

    /// <summary>Replaces one symbol's cross-account state with a snapshot taken by <see cref="SnapshotSymbol"/>.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <exception cref="DetectorSnapshotException">The snapshot is corrupt, of another version, or from another configuration.</exception>
    public void RestoreSymbol(string symbol, ReadOnlySpan<byte> snapshot)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var state = Deserialize(snapshot, SymbolMagic, "symbol " + symbol, SymbolState.Read);
        lock (_gate)
        {
            _symbols[symbol] = state;
        }
    }

    /// <summary>Writes the whole state (every account and symbol) to a stream.</summary>
    /// <param name="destination">Where to write.</param>
    public void SaveState(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        lock (_gate)
        {
            using var writer = new BinaryWriter(destination, Encoding.UTF8, leaveOpen: true);
            WriteHeader(writer, DetectorMagic);
            writer.Write(_accounts.Count);
            foreach (var (account, state) in _accounts)
            {
                writer.Write(account);
                state.Write(writer);
            }

            writer.Write(_symbols.Count);
            foreach (var (symbol, state) in _symbols)
            {
                writer.Write(symbol);
                state.Write(writer);
            }
        }
    }

    /// <summary>Replaces the whole state with one written by <see cref="SaveState"/>.</summary>
    /// <param name="source">Where to read.</param>
    /// <exception cref="DetectorSnapshotException">The state is corrupt, of another version, or from another configuration.</exception>
    public void LoadState(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var accounts = new Dictionary<string, AccountState>(StringComparer.Ordinal);
        var symbols = new Dictionary<string, SymbolState>(StringComparer.Ordinal);
        try
        {
            using var reader = new BinaryReader(source, Encoding.UTF8, leaveOpen: true);
            ReadHeader(reader, DetectorMagic, "detector state");
            var accountCount = reader.ReadInt32();
            for (var i = 0; i < accountCount; i++)
            {
                accounts[reader.ReadString()] = AccountState.Read(reader, _options.DuplicateWindow);
            }

            var symbolCount = reader.ReadInt32();
            for (var i = 0; i < symbolCount; i++)
            {
                symbols[reader.ReadString()] = SymbolState.Read(reader);
            }
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException or FormatException)
        {
            throw new DetectorSnapshotException($"detector state is corrupt: {ex.Message}", ex);
        }

        lock (_gate)
        {
            _accounts.Clear();
            _symbols.Clear();
            foreach (var (key, value) in accounts)
            {
                _accounts[key] = value;
            }

            foreach (var (key, value) in symbols)
            {
                _symbols[key] = value;
            }
        }
    }

    private Decision EvaluateLocked(AccountEvent e)
    {
        if (string.IsNullOrEmpty(e.Id) || string.IsNullOrEmpty(e.Account))
        {
            throw new ArgumentException("an event needs an id and an account", nameof(e));
        }

        var t = e.Time.UtcTicks;
        if (!_accounts.TryGetValue(e.Account, out var st))
        {
            st = new AccountState(_options.DuplicateWindow);
            _accounts.Add(e.Account, st);
        }

        var idHash = StableHash.Of(e.Id);
        if (st.IsDuplicate(idHash))
        {
            return new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null)
            {
                Status = DecisionStatus.Duplicate,
                RejectionReason = "duplicate event id; ignored",
            };
        }

        if (st.Watermark != 0 && t < st.Watermark - _grace)
        {
            return new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null)
            {
                Status = DecisionStatus.TooLate,
                RejectionReason = string.Create(CultureInfo.InvariantCulture,
                    $"event time {e.Time:O} is {(st.Watermark - t) / (double)TimeSpan.TicksPerMinute:0.#} min before the account's latest event ({new DateTime(st.Watermark, DateTimeKind.Utc):O}); the grace is {_options.LateEventGraceMinutes} min"),
            };
        }

        st.Remember(idHash);
        st.Watermark = Math.Max(st.Watermark, t);
        _count = 0;
        return e switch
        {
            OrderEvent order => OnOrder(st, order, t),
            LoginEvent login => OnLogin(st, login, t),
            SettingChangedEvent setting => OnSetting(st, setting, t),
            WithdrawalRequestEvent withdrawal => OnWithdrawal(st, withdrawal, t),
            PortfolioEvent portfolio => OnPortfolio(st, portfolio, t),
            _ => new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null),
        };
    }

    // ---------------------------------------------------------------- logins

    private Decision OnLogin(AccountState st, LoginEvent e, long t)
    {
        if (!e.Success)
        {
            if (st.FailCount == 0 || t - st.FailStart > _failWindow)
            {
                st.FailStart = t;
                st.FailCount = 0;
                st.Texts.Set(TextSlot.FailFirst, e.Id);
            }

            st.FailCount++;
            return new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null);
        }

        var mature = st.Logins >= _options.BaselineMinLogins;
        var login = new RiskyLogin { Time = t, Id = e.Id };

        var deviceKnown = Familiar(st, st.Devices, ref st.PendingDevice, ref st.PendingDeviceSince, StableHash.Fingerprint(e.Device), t, mature);
        if (!deviceKnown)
        {
            login.Flags |= AccessFlags.Device;
            login.Device = e.Device;
            login.KnownDevices = AccountState.CountOf(st.Devices);
        }

        var asnKnown = e.Asn is null || Familiar(st, st.Asns, ref st.PendingAsn, ref st.PendingAsnSince, StableHash.Fingerprint(e.Asn), t, mature);
        var blockKnown = Familiar(st, st.AddressBlocks, ref st.PendingBlock, ref st.PendingBlockSince, StableHash.OfAddressBlock(e.Ip), t, mature);
        if (!asnKnown || (e.Asn is null && !blockKnown))
        {
            login.Flags |= AccessFlags.Network;
            login.Network = e.Asn ?? e.Ip;
            login.KnownNetworks = e.Asn is null ? AccountState.CountOf(st.AddressBlocks) : AccountState.CountOf(st.Asns);
        }
        else if (!blockKnown)
        {
            login.Flags |= AccessFlags.AddressBlock;
            login.Network = e.Ip;
            login.KnownNetworks = AccountState.CountOf(st.AddressBlocks);
        }

        if (e.Country is { Length: > 0 } country)
        {
            var countryKnown = Familiar(st, st.Countries, ref st.PendingCountry, ref st.PendingCountrySince, StableHash.Fingerprint(country), t, mature);
            if (!countryKnown || (!mature && !string.Equals(country, _options.HomeCountry, StringComparison.OrdinalIgnoreCase)))
            {
                login.Flags |= AccessFlags.Country;
                login.Country = country;
            }
        }

        // A hosting range the customer already uses (a corporate VPN) is part of their baseline.
        if (e.Hosting == true && !(e.Asn is not null && asnKnown && mature))
        {
            login.Flags |= AccessFlags.Hosting;
            login.Network ??= e.Asn ?? e.Ip;
        }

        if (st.FailCount >= _options.FailedLoginThreshold && t - st.FailStart <= _failWindow)
        {
            login.Flags |= AccessFlags.FailedThenSuccess;
            login.Failures = st.FailCount;
            login.FailFirstId = st.Texts.Get(TextSlot.FailFirst);
            login.FailMinutes = Minutes(t - st.FailStart);
        }

        st.FailCount = 0;
        st.Texts.Set(TextSlot.FailFirst, null);

        if (st.LastActivity != 0 && t - st.LastActivity >= _dormant)
        {
            login.Flags |= AccessFlags.Dormant;
            login.DormantDays = (int)((t - st.LastActivity) / TimeSpan.TicksPerDay);
        }

        st.Logins++;
        st.LastActivity = Math.Max(st.LastActivity, t);
        st.CountHour(LocalHour(t));

        if (login.Flags != AccessFlags.None)
        {
            // The stronger of this login and the decayed earlier one colours what follows.
            if (AccessPoints(login.Flags) >= AccessPoints(st.Risk.Flags) * SessionFactor(st, t))
            {
                st.SetRisk(login);
            }

            AddAccessHits(login, 1, t);
        }
        else if (st.Risk.Flags != AccessFlags.None && t - st.Risk.Time >= _trust)
        {
            // A fully familiar login a day after the risky one ends that session.
            st.SetRisk(default);
        }

        return Decide(e, canHold: false);
    }

    /// <summary>
    /// Whether <paramref name="value"/> is familiar. While the baseline is immature every value is learned at once;
    /// after that a new value waits in quarantine and becomes familiar when seen again <see cref="DetectorOptions.TrustAfterHours"/>
    /// later with no hold in between, so an attacker's device never becomes familiar during the attack.
    /// </summary>
    private bool Familiar(AccountState st, Span<uint> slots, ref uint pending, ref long pendingSince, uint value, long t, bool mature)
    {
        if (AccountState.Contains(slots, value))
        {
            AccountState.Touch(slots, value);
            return true;
        }

        if (!mature)
        {
            AccountState.Touch(slots, value);
            return true;
        }

        if (pending == value && t - pendingSince >= _trust && st.LastHold < pendingSince)
        {
            AccountState.Touch(slots, value);
            pending = 0;
            return false;
        }

        if (pending != value)
        {
            pending = value;
            pendingSince = t;
        }

        return false;
    }

    // -------------------------------------------------------------- settings

    private Decision OnSetting(AccountState st, SettingChangedEvent e, long t)
    {
        var slot = e.Setting switch
        {
            AccountSetting.Email or AccountSetting.Phone or AccountSetting.Address => SettingSlot.Contact,
            AccountSetting.LoginNotifications when e.Enabled != true => SettingSlot.Notifications,
            AccountSetting.Mfa when e.Enabled != true => SettingSlot.Mfa,
            AccountSetting.WithdrawalAccount => SettingSlot.Withdrawal,
            AccountSetting.Password or AccountSetting.TradingPin => SettingSlot.Credential,
            AccountSetting.ForeignTrading or AccountSetting.MarginTrading when e.Enabled != false => SettingSlot.Privilege,
            _ => -1,
        };

        if (slot >= 0)
        {
            st.ChangeSetting(slot, t, e.Id);
            switch (slot)
            {
                case SettingSlot.Contact: st.ContactSetting = e.Setting; break;
                case SettingSlot.Credential: st.CredentialSetting = e.Setting; break;
                case SettingSlot.Privilege: st.PrivilegeSetting = e.Setting; break;
            }
        }

        var factor = SessionFactor(st, t);
        AddAccessHits(st, factor, t);
        AddSettingHits(st, t, factor);
        return Decide(e, canHold: true);
    }

    // ---------------------------------------------------------------- orders

    private Decision OnOrder(AccountState st, OrderEvent e, long t)
    {
        var notional = (double)e.NotionalJpy;
        if (st.BurstLast == 0 || t - st.BurstLast > _burstGap)
        {
            st.BurstHoldingsJpy = st.HoldingsJpy;
            st.BurstSellJpy = 0;
            st.BurstBuyJpy = 0;
            st.Texts.Set(TextSlot.BurstFirstSell, null);
            st.Texts.Set(TextSlot.BurstLastSell, null);
            st.BurstFirstSellTime = 0;
        }

        st.BurstLast = Math.Max(st.BurstLast, t);
        if (e.BuyingPowerJpy is { } reported)
        {
            st.AvailableJpy = (double)reported;
        }

        var factor = SessionFactor(st, t);
        var cause = Cause(st.Risk.Flags);
        AddAccessHits(st, factor, t);
        AddSettingHits(st, t, factor);
        var hour = LocalHour(t);
        AddOffHours(st, e.Id, hour);

        var marketHash = StableHash.Fingerprint(MarketOf(e.Symbol));
        var matureOrders = st.Orders >= _options.BaselineMinOrders;
        var thin = false;
        if (e.Side == OrderSide.Sell)
        {
            st.BurstSellJpy += notional;
            if (!st.Texts.Has(TextSlot.BurstFirstSell))
            {
                st.Texts.Set(TextSlot.BurstFirstSell, e.Id);
                st.BurstFirstSellTime = t;
            }

            st.Texts.Set(TextSlot.BurstLastSell, e.Id);
            st.AvailableJpy += notional;
            var sold = SoldShare(st);
            if (sold >= _options.LiquidationShare)
            {
                var since = factor > 0 ? st.Risk.Time : st.BurstFirstSellTime;
                Add(new Candidate(IndicatorId.LiquidationBurst, _options.LiquidationPoints, sold, _options.LiquidationShare)
                {
                    Minutes = Minutes(t - since),
                    Cause = factor > 0 ? cause : null,
                    E1 = factor > 0 ? st.RiskId : null,
                    E2 = st.Texts.Get(TextSlot.BurstFirstSell),
                    E3 = e.Id,
                });
            }
        }
        else
        {
            thin = AddBuyHits(st, e, t, notional, marketHash, matureOrders, factor, cause);
        }

        AddSizeHit(st, e, notional, matureOrders);
        var decision = Decide(e, canHold: e.Side == OrderSide.Buy || _options.HoldSells);

        if (e.Side == OrderSide.Buy)
        {
            st.BurstBuyJpy += notional;
            st.AvailableJpy = Math.Max(0, st.AvailableJpy - notional);
            // Only accounts with evidence of their own count towards a ramp, so honest herding does not feed itself.
            if (thin && decision.Risk >= _options.ReviewThreshold && (factor > 0 || AnySettingActive(st, t)))
            {
                if (!_symbols.TryGetValue(e.Symbol, out var symbol))
                {
                    symbol = new SymbolState();
                    _symbols.Add(e.Symbol, symbol);
                }

                symbol.Add(StableHash.Of(e.Account), t, e.Id);
            }
        }

        if (decision.Kind >= DecisionKind.Hold)
        {
            st.LastHold = t;
        }
        else if (decision.Kind == DecisionKind.Allow && factor == 0)
        {
            // Learn only from clean activity, so an attacker's orders never become the customer's baseline.
            st.Orders++;
            st.MaxOrderJpy = Math.Max(st.MaxOrderJpy, notional);
            AccountState.Touch(st.Markets, marketHash);
            st.TradedThin |= thin;
            st.UsedMargin |= e.Margin == true;
            st.LastActivity = Math.Max(st.LastActivity, t);
            st.CountHour(hour);
        }

        return decision;
    }

    /// <summary>Adds the buy-side indicators; returns whether the instrument is thin for this order.</summary>
    private bool AddBuyHits(AccountState st, OrderEvent e, long t, double notional, uint marketHash, bool matureOrders, double factor, IndicatorId? cause)
    {
        var thin = false;
        var unfamiliarThin = false;
        var thinPoints = 0;
        double? price = e.Price is { } p ? (double)p : null;
        if (_instruments.TryGet(e.Symbol, out var instrument))
        {
            var turnover = (double)instrument.AvgDailyTurnoverJpy;
            var large = notional >= _options.ThinOrderShare * turnover;
            thin = turnover < _options.ThinTurnoverJpy || large;
            if (thin)
            {
                // A customer who already trades thin stocks is judged by order size, not by the stock.
                unfamiliarThin = !st.TradedThin || large;
                var points = _options.ThinPoints + ((double)instrument.LastPriceJpy <= _options.LowPriceJpy ? _options.LowPricedExtraPoints : 0);
                thinPoints = unfamiliarThin ? points : (int)Math.Round(points * _options.FamiliarSegmentFactor);

                // "To the limit" in a thin stock: an order worth a large part of a whole day's trading.
                thinPoints += notional >= 10 * _options.ThinOrderShare * turnover ? _options.LowPricedExtraPoints * 2 : 0;
                Add(new Candidate(IndicatorId.ThinInstrument, thinPoints, turnover, _options.ThinTurnoverJpy)
                {
                    Subject = e.Symbol,
                    AmountJpy = notional,
                    E3 = e.Id,
                    Weak = !unfamiliarThin,
                });
                if (matureOrders && !st.TradedThin)
                {
                    Add(new Candidate(IndicatorId.FirstTradeInSegment, _options.FirstTradeInSegmentPoints, 1, 1) { Subject = Segments.Thin, E3 = e.Id });
                }
            }

            price ??= (double)instrument.LastPrice;
        }

        var newMarket = matureOrders && !AccountState.Contains(st.Markets, marketHash);
        if (newMarket)
        {
            Add(new Candidate(IndicatorId.FirstTradeInSegment, _options.FirstTradeInSegmentPoints, 1, 1) { Subject = MarketOf(e.Symbol).ToString(), E3 = e.Id });
        }

        var newMargin = e.Margin == true && !st.UsedMargin && matureOrders;
        if (newMargin)
        {
            Add(new Candidate(IndicatorId.FirstTradeInSegment, _options.FirstTradeInSegmentPoints + _options.MarginExtraPoints, 1, 1)
            {
                Subject = Segments.Margin,
                E3 = e.Id,
            });
        }

        // Selling up and spending it all are what honest rebalancers do too; they point to a takeover when the money goes
        // somewhere thin or new to the account.
        var suspiciousTarget = thin || newMarket;
        var sold = SoldShare(st);
        if (st.Texts.Has(TextSlot.BurstFirstSell) && sold >= _options.RotationMinSoldShare)
        {
            Add(new Candidate(IndicatorId.SellToBuyRotation, suspiciousTarget ? _options.RotationPoints : _options.RotationPoints / 2, sold, _options.RotationMinSoldShare)
            {
                Minutes = Minutes(t - st.BurstFirstSellTime),
                E1 = st.Texts.Get(TextSlot.BurstFirstSell),
                E2 = st.Texts.Get(TextSlot.BurstLastSell),
                E3 = e.Id,
                Weak = !suspiciousTarget,
            });
            if (suspiciousTarget && sold >= _options.LiquidationShare)
            {
                Add(new Candidate(IndicatorId.LiquidationBurst, _options.LiquidationPoints, sold, _options.LiquidationShare)
                {
                    Minutes = Minutes(t - (factor > 0 ? st.Risk.Time : st.BurstFirstSellTime)),
                    Cause = factor > 0 ? cause : null,
                    E1 = factor > 0 ? st.RiskId : null,
                    E2 = st.Texts.Get(TextSlot.BurstFirstSell),
                    E3 = st.Texts.Get(TextSlot.BurstLastSell),
                });
            }
        }

        var available = st.AvailableJpy;
        if (available > 0 || st.BurstBuyJpy > 0)
        {
            var used = (st.BurstBuyJpy + notional) / (st.BurstBuyJpy + available);
            if (used >= _options.BuyingPowerShare)
            {
                Add(new Candidate(IndicatorId.BuyingPowerExhausted, _options.BuyingPowerPoints, used, _options.BuyingPowerShare)
                {
                    Subject = e.Margin == true ? Segments.Margin : null,
                    E3 = e.Id,
                    Weak = !(suspiciousTarget || newMargin),
                });
            }
        }

        AddLadder(st, e, t, price ?? (e.Quantity > 0 ? notional / e.Quantity : 0), weak: !thin);

        // The 2025 rotation: a risky login, most holdings sold, the proceeds into something thin or new to the account.
        if (factor > 0 && AccessPoints(st.Risk.Flags) >= _options.UnfamiliarDevicePoints && sold >= _options.LiquidationShare && suspiciousTarget)
        {
            Add(new Candidate(IndicatorId.RotationTypology, _options.RotationTypologyPoints, sold, _options.LiquidationShare)
            {
                Subject = e.Symbol,
                Minutes = Minutes(t - st.Risk.Time),
                Cause = cause,
                E1 = st.RiskId,
                E2 = st.Texts.Get(TextSlot.BurstFirstSell),
                E3 = e.Id,
            });
        }

        if (thin && _symbols.TryGetValue(e.Symbol, out var symbol))
        {
            var self = StableHash.Of(e.Account);
            var since = t - _convergenceWindow;
            var others = symbol.DistinctAccounts(since, t, self, out var earliest);
            var riskSoFar = RiskSoFar();
            var count = others + (riskSoFar >= _options.ReviewThreshold ? 1 : 0);
            if (others > 0 && count >= _options.ConvergenceMinAccounts)
            {
                Add(new Candidate(IndicatorId.CrossAccountRamp, _options.CrossAccountRampPoints, count, _options.ConvergenceMinAccounts)
                {
                    Subject = e.Symbol,
                    Minutes = Minutes(t - earliest),
                    Evidence = symbol.Evidence(since, t, self, e.Id),
                });
            }
        }

        return thin;
    }

    private void AddLadder(AccountState st, OrderEvent e, long t, double price, bool weak)
    {
        var symbol = StableHash.Of(e.Symbol);
        if (st.LadderSymbol == symbol && t - st.LadderStart <= _ladderWindow && price >= st.LadderLastPrice)
        {
            st.LadderCount++;
            st.LadderLastPrice = price;
        }
        else
        {
            st.LadderSymbol = symbol;
            st.LadderStart = t;
            st.LadderCount = 1;
            st.LadderFirstPrice = price;
            st.LadderLastPrice = price;
            st.Texts.Set(TextSlot.LadderFirst, e.Id);
        }

        if (st.LadderCount >= _options.LadderMinBuys && st.LadderLastPrice > st.LadderFirstPrice)
        {
            Add(new Candidate(IndicatorId.RisingPriceLadder, _options.LadderPoints, st.LadderCount, _options.LadderMinBuys)
            {
                Subject = e.Symbol,
                Minutes = Minutes(t - st.LadderStart),
                E2 = st.Texts.Get(TextSlot.LadderFirst),
                E3 = e.Id,
                Weak = weak,
            });
        }
    }

    private void AddSizeHit(AccountState st, OrderEvent e, double notional, bool matureOrders)
    {
        if (matureOrders && st.MaxOrderJpy > 0 && notional >= _options.SizeRatio * st.MaxOrderJpy)
        {
            Add(new Candidate(IndicatorId.OrderSizeAboveHistory, _options.SizePoints, notional / st.MaxOrderJpy, _options.SizeRatio)
            {
                AmountJpy = notional,
                E3 = e.Id,
            });
        }
    }

    private void AddOffHours(AccountState st, string eventId, int hour)
    {
        if (st.HourTotal < _options.OffHoursMinEvents)
        {
            return;
        }

        var near = st.Hours[hour] + st.Hours[(hour + 23) % 24] + st.Hours[(hour + 1) % 24];
        var share = near / (double)st.HourTotal;
        if (share < _options.OffHoursShare)
        {
            Add(new Candidate(IndicatorId.OffHours, _options.OffHoursPoints, share, _options.OffHoursShare)
            {
                Subject = HourNames[hour],
                E3 = eventId,
            });
        }
    }

    private static readonly string[] HourNames = [.. Enumerable.Range(0, 24).Select(h => h.ToString("00", CultureInfo.InvariantCulture) + ":00")];

    private static double SoldShare(AccountState st)
    {
        // Without a portfolio snapshot the share is unknown, not 100%.
        return st.BurstHoldingsJpy > 0 ? Math.Min(1, st.BurstSellJpy / st.BurstHoldingsJpy) : 0;
    }

    // ------------------------------------------------------- funds, holdings

    private Decision OnWithdrawal(AccountState st, WithdrawalRequestEvent e, long t)
    {
        var factor = SessionFactor(st, t);
        AddAccessHits(st, factor, t);
        AddSettingHits(st, t, factor);
        var destination = StableHash.Fingerprint(e.Destination);
        var known = AccountState.Contains(st.Destinations, destination);
        var withdrawalChanged = SettingActive(st, SettingSlot.Withdrawal, t);
        if (factor > 0 || withdrawalChanged)
        {
            var points = known ? _options.WithdrawalAfterRiskPoints / 3 : _options.WithdrawalAfterRiskPoints;
            Add(new Candidate(IndicatorId.WithdrawalAfterRisk, points, known ? 0 : 1, 1)
            {
                Subject = e.Destination,
                AmountJpy = (double)e.AmountJpy,
                Minutes = factor > 0 ? Minutes(t - st.Risk.Time) : null,
                Cause = factor > 0 ? Cause(st.Risk.Flags) : null,
                E1 = factor > 0 ? st.RiskId : null,
                E2 = withdrawalChanged ? st.SettingId(SettingSlot.Withdrawal) : null,
                E3 = e.Id,
            });
        }

        var decision = Decide(e, canHold: true);
        if (decision.Kind >= DecisionKind.Hold)
        {
            st.LastHold = t;
        }
        else if (factor == 0 && !withdrawalChanged)
        {
            AccountState.Touch(st.Destinations, destination);
        }

        return decision;
    }

    private Decision OnPortfolio(AccountState st, PortfolioEvent e, long t)
    {
        double holdings = 0;
        foreach (var position in e.Positions)
        {
            holdings += (double)position.ValueJpy;
        }

        // A market the customer already holds in is not new to them (a customer back after a long break, or whose
        // orders went through another channel, still knows it). Learned only outside a risky session, so positions
        // an attacker has just bought never become familiar.
        if (SessionFactor(st, t) == 0)
        {
            foreach (var position in e.Positions)
            {
                AccountState.Touch(st.Markets, StableHash.Fingerprint(MarketOf(position.Symbol)));
            }
        }

        st.HoldingsJpy = holdings;
        st.AvailableJpy = (double)e.BuyingPowerJpy;
        if (st.BurstLast != 0 && t - st.BurstLast <= _burstGap && !st.HasPortfolio)
        {
            // The first snapshot arrived mid-run: what was sold so far was part of the holdings.
            st.BurstHoldingsJpy = holdings + st.BurstSellJpy;
        }

        st.HasPortfolio = true;
        return new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null);
    }

    // ------------------------------------------------------------- evidence

    private double SessionFactor(AccountState st, long t)
    {
        if (st.Risk.Flags == AccessFlags.None)
        {
            return 0;
        }

        var age = Math.Max(0, t - st.Risk.Time);
        return age > _horizon ? 0 : Math.Pow(0.5, age / _halfLife);
    }

    private int AccessPoints(AccessFlags flags)
    {
        var points = 0;
        if ((flags & AccessFlags.Device) != 0)
        {
            points += (flags & (AccessFlags.Network | AccessFlags.AddressBlock | AccessFlags.Hosting | AccessFlags.Country)) == 0
                ? _options.UnfamiliarDevicePoints / 2
                : _options.UnfamiliarDevicePoints;
        }

        if ((flags & AccessFlags.Network) != 0) points += _options.UnfamiliarNetworkPoints;
        if ((flags & AccessFlags.AddressBlock) != 0) points += _options.UnfamiliarNetworkPoints / 4;
        if ((flags & AccessFlags.Country) != 0) points += _options.UnfamiliarCountryPoints;
        if ((flags & AccessFlags.Hosting) != 0) points += _options.HostingNetworkPoints;
        if ((flags & AccessFlags.FailedThenSuccess) != 0) points += _options.FailedThenSuccessPoints;
        if ((flags & AccessFlags.Dormant) != 0) points += _options.DormantPoints;
        return Math.Min(points, _options.AccessPointsCap);
    }

    private static IndicatorId? Cause(AccessFlags flags) =>
        (flags & AccessFlags.Hosting) != 0 ? IndicatorId.HostingNetwork
        : (flags & AccessFlags.Country) != 0 ? IndicatorId.UnfamiliarCountry
        : (flags & AccessFlags.Device) != 0 ? IndicatorId.UnfamiliarDevice
        : (flags & AccessFlags.FailedThenSuccess) != 0 ? IndicatorId.FailedThenSuccessfulLogin
        : (flags & AccessFlags.Dormant) != 0 ? IndicatorId.DormantAccountWakeUp
        : (flags & (AccessFlags.Network | AccessFlags.AddressBlock)) != 0 ? IndicatorId.UnfamiliarNetwork
        : null;

    private void AddAccessHits(AccountState st, double factor, long t)
    {
        if (st.Risk.Flags != AccessFlags.None && factor > 0)
        {
            AddAccessHits(st.RiskWithText(), factor, t);
        }
    }

    private void AddAccessHits(RiskyLogin login, double factor, long t)
    {
        if (login.Flags == AccessFlags.None || factor <= 0)
        {
            return;
        }

        var budget = (int)Math.Round(_options.AccessPointsCap * factor);

        // A new phone on the household's own network and nothing else adds points but is not access evidence of its own.
        var weak = AccessPoints(login.Flags) < _options.UnfamiliarDevicePoints;
        double? minutes = t == login.Time ? null : Minutes(t - login.Time);
        void AddAccess(IndicatorId id, int points, double observed, double threshold, string? subject, string? firstEvidence = null, double? window = null)
        {
            var scaled = Math.Min((int)Math.Round(points * factor), budget);
            budget -= scaled;
            if (scaled > 0)
            {
                Add(new Candidate(id, scaled, observed, threshold) { Subject = subject, Minutes = window ?? minutes, E1 = firstEvidence, E3 = login.Id, Weak = weak });
            }
        }

        // Strongest first, so the cap trims the weakest.
        if ((login.Flags & AccessFlags.Hosting) != 0) AddAccess(IndicatorId.HostingNetwork, _options.HostingNetworkPoints, 1, 1, login.Network);
        if ((login.Flags & AccessFlags.Country) != 0) AddAccess(IndicatorId.UnfamiliarCountry, _options.UnfamiliarCountryPoints, 1, 1, login.Country);
        if ((login.Flags & AccessFlags.Device) != 0)
        {
            // A new phone or PC on the household's own network is the commonest honest change; half weight.
            var homeNetwork = (login.Flags & (AccessFlags.Network | AccessFlags.AddressBlock | AccessFlags.Hosting | AccessFlags.Country)) == 0;
            AddAccess(IndicatorId.UnfamiliarDevice, homeNetwork ? _options.UnfamiliarDevicePoints / 2 : _options.UnfamiliarDevicePoints, login.KnownDevices, 0, login.Device);
        }

        if ((login.Flags & AccessFlags.Dormant) != 0) AddAccess(IndicatorId.DormantAccountWakeUp, _options.DormantPoints, login.DormantDays, _options.DormantDays, null);
        if ((login.Flags & AccessFlags.FailedThenSuccess) != 0)
        {
            AddAccess(IndicatorId.FailedThenSuccessfulLogin, _options.FailedThenSuccessPoints, login.Failures, _options.FailedLoginThreshold, null, login.FailFirstId, login.FailMinutes);
        }

        if ((login.Flags & AccessFlags.Network) != 0) AddAccess(IndicatorId.UnfamiliarNetwork, _options.UnfamiliarNetworkPoints, login.KnownNetworks, 0, login.Network);
        if ((login.Flags & AccessFlags.AddressBlock) != 0) AddAccess(IndicatorId.UnfamiliarNetwork, _options.UnfamiliarNetworkPoints / 4, login.KnownNetworks, 0, login.Network);
    }

    private bool SettingActive(AccountState st, int slot, long t) =>
        st.SettingTime[slot] != 0 && t - st.SettingTime[slot] <= _settingsWindow && t >= st.SettingTime[slot] - _grace;

    private bool AnySettingActive(AccountState st, long t)
    {
        for (var slot = 0; slot < SettingSlot.Count; slot++)
        {
            if (slot != SettingSlot.Credential && SettingActive(st, slot, t))
            {
                return true;
            }
        }

        return false;
    }

    private void AddSettingHits(AccountState st, long t, double factor)
    {
        for (var slot = 0; slot < SettingSlot.Count; slot++)
        {
            if (!SettingActive(st, slot, t))
            {
                continue;
            }

            var (id, points, subject) = slot switch
            {
                SettingSlot.Contact => (IndicatorId.ContactDetailsChanged, _options.ContactChangedPoints, SettingName(st.ContactSetting)),
                SettingSlot.Notifications => (IndicatorId.NotificationsDisabled, _options.NotificationsDisabledPoints, "loginNotifications"),
                SettingSlot.Mfa => (IndicatorId.MfaWeakened, _options.MfaWeakenedPoints, "mfa"),
                SettingSlot.Withdrawal => (IndicatorId.WithdrawalAccountChanged, _options.WithdrawalAccountChangedPoints, "withdrawalAccount"),
                SettingSlot.Credential => (IndicatorId.CredentialChanged, _options.CredentialChangedPoints, SettingName(st.CredentialSetting)),
                _ => (IndicatorId.NewTradingPrivilege, _options.NewTradingPrivilegePoints, SettingName(st.PrivilegeSetting)),
            };

            // A change right after a risky login is the pattern; on its own it is an honest customer's housekeeping.
            var afterRisk = factor > 0 && st.SettingTime[slot] >= st.Risk.Time;
            Add(new Candidate(id, afterRisk ? points : points / 2, 1, 1)
            {
                Subject = subject,
                Minutes = afterRisk ? Minutes(st.SettingTime[slot] - st.Risk.Time) : null,
                Cause = afterRisk ? Cause(st.Risk.Flags) : null,
                E1 = afterRisk ? st.RiskId : null,
                E3 = st.SettingId(slot),
            });
        }
    }

    private static string SettingName(AccountSetting setting) => setting switch
    {
        AccountSetting.Email => "email",
        AccountSetting.Phone => "phone",
        AccountSetting.Address => "address",
        AccountSetting.Password => "password",
        AccountSetting.TradingPin => "tradingPin",
        AccountSetting.ForeignTrading => "foreignTrading",
        AccountSetting.MarginTrading => "marginTrading",
        AccountSetting.Mfa => "mfa",
        AccountSetting.LoginNotifications => "loginNotifications",
        _ => "withdrawalAccount",
    };

    // ------------------------------------------------------------ decision

    private void Add(in Candidate candidate)
    {
        if (_count < _candidates.Length)
        {
            _candidates[_count++] = candidate;
        }
    }

    private int RiskSoFar()
    {
        var risk = 0;
        for (var i = 0; i < _count; i++)
        {
            risk += _candidates[i].Points;
        }

        return risk;
    }

    private Decision Decide(AccountEvent e, bool canHold)
    {
        if (_count == 0)
        {
            return new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null);
        }

        var risk = 0;
        var families = 0;
        var anchors = 0;
        var ramp = 0;
        var freezing = false;
        var rotationIntoThin = false;
        var rotated = false;
        for (var i = 0; i < _count; i++)
        {
            ref readonly var c = ref _candidates[i];
            risk += c.Points;
            // Other accounts' evidence raises the risk but is not a second family of this account's own.
            families |= c.Weak || Family(c.Id) == IndicatorCategory.CrossAccount ? 0 : 1 << (int)Family(c.Id);
            anchors += !c.Weak && AnchorsHold(c.Id) ? 1 : 0;
            rotationIntoThin |= !c.Weak && c.Id == IndicatorId.ThinInstrument;
            rotated |= !c.Weak && c.Id == IndicatorId.SellToBuyRotation;
            freezing |= c.Id is IndicatorId.NotificationsDisabled or IndicatorId.MfaWeakened
                or IndicatorId.WithdrawalAccountChanged or IndicatorId.ContactDetailsChanged;
            ramp += c.Id == IndicatorId.CrossAccountRamp ? c.Points : 0;
        }

        // A ramp freezes only an account whose own evidence already holds; it holds a bystander with one signal.
        freezing |= ramp > 0 && risk - ramp >= _options.HoldThreshold;

        risk = Math.Min(risk, 100);
        var kind = DecisionKind.Allow;
        if (risk >= _options.ReviewThreshold)
        {
            kind = DecisionKind.Review;
        }

        // Honest customers show one signal at a time; a hold needs a behaviour that anchors it plus a second family.
        // Without access or settings evidence (an attacker replaying the owner's device and network) only the 2025
        // pattern itself holds: holdings sold and the proceeds spent on a thin stock new to the account.
        var combined = System.Numerics.BitOperations.PopCount((uint)families) >= 2 || (rotated && rotationIntoThin && anchors >= 3);
        if (canHold && risk >= _options.HoldThreshold && anchors > 0 && combined)
        {
            kind = risk >= _options.FreezeThreshold && freezing ? DecisionKind.Freeze : DecisionKind.Hold;
        }

        var hits = new IndicatorHit[_count];
        for (var i = 0; i < _count; i++)
        {
            hits[i] = _candidates[i].ToHit();
        }

        // Strongest first; ties by id so the order is deterministic.
        Array.Sort(hits, static (a, b) => a.Points != b.Points ? b.Points.CompareTo(a.Points) : a.Id.CompareTo(b.Id));
        return new Decision(e.Id, e.Account, e.Time, e.Type, kind, risk, hits);
    }

    private static IndicatorCategory Family(IndicatorId id) => (int)id switch
    {
        < 10 => IndicatorCategory.Access,
        < 20 => IndicatorCategory.Settings,
        28 => IndicatorCategory.Funds,
        < 40 => IndicatorCategory.Trading,
        40 => IndicatorCategory.Typology,
        _ => IndicatorCategory.CrossAccount,
    };

    /// <summary>Indicators typical of a takeover rather than of an honest customer's change; a hold needs one.</summary>
    private static bool AnchorsHold(IndicatorId id) => id is not (IndicatorId.FirstTradeInSegment or IndicatorId.OffHours
        or IndicatorId.OrderSizeAboveHistory or IndicatorId.CredentialChanged or IndicatorId.NewTradingPrivilege) && Family(id) != IndicatorCategory.Access;

    private int LocalHour(long utcTicks) => (int)(((utcTicks + _localOffset) / TimeSpan.TicksPerHour % 24 + 24) % 24);

    private static double Minutes(long ticks) => Math.Round(Math.Max(0, ticks) / (double)TimeSpan.TicksPerMinute, 1);

    private static ReadOnlySpan<char> MarketOf(string symbol)
    {
        var colon = symbol.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? symbol.AsSpan(0, colon) : [];
    }

    // ------------------------------------------------------------ snapshots

    private byte[] Serialize(byte[] magic, Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            WriteHeader(writer, magic);
            write(writer);
        }

        return stream.ToArray();
    }

    private T Deserialize<T>(ReadOnlySpan<byte> snapshot, byte[] magic, string what, Func<BinaryReader, T> read)
    {
        try
        {
            using var stream = new MemoryStream(snapshot.ToArray(), writable: false);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            ReadHeader(reader, magic, what);
            var state = read(reader);
            if (stream.Position != stream.Length)
            {
                throw new InvalidDataException($"{stream.Length - stream.Position} unexpected bytes after the state");
            }

            return state;
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException or FormatException)
        {
            throw new DetectorSnapshotException($"snapshot of {what} is corrupt: {ex.Message}", ex);
        }
    }

    private void WriteHeader(BinaryWriter writer, byte[] magic)
    {
        writer.Write(magic);
        writer.Write(SnapshotVersion);
        writer.Write(_configHash);
    }

    private void ReadHeader(BinaryReader reader, byte[] magic, string what)
    {
        if (!reader.ReadBytes(magic.Length).AsSpan().SequenceEqual(magic))
        {
            throw new DetectorSnapshotException($"{what}: not a TakeoverRules detector snapshot of this kind");
        }

        var version = reader.ReadInt32();
        if (version != SnapshotVersion)
        {
            throw new DetectorSnapshotException($"{what}: snapshot version {version} is not supported (this library reads version {SnapshotVersion})");
        }

        var hash = reader.ReadUInt64();
        if (hash != _configHash)
        {
            throw new DetectorSnapshotException(
                $"{what}: snapshot was taken under configuration {hash:x16}, this detector runs {_configHash:x16}; replay the events under the new configuration instead");
        }
    }

    /// <summary>An indicator that fired, before it becomes an <see cref="IndicatorHit"/> (only if the decision needs one).</summary>
    private readonly record struct Candidate(IndicatorId Id, int Points, double Observed, double Threshold)
    {
        public double? Minutes { get; init; }
        public string? Subject { get; init; }
        public double? AmountJpy { get; init; }
        public IndicatorId? Cause { get; init; }
        public string? E1 { get; init; }
        public string? E2 { get; init; }
        public string? E3 { get; init; }
        public string[]? Evidence { get; init; }

        /// <summary>Whether this instance is too common among honest customers to anchor a hold (e.g. a rotation into blue chips).</summary>
        public bool Weak { get; init; }

        public IndicatorHit ToHit()
        {
            var evidence = Evidence ?? Collect(E1, E2, E3);
            return new IndicatorHit(Id, IndicatorCatalog.Get(Id).Severity, Points, evidence, Observed, Threshold)
            {
                Minutes = Minutes,
                Subject = Subject,
                AmountJpy = AmountJpy,
                Cause = Cause,
            };
        }

        private static string[] Collect(string? a, string? b, string? c)
        {
            var list = new List<string>(3);
            foreach (var id in (ReadOnlySpan<string?>)[a, b, c])
            {
                if (id is not null && !list.Contains(id))
                {
                    list.Add(id);
                }
            }

            return [.. list];
        }
    }
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
