using System.Globalization;
using RulesEngine.Models;
using TakeoverRules.Detection;

namespace TakeoverRules.Benchmarks.Detection;

/// <summary>
/// The same indicator rules written the way a team would with Microsoft RulesEngine 6.0.1: RulesEngine is stateless,
/// so the host keeps per-account and per-symbol history, aggregates it into a feature object per event, lets the engine
/// evaluate one rule per indicator, then sums the weights of the rules that succeeded and renders an explanation for each.
/// Thresholds and weights are the <see cref="DetectorOptions"/> defaults.
/// </summary>
internal sealed class RulesEngineBaseline
{
    private const string WorkflowName = "takeover";

    private static readonly (string Name, string Expression, int Points)[] Rules =
    [
        ("UnfamiliarDevice", "f.SessionFactor > 0 AND f.NewDevice", 20),
        ("UnfamiliarNetwork", "f.SessionFactor > 0 AND f.NewNetwork", 12),
        ("UnfamiliarCountry", "f.SessionFactor > 0 AND f.NewCountry", 25),
        ("HostingNetwork", "f.SessionFactor > 0 AND f.Hosting", 20),
        ("FailedThenSuccessfulLogin", "f.IsLogin AND f.FailedBefore >= 3", 15),
        ("DormantAccountWakeUp", "f.IsLogin AND f.DaysIdle >= 180", 20),
        ("ContactDetailsChanged", "f.MinutesSinceContactChange >= 0 AND f.MinutesSinceContactChange <= 4320", 20),
        ("NotificationsDisabled", "f.MinutesSinceNotificationsOff >= 0 AND f.MinutesSinceNotificationsOff <= 4320", 25),
        ("LiquidationBurst", "f.IsSell AND f.SoldShare >= 0.5", 20),
        ("SellToBuyRotation", "f.IsBuy AND f.SoldShare >= 0.3", 15),
        ("BuyingPowerExhausted", "f.IsBuy AND f.BuyingPowerUsed >= 0.9", 15),
        ("FirstTradeInSegment", "f.IsBuy AND f.Orders >= 3 AND f.NewMarket", 10),
        ("ThinInstrument", "f.IsBuy AND f.TurnoverJpy > 0 AND (f.TurnoverJpy < 300000000 OR f.NotionalJpy >= 0.02 * f.TurnoverJpy)", 20),
        ("RisingPriceLadder", "f.IsBuy AND f.LadderCount >= 3", 15),
        ("OrderSizeAboveHistory", "f.IsOrder AND f.Orders >= 3 AND f.MaxOrderJpy > 0 AND f.NotionalJpy >= 5 * f.MaxOrderJpy", 15),
        ("OffHours", "f.IsOrder AND f.HourTotal >= 30 AND f.HourShare < 0.02", 10),
        ("WithdrawalAfterRisk", "f.IsWithdrawal AND f.SessionFactor > 0", 35),
        ("RotationTypology", "f.IsBuy AND f.SessionFactor > 0 AND f.SoldShare >= 0.5 AND (f.TurnoverJpy < 300000000 OR f.NewMarket)", 25),
        ("CrossAccountRamp", "f.IsBuy AND f.RiskyBuyersOfSymbol >= 3", 30),
    ];

    private readonly global::RulesEngine.RulesEngine _engine;
    private readonly Dictionary<string, int> _points = Rules.ToDictionary(r => r.Name, r => r.Points);
    private readonly IInstrumentSource _instruments;
    private Dictionary<string, HostAccount> _accounts = new(StringComparer.Ordinal);
    private Dictionary<string, List<(string Account, DateTimeOffset Time)>> _symbols = new(StringComparer.Ordinal);

    public RulesEngineBaseline(IInstrumentSource instruments)
    {
        _instruments = instruments;
        var workflow = new Workflow
        {
            WorkflowName = WorkflowName,
            Rules = [.. Rules.Select(r => new Rule { RuleName = r.Name, Expression = r.Expression, RuleExpressionType = RuleExpressionType.LambdaExpression })],
        };
        _engine = new global::RulesEngine.RulesEngine([workflow], new ReSettings());
    }

    /// <summary>Forgets all host-side history (the compiled rules stay cached, as in a long-running service).</summary>
    public void Reset()
    {
        _accounts = new(StringComparer.Ordinal);
        _symbols = new(StringComparer.Ordinal);
    }

    public (DecisionKind Kind, int Risk, List<string>? Explanations) Evaluate(AccountEvent e)
    {
        if (!_accounts.TryGetValue(e.Account, out var account))
        {
            account = new HostAccount();
            _accounts.Add(e.Account, account);
        }

        var features = account.Observe(e, _instruments, _symbols);
        var results = _engine.ExecuteAllRulesAsync(WorkflowName, new RuleParameter("f", features)).AsTask().GetAwaiter().GetResult();
        var risk = 0;
        List<string>? explanations = null;
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                risk += _points[result.Rule.RuleName];
                (explanations ??= []).Add(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Rule.RuleName}: sold {features.SoldShare:P0}, notional ¥{features.NotionalJpy:#,0}, {features.MinutesSinceLogin:0} min after login"));
            }
        }

        risk = Math.Min(risk, 100);
        var kind = risk >= 85 ? DecisionKind.Freeze : risk >= 55 ? DecisionKind.Hold : risk >= 30 ? DecisionKind.Review : DecisionKind.Allow;
        if (e is OrderEvent order && kind >= DecisionKind.Hold && features.IsBuy && features.TurnoverJpy > 0 && features.TurnoverJpy < 300_000_000)
        {
            account.RiskyBuy(order, _symbols);
        }

        account.Learn(e, kind, features);
        return (kind, risk, explanations);
    }

    /// <summary>The feature object the rules read; one per event, as RulesEngine needs an input object.</summary>
    public sealed class Features
    {
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
    }

    /// <summary>What the host must remember per account because the engine cannot.</summary>
    private sealed class HostAccount
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

        public Features Observe(AccountEvent e, IInstrumentSource instruments, Dictionary<string, List<(string Account, DateTimeOffset Time)>> symbols)
        {
            var f = new Features();
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
            return f;
        }

        private void ObserveOrder(OrderEvent order, Features f, IInstrumentSource instruments, Dictionary<string, List<(string Account, DateTimeOffset Time)>> symbols)
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

        public void RiskyBuy(OrderEvent order, Dictionary<string, List<(string Account, DateTimeOffset Time)>> symbols)
        {
            if (!symbols.TryGetValue(order.Symbol, out var buyers))
            {
                symbols[order.Symbol] = buyers = [];
            }

            buyers.Add((order.Account, order.Time));
        }

        public void Learn(AccountEvent e, DecisionKind kind, Features f)
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
}
