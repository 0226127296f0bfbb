using System.Globalization;
using TakeoverRules.Detection;

namespace TakeoverRules.Benchmarks.Detection;

/// <summary>
/// What a team writing the indicator rules for a general-purpose rules engine (RulesEngine, NRules) has to build
/// around the engine: neither keeps event-time history per account, so the host remembers devices, networks, bursts,
/// order sizes, hours and risky buyers per symbol, aggregates them into a <see cref="BaselineFeatures"/> fact per event,
/// lets the engine decide which indicator rules match, then sums their points, renders an explanation for each and
/// learns from the event. Thresholds and weights are the <see cref="DetectorOptions"/> defaults. Subclasses supply only
/// the engine; the rule set is the same, so a benchmark compares the engines, not the features.
/// </summary>
internal abstract class HostStateBaseline
{
    /// <summary>The rule set: indicator name → points added to the risk when its rule matches.</summary>
    public static readonly IReadOnlyDictionary<string, int> Points = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["UnfamiliarDevice"] = 20,
        ["UnfamiliarNetwork"] = 12,
        ["UnfamiliarCountry"] = 25,
        ["HostingNetwork"] = 20,
        ["FailedThenSuccessfulLogin"] = 15,
        ["DormantAccountWakeUp"] = 20,
        ["ContactDetailsChanged"] = 20,
        ["NotificationsDisabled"] = 25,
        ["LiquidationBurst"] = 20,
        ["SellToBuyRotation"] = 15,
        ["BuyingPowerExhausted"] = 15,
        ["FirstTradeInSegment"] = 10,
        ["ThinInstrument"] = 20,
        ["RisingPriceLadder"] = 15,
        ["OrderSizeAboveHistory"] = 15,
        ["OffHours"] = 10,
        ["WithdrawalAfterRisk"] = 35,
        ["RotationTypology"] = 25,
        ["CrossAccountRamp"] = 30,
    };

    private readonly IInstrumentSource _instruments;
    private Dictionary<string, HostAccount> _accounts = new(StringComparer.Ordinal);
    private Dictionary<string, List<(string Account, DateTimeOffset Time)>> _symbols = new(StringComparer.Ordinal);

    protected HostStateBaseline(IInstrumentSource instruments) => _instruments = instruments;

    /// <summary>Forgets all host-side history (compiled rules stay, as in a long-running service).</summary>
    public virtual void Reset()
    {
        _accounts = new(StringComparer.Ordinal);
        _symbols = new(StringComparer.Ordinal);
    }

    public (DecisionKind Kind, int Risk, List<string>? Explanations) Evaluate(AccountEvent e) => Evaluate(e, out _);

    /// <summary>Decides on one event; <paramref name="fired"/> receives the names of the indicator rules that matched.</summary>
    public (DecisionKind Kind, int Risk, List<string>? Explanations) Evaluate(AccountEvent e, out IReadOnlyList<string>? fired)
    {
        if (!_accounts.TryGetValue(e.Account, out var account))
        {
            account = new HostAccount();
            _accounts.Add(e.Account, account);
        }

        var features = FeaturesFor(account);
        account.Observe(e, features, _instruments, _symbols);
        fired = Match(features);
        var risk = 0;
        List<string>? explanations = null;
        if (fired is not null)
        {
            foreach (var name in fired)
            {
                risk += Points[name];
                (explanations ??= []).Add(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: sold {features.SoldShare:P0}, notional ¥{features.NotionalJpy:#,0}, {features.MinutesSinceLogin:0} min after login"));
            }
        }

        risk = Math.Min(risk, 100);
        var kind = risk >= 85 ? DecisionKind.Freeze : risk >= 55 ? DecisionKind.Hold : risk >= 30 ? DecisionKind.Review : DecisionKind.Allow;
        if (e is OrderEvent order && kind >= DecisionKind.Hold && features.IsBuy && features.TurnoverJpy > 0 && features.TurnoverJpy < 300_000_000)
        {
            HostAccount.RiskyBuy(order, _symbols);
        }

        account.Learn(e, kind, features);
        return (kind, risk, explanations);
    }

    /// <summary>The fact the rules will read for this account's next event; <see cref="HostAccount.Observe"/> refills it.</summary>
    protected abstract BaselineFeatures FeaturesFor(HostAccount account);

    /// <summary>Runs the engine on the refilled fact; returns the names of the rules that matched, or null if none did.</summary>
    protected abstract IReadOnlyList<string>? Match(BaselineFeatures features);
}

/// <summary>The feature fact the rules read: host-side history aggregated for one event.</summary>
internal sealed class BaselineFeatures
{
    private List<string>? _fired;

    public bool IsLogin { get; set; }
    public bool IsOrder { get; set; }
    public bool IsBuy { get; set; }
    public bool IsSell { get; set; }
    public bool IsWithdrawal { get; set; }
    public double SessionFactor { get; set; }
    public bool NewDevice { get; set; }
    public bool NewNetwork { get; set; }
    public bool NewCountry { get; set; }
    public bool Hosting { get; set; }
    public int FailedBefore { get; set; }
    public double DaysIdle { get; set; }
    public double MinutesSinceContactChange { get; set; } = -1;
    public double MinutesSinceNotificationsOff { get; set; } = -1;
    public double MinutesSinceLogin { get; set; }
    public double SoldShare { get; set; }
    public double BuyingPowerUsed { get; set; }
    public int Orders { get; set; }
    public bool NewMarket { get; set; }
    public double TurnoverJpy { get; set; }
    public double NotionalJpy { get; set; }
    public int LadderCount { get; set; }
    public double MaxOrderJpy { get; set; }
    public int HourTotal { get; set; }
    public double HourShare { get; set; }
    public int RiskyBuyersOfSymbol { get; set; }

    /// <summary>Indicator rules that fired on this fact since <see cref="Clear"/>, for engines whose actions report back on the fact.</summary>
    public IReadOnlyList<string>? Fired => _fired is { Count: > 0 } ? _fired : null;

    public void RecordFired(string indicator) => (_fired ??= []).Add(indicator);

    /// <summary>Back to the defaults, so a fact kept per account reads exactly like a fresh one.</summary>
    public void Clear()
    {
        (IsLogin, IsOrder, IsBuy, IsSell, IsWithdrawal) = (false, false, false, false, false);
        (SessionFactor, NewDevice, NewNetwork, NewCountry, Hosting) = (0, false, false, false, false);
        (FailedBefore, DaysIdle, MinutesSinceContactChange, MinutesSinceNotificationsOff, MinutesSinceLogin) = (0, 0, -1, -1, 0);
        (SoldShare, BuyingPowerUsed, Orders, NewMarket, TurnoverJpy, NotionalJpy) = (0, 0, 0, false, 0, 0);
        (LadderCount, MaxOrderJpy, HourTotal, HourShare, RiskyBuyersOfSymbol) = (0, 0, 0, 0, 0);
        _fired?.Clear();
    }
}

/// <summary>What the host must remember per account because the engines cannot.</summary>
internal sealed class HostAccount
{
    private readonly HashSet<string> _devices = new(StringComparer.Ordinal);
    private readonly HashSet<string> _networks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _countries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _markets = new(StringComparer.Ordinal);
    private readonly int[] _hours = new int[24];
    private int _hourTotal, _failed, _orders, _logins, _ladder;
    private DateTimeOffset _lastActivity, _riskLogin, _contactChange, _notificationsOff, _burstLast;
    private bool _newDevice, _newNetwork, _newCountry, _hosting;
    private double _holdings, _available, _burstHoldings, _burstSold, _burstBought, _maxOrder, _ladderPrice;
    private string? _ladderSymbol;

    /// <summary>The engine's fact for this account, for engines that keep one fact per account in working memory.</summary>
    public BaselineFeatures? Fact { get; set; }

    public void Observe(AccountEvent e, BaselineFeatures f, IInstrumentSource instruments, Dictionary<string, List<(string Account, DateTimeOffset Time)>> symbols)
    {
        f.Clear();
        switch (e)
        {
            case LoginEvent login when !login.Success:
                _failed++;
                break;
            case LoginEvent login:
                f.IsLogin = true;
                f.FailedBefore = _failed;
                _failed = 0;
                f.DaysIdle = _lastActivity == default ? 0 : (login.Time - _lastActivity).TotalDays;
                var mature = _logins >= 3;
                var newDevice = mature && !_devices.Contains(login.Device);
                var newNetwork = mature && login.Asn is not null && !_networks.Contains(login.Asn);
                var newCountry = login.Country is not null && (mature ? !_countries.Contains(login.Country) : login.Country != "JP");
                var hosting = login.Hosting == true;
                if (newDevice || newNetwork || newCountry || hosting)
                {
                    (_newDevice, _newNetwork, _newCountry, _hosting, _riskLogin) = (newDevice, newNetwork, newCountry, hosting, login.Time);
                }

                if (!mature)
                {
                    _devices.Add(login.Device);
                    if (login.Asn is not null) _networks.Add(login.Asn);
                    if (login.Country is not null) _countries.Add(login.Country);
                }

                _logins++;
                _lastActivity = login.Time;
                break;
            case SettingChangedEvent setting when setting.Setting is AccountSetting.Email or AccountSetting.Phone or AccountSetting.Address:
                _contactChange = setting.Time;
                break;
            case SettingChangedEvent setting when setting.Setting == AccountSetting.LoginNotifications && setting.Enabled == false:
                _notificationsOff = setting.Time;
                break;
            case PortfolioEvent portfolio:
                _holdings = portfolio.Positions.Sum(p => (double)p.ValueJpy);
                _available = (double)portfolio.BuyingPowerJpy;
                break;
            case WithdrawalRequestEvent:
                f.IsWithdrawal = true;
                break;
            case OrderEvent order:
                ObserveOrder(order, f, instruments, symbols);
                break;
        }

        var age = _riskLogin == default ? TimeSpan.MaxValue : e.Time - _riskLogin;
        f.SessionFactor = age <= TimeSpan.FromHours(72) ? Math.Pow(0.5, age.TotalHours / 12) : 0;
        (f.NewDevice, f.NewNetwork, f.NewCountry, f.Hosting) = (_newDevice, _newNetwork, _newCountry, _hosting);
        f.MinutesSinceLogin = f.SessionFactor > 0 ? age.TotalMinutes : 0;
        f.MinutesSinceContactChange = _contactChange == default ? -1 : (e.Time - _contactChange).TotalMinutes;
        f.MinutesSinceNotificationsOff = _notificationsOff == default ? -1 : (e.Time - _notificationsOff).TotalMinutes;
    }

    private void ObserveOrder(OrderEvent order, BaselineFeatures f, IInstrumentSource instruments, Dictionary<string, List<(string Account, DateTimeOffset Time)>> symbols)
    {
        f.IsOrder = true;
        f.IsBuy = order.Side == OrderSide.Buy;
        f.IsSell = !f.IsBuy;
        f.NotionalJpy = (double)order.NotionalJpy;
        f.Orders = _orders;
        f.MaxOrderJpy = _maxOrder;
        if (order.Time - _burstLast > TimeSpan.FromMinutes(180))
        {
            (_burstHoldings, _burstSold, _burstBought) = (_holdings, 0, 0);
        }

        _burstLast = order.Time;
        if (order.BuyingPowerJpy is { } power)
        {
            _available = (double)power;
        }

        if (f.IsSell)
        {
            _burstSold += f.NotionalJpy;
        }

        f.SoldShare = _burstHoldings > 0 ? Math.Min(1, _burstSold / _burstHoldings) : 0;
        var market = order.Symbol[..Math.Max(0, order.Symbol.IndexOf(':', StringComparison.Ordinal))];
        f.NewMarket = !_markets.Contains(market);
        if (f.IsBuy)
        {
            f.BuyingPowerUsed = _burstBought + _available > 0 ? (_burstBought + f.NotionalJpy) / (_burstBought + _available) : 0;
            if (instruments.TryGet(order.Symbol, out var instrument))
            {
                f.TurnoverJpy = (double)instrument.AvgDailyTurnoverJpy;
            }

            var price = (double)(order.Price ?? 0);
            _ladder = _ladderSymbol == order.Symbol && price >= _ladderPrice ? _ladder + 1 : 1;
            (_ladderSymbol, _ladderPrice) = (order.Symbol, price);
            f.LadderCount = _ladder;
            _burstBought += f.NotionalJpy;
            if (symbols.TryGetValue(order.Symbol, out var buyers))
            {
                buyers.RemoveAll(b => order.Time - b.Time > TimeSpan.FromMinutes(120));
                f.RiskyBuyersOfSymbol = buyers.Select(b => b.Account).Where(a => a != order.Account).Distinct().Count();
            }
        }

        var hour = (order.Time.UtcDateTime.Hour + 9) % 24;
        f.HourTotal = _hourTotal;
        f.HourShare = _hourTotal == 0 ? 1 : (_hours[hour] + _hours[(hour + 1) % 24] + _hours[(hour + 23) % 24]) / (double)_hourTotal;
    }

    public static void RiskyBuy(OrderEvent order, Dictionary<string, List<(string Account, DateTimeOffset Time)>> symbols)
    {
        if (!symbols.TryGetValue(order.Symbol, out var buyers))
        {
            symbols[order.Symbol] = buyers = [];
        }

        buyers.Add((order.Account, order.Time));
    }

    public void Learn(AccountEvent e, DecisionKind kind, BaselineFeatures f)
    {
        if (e is OrderEvent order && kind == DecisionKind.Allow && f.SessionFactor == 0)
        {
            _orders++;
            _maxOrder = Math.Max(_maxOrder, f.NotionalJpy);
            _markets.Add(order.Symbol[..Math.Max(0, order.Symbol.IndexOf(':', StringComparison.Ordinal))]);
            var hour = (order.Time.UtcDateTime.Hour + 9) % 24;
            _hours[hour]++;
            _hourTotal++;
            _lastActivity = order.Time;
        }
    }
}
