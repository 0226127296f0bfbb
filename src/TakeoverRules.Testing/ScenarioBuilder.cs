using System.Globalization;
using TakeoverRules.Detection;

namespace TakeoverRules.Testing;

/// <summary>
/// Writes accounts' timelines the way an analyst tells them, over a virtual clock:
/// <c>.Account("victim").Login(fromNewDevice: true, country: "VN").After(TimeSpan.FromMinutes(2)).SellMostHoldings()</c>.
/// </summary>
/// <remarks>
/// <para>
/// Every action acts on the current account (the last one named with <see cref="Account"/>) at the clock's current time and
/// then moves the clock on by a short human pace (30 seconds after a login or a setting change, 40 seconds after an order);
/// <see cref="After"/>, <see cref="At"/> and <see cref="AtLocalTime"/> move it further. The clock is shared by all accounts,
/// so several accounts can be interleaved on one symbol.
/// </para>
/// <para>
/// Each account gets weeks of normal history from its <see cref="CustomerProfile"/> before its first timeline action, an
/// opening portfolio snapshot, and fills two seconds after each order. Event ids read like the story: <c>login-1</c>,
/// <c>sell-1</c>, <c>buy-2</c>, <c>buy-2-fill</c>, <c>setting-1</c>, numbered per scenario (history ids start with <c>h:</c>).
/// Orders use their event id as order id.
/// </para>
/// <para>Not thread-safe; build a scenario on one thread.</para>
/// </remarks>
public sealed class ScenarioBuilder
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private static readonly TimeSpan LoginPace = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan OrderPace = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan FillDelay = TimeSpan.FromSeconds(2);

    private readonly DateTimeOffset _start;
    private readonly Random _random;
    private readonly List<AccountScript> _accounts = [];
    private readonly Dictionary<string, AccountScript> _accountsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Instrument> _instruments = new(StringComparer.Ordinal);
    private readonly List<Instrument> _instrumentOrder = [];
    private readonly Dictionary<string, decimal> _prices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);
    private IReadOnlyList<Instrument> _historyUniverse = TestMarket.All;
    private AccountScript? _current;
    private long _sequence;

    internal ScenarioBuilder(DateTimeOffset start, int seed)
    {
        _start = start;
        _random = new Random(seed);
        Now = start;
    }

    /// <summary>The virtual clock: the time the next action happens at.</summary>
    public DateTimeOffset Now { get; private set; }

    private AccountScript Current => _current ?? throw new InvalidOperationException("Name an account first: call .Account(\"id\") before any timeline action.");

    /// <summary>
    /// Sets the instruments that generated histories trade (default <see cref="TestMarket.All"/>) and adds them to the
    /// reference data. Instruments used by timeline actions are added automatically.
    /// </summary>
    /// <param name="universe">Instruments histories pick from, by market and liquidity.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder WithInstruments(IEnumerable<Instrument> universe)
    {
        ArgumentNullException.ThrowIfNull(universe);
        var list = universe.ToList();
        foreach (var instrument in list)
        {
            Register(instrument);
        }

        _historyUniverse = list;
        return this;
    }

    /// <summary>Adds one instrument to the reference data.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder WithInstrument(Instrument instrument)
    {
        Register(instrument);
        return this;
    }

    /// <summary>Introduces an account (or returns to it) and makes it the current account.</summary>
    /// <param name="id">Account id.</param>
    /// <param name="profile">The customer's usual behaviour (default <see cref="CustomerProfile.Default"/>); only used when the account is new.</param>
    /// <param name="idPrefix">Prefix for this account's timeline event ids, for populations where per-scenario numbering would be unwieldy; default none.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Account(string id, CustomerProfile? profile = null, string idPrefix = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(idPrefix);
        if (!_accountsById.TryGetValue(id, out var script))
        {
            profile ??= CustomerProfile.Default;
            profile.Validate(id);
            script = new AccountScript(id, profile, idPrefix);
            _accounts.Add(script);
            _accountsById.Add(id, script);
        }
        else if (profile is not null && !ReferenceEquals(profile, script.Profile))
        {
            throw new InvalidOperationException($"Account '{id}' already exists with another profile; pass the profile only when introducing it.");
        }

        _current = script;
        return this;
    }

    /// <summary>Labels the current account, e.g. with the attack variant or look-alike it stands for.</summary>
    /// <param name="tag">The label.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Tagged(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        Current.Tag = tag;
        return this;
    }

    internal ScenarioBuilder TagIfUntagged(string tag)
    {
        if (Current.Tag.Length == 0)
        {
            Current.Tag = tag;
        }

        return this;
    }

    /// <summary>Adds shares to the current account's opening portfolio.</summary>
    /// <param name="instrument">What is held.</param>
    /// <param name="quantity">Shares held.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Holding(Instrument instrument, long quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var script = Setup();
        Register(instrument);
        script.Add(instrument, quantity);
        return this;
    }

    /// <summary>Sets the current account's opening cash (default ¥0).</summary>
    /// <param name="jpy">Cash in yen.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Cash(decimal jpy)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(jpy);
        Setup().Cash = jpy;
        return this;
    }

    /// <summary>Gives the current account a margin account (信用取引) with this buying power.</summary>
    /// <param name="jpy">Margin buying power in yen.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder MarginBuyingPower(decimal jpy)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(jpy);
        Setup().MarginBuyingPower = jpy;
        return this;
    }

    /// <summary>Gives the current account no history: a newly opened account.</summary>
    /// <returns>This builder.</returns>
    public ScenarioBuilder WithoutHistory()
    {
        Setup().WithoutHistory = true;
        return this;
    }

    /// <summary>From now on the current account's actions are the attacker's: they are labelled fraudulent and a
    /// <see cref="Login"/> defaults to the attacker's device and network.</summary>
    /// <returns>This builder.</returns>
    public ScenarioBuilder ByAttacker()
    {
        Current.ByAttacker = true;
        Current.Attacked = true;
        return this;
    }

    /// <summary>From now on the current account's actions are the owner's again.</summary>
    /// <returns>This builder.</returns>
    public ScenarioBuilder ByOwner()
    {
        Current.ByAttacker = false;
        return this;
    }

    /// <summary>Moves the clock forward.</summary>
    /// <param name="delay">How long after the previous action.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder After(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Now += delay;
        return this;
    }

    /// <summary>Sets the clock (it may go back, e.g. to interleave accounts; events are sorted by time when built).</summary>
    /// <param name="time">The time of the next action.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder At(DateTimeOffset time)
    {
        Now = time;
        return this;
    }

    /// <summary>Moves the clock to the next time it is <paramref name="hour"/>:<paramref name="minute"/> in Japan (today or tomorrow).</summary>
    /// <param name="hour">Hour, 0–23, JST.</param>
    /// <param name="minute">Minute, 0–59.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder AtLocalTime(int hour, int minute = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        ArgumentOutOfRangeException.ThrowIfNegative(minute);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minute, 59);
        var local = Now.ToOffset(Jst);
        var candidate = new DateTimeOffset(local.Year, local.Month, local.Day, hour, minute, 0, Jst);
        Now = candidate < local ? candidate.AddDays(1) : candidate;
        return this;
    }

    /// <summary>A successful login of the current account.</summary>
    /// <param name="fromNewDevice">Whether the device has never been used on this account; by the attacker <see langword="false"/> means the owner's own device fingerprint (malware on the victim's machine, or a replayed fingerprint).</param>
    /// <param name="country">ISO 3166-1 alpha-2 country of the IP; default the customer's country (or the attacker's previous one).</param>
    /// <param name="hosting">Whether the IP is a hosting/VPN/proxy range.</param>
    /// <param name="fromNewNetwork">Whether the network is one the customer never used (a residential proxy in the same country, a friend's Wi-Fi).</param>
    /// <param name="device">An explicit device id (overrides <paramref name="fromNewDevice"/>).</param>
    /// <param name="authMethod">Default: the profile's.</param>
    /// <param name="channel">Default: app for phones, web otherwise.</param>
    /// <param name="id">Event id; default <c>login-N</c>.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Login(
        bool fromNewDevice = false,
        string? country = null,
        bool hosting = false,
        bool fromNewNetwork = false,
        string? device = null,
        AuthMethod? authMethod = null,
        LoginChannel? channel = null,
        string? id = null)
    {
        var script = Begin();
        var session = Session(script, fromNewDevice, country, hosting, fromNewNetwork, device);
        script.Session = session;
        Emit(script, NewId(script, "login", id), t => new LoginEvent(t.Id, t.Time, script.Id, true, session.Ip, session.Device,
            authMethod ?? script.Profile.AuthMethod, channel ?? ChannelOf(session.Device))
        {
            Country = session.Network.Country,
            Asn = session.Network.Asn,
            Hosting = session.Network.Hosting,
        });
        Now += LoginPace;
        return this;
    }

    /// <summary>Failed login attempts (wrong password) from the next login's device and network, a few seconds apart.</summary>
    /// <param name="count">How many.</param>
    /// <param name="fromNewDevice">As for <see cref="Login"/>.</param>
    /// <param name="country">As for <see cref="Login"/>.</param>
    /// <param name="hosting">As for <see cref="Login"/>.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder FailedLogins(int count, bool fromNewDevice = false, string? country = null, bool hosting = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var script = Begin();
        var session = Session(script, fromNewDevice, country, hosting, fromNewNetwork: false, device: null);
        script.PendingSession = session;
        for (var i = 0; i < count; i++)
        {
            Emit(script, NewId(script, "login", null), t => new LoginEvent(t.Id, t.Time, script.Id, false, session.Ip, session.Device,
                script.Profile.AuthMethod, ChannelOf(session.Device))
            {
                Country = session.Network.Country,
                Asn = session.Network.Asn,
                Hosting = session.Network.Hosting,
            });
            Now += TimeSpan.FromSeconds(8);
        }

        return this;
    }

    /// <summary>A change of an account setting.</summary>
    /// <param name="setting">The setting.</param>
    /// <param name="enabled">For on/off settings, the new state.</param>
    /// <param name="id">Event id; default <c>setting-N</c>.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder ChangeSetting(AccountSetting setting, bool? enabled = null, string? id = null)
    {
        var script = Begin();
        Emit(script, NewId(script, "setting", id), t => new SettingChangedEvent(t.Id, t.Time, script.Id, setting) { Enabled = enabled });
        if (setting == AccountSetting.ForeignTrading && enabled is bool foreign)
        {
            script.ForeignEnabled = foreign;
        }

        if (setting == AccountSetting.MarginTrading && enabled == true && script.MarginBuyingPower == 0)
        {
            // Japanese margin needs at least 30% collateral, so buying power is roughly three times the collateral.
            script.MarginBuyingPower = Math.Round(3m * (script.Cash + script.HoldingsValue(this)), 0);
        }

        Now += LoginPace;
        return this;
    }

    /// <summary>Changes the registered e-mail address.</summary>
    /// <returns>This builder.</returns>
    public ScenarioBuilder ChangeEmail() => ChangeSetting(AccountSetting.Email);

    /// <summary>Changes the registered phone number.</summary>
    /// <returns>This builder.</returns>
    public ScenarioBuilder ChangePhone() => ChangeSetting(AccountSetting.Phone);

    /// <summary>Turns login notifications off.</summary>
    /// <returns>This builder.</returns>
    public ScenarioBuilder DisableLoginNotifications() => ChangeSetting(AccountSetting.LoginNotifications, enabled: false);

    /// <summary>Turns multi-factor authentication off.</summary>
    /// <returns>This builder.</returns>
    public ScenarioBuilder DisableMfa() => ChangeSetting(AccountSetting.Mfa, enabled: false);

    /// <summary>Changes the trading PIN.</summary>
    /// <returns>This builder.</returns>
    public ScenarioBuilder ChangeTradingPin() => ChangeSetting(AccountSetting.TradingPin);

    /// <summary>Turns foreign-stock trading on.</summary>
    /// <returns>This builder.</returns>
    public ScenarioBuilder EnableForeignTrading() => ChangeSetting(AccountSetting.ForeignTrading, enabled: true);

    /// <summary>Turns margin trading on; the account's margin buying power becomes about three times its collateral unless set.</summary>
    /// <returns>This builder.</returns>
    public ScenarioBuilder EnableMarginTrading() => ChangeSetting(AccountSetting.MarginTrading, enabled: true);

    /// <summary>Registers a new bank account for withdrawals; later withdrawals go there.</summary>
    /// <returns>This builder.</returns>
    public ScenarioBuilder ChangeWithdrawalAccount()
    {
        var script = Begin();
        script.WithdrawalDestination = script.ByAttacker ? $"bank-{Current.Id}-mule" : $"bank-{Current.Id}-new";
        return ChangeSetting(AccountSetting.WithdrawalAccount);
    }

    /// <summary>A buy order (limit at the current price unless told otherwise), filled two seconds later.</summary>
    /// <param name="instrument">What to buy.</param>
    /// <param name="quantity">Shares; default: <paramref name="amountJpy"/> worth, or one lot.</param>
    /// <param name="amountJpy">Yen to spend (rounded down to whole lots, at least one lot) when <paramref name="quantity"/> is not given.</param>
    /// <param name="price">Limit price in the instrument's currency; default the current price, which then becomes the current price.</param>
    /// <param name="margin">Whether it is a margin buy.</param>
    /// <param name="orderType">Limit (default) or market.</param>
    /// <param name="fill">Whether an execution follows.</param>
    /// <param name="id">Event and order id; default <c>buy-N</c>.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Buy(Instrument instrument, long? quantity = null, decimal? amountJpy = null, decimal? price = null,
        bool margin = false, OrderType orderType = OrderType.Limit, bool fill = true, string? id = null)
    {
        var script = Begin();
        Register(instrument);
        var p = price ?? Price(instrument);
        var qty = quantity ?? (amountJpy is decimal amount ? Lots(instrument, amount, p, atLeastOne: true) : instrument.LotSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qty);
        PlaceOrder(script, instrument, OrderSide.Buy, qty, p, margin, orderType, fill, id);
        return this;
    }

    /// <summary>A sell order of a holding (limit at the current price), filled two seconds later.</summary>
    /// <param name="instrument">What to sell.</param>
    /// <param name="quantity">Shares; default the whole holding.</param>
    /// <param name="price">Limit price; default the current price.</param>
    /// <param name="id">Event and order id; default <c>sell-N</c>.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Sell(Instrument instrument, long? quantity = null, decimal? price = null, string? id = null)
    {
        var script = Begin();
        Register(instrument);
        var held = script.Held(instrument.Symbol);
        var qty = quantity ?? held;
        if (qty <= 0)
        {
            throw new InvalidOperationException($"Account '{script.Id}' holds no {instrument.Symbol} to sell.");
        }

        PlaceOrder(script, instrument, OrderSide.Sell, qty, price ?? Price(instrument), false, OrderType.Limit, true, id);
        return this;
    }

    /// <summary>Sells the largest holdings, one order each, until at least <paramref name="share"/> of the portfolio's value is sold.</summary>
    /// <param name="share">Share of the holdings' value to sell, (0, 1]; default 0.9.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder SellMostHoldings(double share = 0.9)
    {
        if (share is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "Share of holdings must be in (0, 1].");
        }

        var script = Begin();
        var holdings = script.Holdings.Where(h => h.Quantity > 0)
            .Select(h => (h.Instrument, h.Quantity, Value: h.Quantity * Price(h.Instrument) * JpyPerUnit(h.Instrument)))
            .OrderByDescending(h => h.Value).ToList();
        var total = holdings.Sum(h => h.Value);
        if (total == 0)
        {
            throw new InvalidOperationException($"Account '{script.Id}' has no holdings to sell.");
        }

        var sold = 0m;
        foreach (var (instrument, quantity, value) in holdings)
        {
            if (sold >= (decimal)share * total)
            {
                break;
            }

            PlaceOrder(script, instrument, OrderSide.Sell, quantity, Price(instrument), false, OrderType.Limit, true, null);
            sold += value;
        }

        return this;
    }

    /// <summary>Sells every holding, one order each.</summary>
    /// <returns>This builder.</returns>
    public ScenarioBuilder SellAllHoldings() => SellMostHoldings(1);

    /// <summary>
    /// Spends the buying power on <paramref name="instrument"/> "to the limit" in several orders: equal yen per order, whole
    /// lots, optionally each at a higher price than the last (買い上がり), which moves the instrument's current price.
    /// </summary>
    /// <param name="instrument">What to buy.</param>
    /// <param name="risingPrices">Whether each order's limit is 1.5–4% above the previous one.</param>
    /// <param name="orders">How many orders; default 3.</param>
    /// <param name="useMargin">Whether to spend the margin buying power (margin buys) instead of cash.</param>
    /// <param name="share">Share of the buying power to spend, (0, 1]; default 0.97 (fees and rounding keep a little back).</param>
    /// <param name="priceStep">Mean rise per order when <paramref name="risingPrices"/>, as a fraction; each step is drawn from 0.55–1.45 times it. Default 0.0275.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder BuyUpToBuyingPower(Instrument instrument, bool risingPrices = false, int orders = 3, bool useMargin = false, double share = 0.97, double priceStep = 0.0275)
    {
        if (priceStep is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(priceStep), priceStep, "Price step must be in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(orders);
        if (share is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "Share of buying power must be in (0, 1].");
        }

        var script = Begin();
        Register(instrument);
        var available = useMargin ? script.MarginBuyingPower : script.Cash;
        var reserve = available * (1 - (decimal)share);
        var budget = available - reserve;
        var lotValue = Price(instrument) * JpyPerUnit(instrument) * instrument.LotSize;
        if (budget < lotValue)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Account '{script.Id}' has ¥{budget:N0} of {(useMargin ? "margin " : "")}buying power, less than one lot of {instrument.Symbol} (¥{lotValue:N0})."));
        }

        for (var i = 0; i < orders; i++)
        {
            if (i > 0 && risingPrices)
            {
                var step = priceStep * (0.55 + (_random.NextDouble() * 0.9));
                _prices[instrument.Symbol] = RoundToTick(instrument, Math.Max(Price(instrument) * (1m + (decimal)step), Price(instrument) + Tick(instrument, Price(instrument))));
            }

            var left = (useMargin ? script.MarginBuyingPower : script.Cash) - reserve;
            var perOrder = i == orders - 1 ? left : Math.Min(left, budget / orders);
            var qty = Lots(instrument, perOrder, Price(instrument), atLeastOne: false);
            if (qty == 0)
            {
                break;
            }

            PlaceOrder(script, instrument, OrderSide.Buy, qty, Price(instrument), useMargin, OrderType.Limit, true, null);
        }

        return this;
    }

    /// <summary>Converts yen into a foreign currency (e.g. before buying Hong Kong stocks with foreign-currency settlement).</summary>
    /// <param name="toCurrency">ISO 4217 code, e.g. <c>HKD</c>.</param>
    /// <param name="amountJpy">Yen converted; default all cash.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder ConvertCurrency(string toCurrency, decimal? amountJpy = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toCurrency);
        var script = Begin();
        var amount = amountJpy ?? script.Cash;
        Emit(script, NewId(script, "fx", null), t => new FxConversionEvent(t.Id, t.Time, script.Id, "JPY", toCurrency, amount));
        Now += LoginPace;
        return this;
    }

    /// <summary>A request to withdraw cash, to the registered bank account (or the one set by <see cref="ChangeWithdrawalAccount"/>).</summary>
    /// <param name="amountJpy">Yen; default all cash.</param>
    /// <param name="id">Event id; default <c>withdrawal-N</c>.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder RequestWithdrawal(decimal? amountJpy = null, string? id = null)
    {
        var script = Begin();
        var amount = amountJpy ?? script.Cash;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        script.Cash = Math.Max(0, script.Cash - amount);
        Emit(script, NewId(script, "withdrawal", id), t => new WithdrawalRequestEvent(t.Id, t.Time, script.Id, amount, script.WithdrawalDestination));
        Now += LoginPace;
        return this;
    }

    /// <summary>A portfolio snapshot of the current account's holdings, cash and buying power at this time.</summary>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Snapshot()
    {
        var script = Begin();
        Emit(script, NewId(script, "portfolio", null), t => script.Portfolio(this, t.Id, t.Time));
        return this;
    }

    /// <summary>Adds a hand-written event for the current account, labelled by the current actor.</summary>
    /// <param name="accountEvent">The event; its account must be the current account.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Add(AccountEvent accountEvent)
    {
        ArgumentNullException.ThrowIfNull(accountEvent);
        var script = Begin();
        if (accountEvent.Account != script.Id)
        {
            throw new ArgumentException($"Event '{accountEvent.Id}' is for account '{accountEvent.Account}', not the current account '{script.Id}'.", nameof(accountEvent));
        }

        script.Events.Add(new Written(new ScenarioEvent(accountEvent, false, script.ByAttacker), _sequence++));
        return this;
    }

    /// <summary>Builds the scenario: generates each account's history, adds the opening snapshots and sorts every event by time.</summary>
    /// <returns>The scenario.</returns>
    public Scenario Build()
    {
        var all = new List<Written>();
        foreach (var script in _accounts)
        {
            var first = script.FirstAction ?? _start;
            var openingTime = OpeningSnapshotTime(first);
            if (!script.WithoutHistory && script.Profile.HistoryWeeks > 0)
            {
                var historyEnd = Min(openingTime, new DateTimeOffset(first.ToOffset(Jst).Date, Jst)) - script.Profile.DormantFor;
                foreach (var e in HistoryWriter.Write(script, this, historyEnd))
                {
                    all.Add(new Written(new ScenarioEvent(e, IsHistory: true, IsFraudulent: false), long.MinValue + all.Count));
                }
            }

            var opening = script.Opening ?? script.Capture(this);
            all.Add(new Written(new ScenarioEvent(opening.ToEvent($"open:{script.Id}", openingTime, script.Id), false, false), long.MinValue / 2 + all.Count));
            all.AddRange(script.Events);
        }

        var events = all.OrderBy(w => w.Event.Event.Time).ThenBy(w => w.Sequence).Select(w => w.Event).ToList();
        var accountList = _accounts.Select(a => new ScenarioAccount(a.Id, a.Profile, a.Attacked, a.Tag)).ToList();
        return new Scenario(_start, events, _instrumentOrder.ToList(), accountList);
    }

    internal IReadOnlyList<Instrument> HistoryUniverse => _historyUniverse;

    internal bool CanTradeForeign => Current.ForeignEnabled ?? Current.Profile.Markets.Any(m => m != "TSE");

    internal bool HasMargin => Current.MarginBuyingPower > 0 || Current.Profile.TradesOnMargin;

    internal bool HasHoldings => Current.Holdings.Any(h => h.Quantity > 0);

    internal decimal CurrentCash => Current.Cash;

    internal decimal CurrentMarginBuyingPower => Current.MarginBuyingPower;

    internal IReadOnlyList<(Instrument Instrument, long Quantity)> CurrentHoldings => Current.Holdings.Where(h => h.Quantity > 0).ToList();

    internal string? CurrentDevice => Current.Session?.Device;

    internal decimal Price(Instrument instrument) => _prices.TryGetValue(instrument.Symbol, out var p) ? p : instrument.LastPrice;

    internal static decimal JpyPerUnit(Instrument instrument) => instrument.LastPrice == 0 ? 1m : instrument.LastPriceJpy / instrument.LastPrice;

    internal void Register(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (_instruments.TryGetValue(instrument.Symbol, out var known))
        {
            if (known != instrument)
            {
                throw new ArgumentException($"Instrument '{instrument.Symbol}' was already registered with different reference data.", nameof(instrument));
            }

            return;
        }

        _instruments.Add(instrument.Symbol, instrument);
        _instrumentOrder.Add(instrument);
    }

    internal static decimal RoundToTick(Instrument instrument, decimal price)
    {
        var tick = Tick(instrument, price);
        return Math.Max(tick, Math.Round(price / tick, MidpointRounding.AwayFromZero) * tick);
    }

    // Approximate tick sizes: whole yen below ¥3,000 (¥5 above), three decimals below one unit of a foreign currency.
    private static decimal Tick(Instrument instrument, decimal price) => instrument.Currency switch
    {
        "JPY" => price < 3_000m ? 1m : 5m,
        _ => price < 1m ? 0.001m : 0.01m,
    };

    private static long Lots(Instrument instrument, decimal amountJpy, decimal price, bool atLeastOne)
    {
        var lotValue = price * JpyPerUnit(instrument) * instrument.LotSize;
        var lots = (long)Math.Floor(amountJpy / lotValue);
        return Math.Max(atLeastOne ? 1 : 0, lots) * instrument.LotSize;
    }

    private static LoginChannel ChannelOf(string device) =>
        device.EndsWith("-phone", StringComparison.Ordinal) || device.EndsWith("-tablet", StringComparison.Ordinal) ? LoginChannel.App : LoginChannel.Web;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset OpeningSnapshotTime(DateTimeOffset first)
    {
        var local = first.ToOffset(Jst);
        var sevenAm = new DateTimeOffset(local.Year, local.Month, local.Day, 7, 0, 0, Jst);
        return Min(sevenAm, first - TimeSpan.FromMinutes(1));
    }

    private AccountScript Setup()
    {
        var script = Current;
        if (script.FirstAction is not null)
        {
            throw new InvalidOperationException($"Account '{script.Id}': set holdings, cash and margin before its first timeline action.");
        }

        return script;
    }

    private AccountScript Begin()
    {
        var script = Current;
        if (script.FirstAction is null)
        {
            script.FirstAction = Now;
            script.Opening = script.Capture(this);
        }

        return script;
    }

    private string NewId(AccountScript script, string kind, string? explicitId)
    {
        if (explicitId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(explicitId);
            return explicitId;
        }

        var key = script.Prefix + kind;
        _counters[key] = _counters.TryGetValue(key, out var n) ? n + 1 : 1;
        return string.Create(CultureInfo.InvariantCulture, $"{script.Prefix}{kind}-{_counters[key]}");
    }

    private void Emit(AccountScript script, string id, Func<(string Id, DateTimeOffset Time), AccountEvent> create) =>
        script.Events.Add(new Written(new ScenarioEvent(create((id, Now)), false, script.ByAttacker), _sequence++));

    private void PlaceOrder(AccountScript script, Instrument instrument, OrderSide side, long quantity, decimal price, bool margin, OrderType orderType, bool fill, string? id)
    {
        if (quantity % instrument.LotSize != 0)
        {
            throw new ArgumentException($"Quantity {quantity} of {instrument.Symbol} is not a whole number of {instrument.LotSize}-share lots.", nameof(quantity));
        }

        var orderId = NewId(script, side == OrderSide.Buy ? "buy" : "sell", id);
        var notional = Math.Round(quantity * price * JpyPerUnit(instrument), 0);
        var buyingPower = margin ? script.MarginBuyingPower : script.Cash;
        _prices[instrument.Symbol] = price;
        Emit(script, orderId, t => new OrderEvent(t.Id, t.Time, script.Id, orderId, side, instrument.Symbol, quantity, orderType, notional)
        {
            Price = orderType == OrderType.Limit ? price : null,
            Margin = margin,
            BuyingPowerJpy = buyingPower,
        });
        if (fill)
        {
            var at = Now;
            Now += FillDelay;
            Emit(script, orderId + "-fill", t => new ExecutionEvent(t.Id, t.Time, script.Id, orderId, side, instrument.Symbol, quantity, price, notional));
            Now = at;
        }

        script.Apply(instrument, side, quantity, notional, margin);
        Now += OrderPace;
    }

    private static SessionInfo Session(AccountScript script, bool fromNewDevice, string? country, bool hosting, bool fromNewNetwork, string? device)
    {
        if (script.PendingSession is { } pending)
        {
            script.PendingSession = null;
            if (device is null || device == pending.Device)
            {
                return pending;
            }
        }

        var home = script.Profile.Country;
        var subscriber = TestNetworks.StableHash(script.Id + (script.ByAttacker ? "#attacker" : "")) + (fromNewNetwork ? 7919 : 0);
        TestNetworks.Network network;
        if (hosting)
        {
            network = (country ?? "JP") == "JP" ? TestNetworks.JapaneseHosting : TestNetworks.Foreign(country!, hosting: true);
        }
        else if ((country ?? (script.ByAttacker ? script.Session?.Network.Country : null) ?? home) is var c && c != "JP")
        {
            network = TestNetworks.Foreign(c, hosting: false);
        }
        else if (script.ByAttacker || fromNewNetwork)
        {
            // A residential proxy or an unfamiliar Japanese network: a Japanese provider the customer does not use.
            var own = HistoryWriter.NetworksOf(script);
            var others = TestNetworks.JapaneseResidential.Where(n => !own.Contains(n)).ToArray();
            network = others[Math.Abs(subscriber) % others.Length];
        }
        else
        {
            network = HistoryWriter.NetworksOf(script)[0];
        }

        var dev = device
            ?? (fromNewDevice
                ? string.Create(CultureInfo.InvariantCulture, $"{script.Id}-device{++script.NewDevices}")
                : HistoryWriter.DevicesOf(script)[0]);
        return new SessionInfo(dev, network, TestNetworks.Address(network, subscriber));
    }

    internal readonly record struct SessionInfo(string Device, TestNetworks.Network Network, string Ip);

    internal readonly record struct Written(ScenarioEvent Event, long Sequence);

    internal sealed class AccountScript(string id, CustomerProfile profile, string prefix)
    {
        public string Id { get; } = id;

        public CustomerProfile Profile { get; } = profile;

        public string Prefix { get; } = prefix;

        public string Tag { get; set; } = "";

        public List<(Instrument Instrument, long Quantity)> Holdings { get; } = [];

        public decimal Cash { get; set; }

        public decimal MarginBuyingPower { get; set; }

        public bool? ForeignEnabled { get; set; }

        public bool WithoutHistory { get; set; }

        public bool ByAttacker { get; set; }

        public bool Attacked { get; set; }

        public int NewDevices { get; set; }

        public IReadOnlyList<string>? Devices { get; set; }

        public TestNetworks.Network[]? Networks { get; set; }

        public SessionInfo? Session { get; set; }

        public SessionInfo? PendingSession { get; set; }

        public string WithdrawalDestination { get; set; } = $"bank-{id}";

        public DateTimeOffset? FirstAction { get; set; }

        public PortfolioState? Opening { get; set; }

        public List<Written> Events { get; } = [];

        public long Held(string symbol) => Holdings.Where(h => h.Instrument.Symbol == symbol).Sum(h => h.Quantity);

        public decimal HoldingsValue(ScenarioBuilder builder) =>
            Holdings.Sum(h => h.Quantity * builder.Price(h.Instrument) * JpyPerUnit(h.Instrument));

        public void Add(Instrument instrument, long quantity)
        {
            var i = Holdings.FindIndex(h => h.Instrument.Symbol == instrument.Symbol);
            if (i < 0)
            {
                Holdings.Add((instrument, quantity));
            }
            else
            {
                Holdings[i] = (instrument, Math.Max(0, Holdings[i].Quantity + quantity));
            }
        }

        public void Apply(Instrument instrument, OrderSide side, long quantity, decimal notional, bool margin)
        {
            if (side == OrderSide.Sell)
            {
                Add(instrument, -quantity);
                Cash += notional;
            }
            else
            {
                Add(instrument, quantity);
                if (margin)
                {
                    MarginBuyingPower = Math.Max(0, MarginBuyingPower - notional);
                }
                else
                {
                    Cash = Math.Max(0, Cash - notional);
                }
            }
        }

        public PortfolioState Capture(ScenarioBuilder builder) => new(
            Holdings.Where(h => h.Quantity > 0)
                .Select(h => new Position(h.Instrument.Symbol, h.Quantity, Math.Round(h.Quantity * builder.Price(h.Instrument) * JpyPerUnit(h.Instrument), 0)))
                .ToList(),
            Cash,
            MarginBuyingPower);

        public PortfolioEvent Portfolio(ScenarioBuilder builder, string eventId, DateTimeOffset time) =>
            Capture(builder).ToEvent(eventId, time, Id);
    }

    internal sealed record PortfolioState(IReadOnlyList<Position> Positions, decimal Cash, decimal MarginBuyingPower)
    {
        public PortfolioEvent ToEvent(string eventId, DateTimeOffset time, string account) =>
            new(eventId, time, account, Positions, Cash, Cash + MarginBuyingPower);
    }
}
