using System.Globalization;
using TakeoverRules.Detection;

namespace TakeoverRules.Testing.Simulation;

/// <summary>How a buy is paid for.</summary>
internal enum BuyKind
{
    /// <summary>From cash, after a login.</summary>
    Cash,

    /// <summary>On margin (信用取引).</summary>
    Margin,

    /// <summary>A monthly automatic order the broker places with no login.</summary>
    Automatic,
}

/// <summary>The event-writing primitives: every event goes through these, which keep cash, margin and holdings consistent.</summary>
internal sealed partial class AccountSimulation
{
    private void Emit(AccountEvent e)
    {
        if (e.Time >= _opened && e.Time < _world.End)
        {
            _events.Add((e, _fraud));
        }
    }

    private string NextId() => _spec.Id + "-" + (++_sequence).ToString("x", CultureInfo.InvariantCulture);

    private void Login(DateTimeOffset t, bool success, string ip, string device, Net net, AuthMethod method, LoginChannel channel) =>
        Emit(new LoginEvent(NextId(), t, _spec.Id, success, ip, device, method, channel) { Country = net.Country, Asn = net.Asn, Hosting = net.Hosting });

    private void Setting(DateTimeOffset t, AccountSetting setting, bool? enabled) =>
        Emit(new SettingChangedEvent(NextId(), t, _spec.Id, setting) { Enabled = enabled });

    private void Withdraw(DateTimeOffset t, decimal amountJpy, string destination)
    {
        var amount = Math.Min(Math.Floor(amountJpy / 1000m) * 1000m, _cash);
        if (amount < 1000m)
        {
            return;
        }

        _cash -= amount;
        Emit(new WithdrawalRequestEvent(NextId(), t, _spec.Id, amount, destination));
    }

    private void Convert(DateTimeOffset t, string currency, decimal amountJpy)
    {
        if (amountJpy >= 1000m)
        {
            Emit(new FxConversionEvent(NextId(), t, _spec.Id, "JPY", currency, Math.Round(amountJpy, 0)));
        }
    }

    private void Snapshot(DateTimeOffset t)
    {
        var positions = _holdings.Select(h => new Position(h.Instrument.Symbol, h.Quantity, Math.Round((decimal)(h.Quantity * Price(h.Instrument, t) * Universe.Fx(h.Instrument)), 0))).ToList();
        var power = _marginAccount ? Math.Max(_cash, (decimal)MarginPower(t)) : _cash;
        Emit(new PortfolioEvent(NextId(), t, _spec.Id, positions, _cash, Math.Round(power, 0)));
    }

    private double Price(Instrument instrument, DateTimeOffset t) => (double)instrument.LastPrice * _world.PriceFactor(instrument, t);

    private double HoldingsValue(DateTimeOffset t) => _holdings.Sum(h => h.Quantity * Price(h.Instrument, t) * Universe.Fx(h.Instrument));

    /// <summary>Margin buying power: about 3.3× the collateral (cash plus 80 % of holdings, less what margin already uses).</summary>
    private double MarginPower(DateTimeOffset t)
    {
        if (!_marginAccount)
        {
            return 0;
        }

        var collateral = (double)_cash + (0.8 * HoldingsValue(t)) - (double)_marginUsed;
        return Math.Max(0, (3.3 * collateral) - (double)_marginUsed);
    }

    private static decimal Tick(Instrument instrument, double price) => instrument.Currency switch
    {
        "JPY" => Math.Max(1m, Math.Round((decimal)price, 0)),
        "USD" => Math.Max(0.01m, Math.Round((decimal)price, 2)),
        _ => Math.Max(0.001m, Math.Round((decimal)price, price < 1 ? 3 : 2)),
    };

    /// <summary>Places a buy of about <paramref name="amountJpy"/> (fewer lots when buying power is short); returns whether an order was placed.</summary>
    private bool Buy(DateTimeOffset t, Instrument instrument, double amountJpy, BuyKind kind, double premium = 0, bool market = false)
    {
        var fx = Universe.Fx(instrument);
        var price = Tick(instrument, Price(instrument, t) * (1 + premium + (0.004 * PopulationGenerator.Gaussian(_r))));
        var lotJpy = (double)price * fx * instrument.LotSize;
        var power = kind == BuyKind.Margin ? MarginPower(t) : (double)_cash;
        var lots = (long)(Math.Min(amountJpy, power) / lotJpy);
        if (lots < 1 || t >= _world.End)
        {
            return false;
        }

        if (instrument.Market != "TSE" && kind == BuyKind.Cash && !_fraud && _r.NextDouble() < 0.5)
        {
            Convert(t.AddSeconds(-_r.Next(30, 600)), instrument.Currency, (decimal)(lots * lotJpy * (1 + (_r.NextDouble() * 0.3))));
        }

        var quantity = lots * instrument.LotSize;
        var notional = Math.Round((decimal)(lots * lotJpy), 0);
        var orderId = "o" + _spec.Id[(_spec.Id.IndexOf('-', StringComparison.Ordinal) + 1)..] + "-" + (++_orderSequence).ToString(CultureInfo.InvariantCulture);
        var order = new OrderEvent(NextId(), t, _spec.Id, orderId, OrderSide.Buy, instrument.Symbol, quantity, market ? OrderType.Market : OrderType.Limit, notional)
        {
            Price = market ? null : price,
            Margin = kind == BuyKind.Margin ? true : _marginAccount ? false : null,
            BuyingPowerJpy = Math.Round((decimal)power, 0),
        };
        Emit(order);
        if (kind == BuyKind.Margin)
        {
            _marginUsed += notional;
        }
        else
        {
            _cash -= notional;
        }

        AddOrIncrease(instrument, quantity);
        Fill(order, instrument, price, fx);
        return true;
    }

    private void Sell(DateTimeOffset t, Instrument instrument, long quantity, bool? marketOrder = null)
    {
        var i = _holdings.FindIndex(h => ReferenceEquals(h.Instrument, instrument));
        if (i < 0 || quantity <= 0 || t >= _world.End)
        {
            return;
        }

        quantity = Math.Min(quantity, _holdings[i].Quantity);
        var fx = Universe.Fx(instrument);
        var market = marketOrder ?? _r.NextDouble() < 0.3;
        var price = Tick(instrument, Price(instrument, t) * (1 - (market ? 0 : 0.002) + (0.004 * PopulationGenerator.Gaussian(_r))));
        var notional = Math.Round((decimal)(quantity * (double)price * fx), 0);
        var orderId = "o" + _spec.Id[(_spec.Id.IndexOf('-', StringComparison.Ordinal) + 1)..] + "-" + (++_orderSequence).ToString(CultureInfo.InvariantCulture);
        var order = new OrderEvent(NextId(), t, _spec.Id, orderId, OrderSide.Sell, instrument.Symbol, quantity, market ? OrderType.Market : OrderType.Limit, notional)
        {
            Price = market ? null : price,
            Margin = _marginAccount ? false : null,
            BuyingPowerJpy = Math.Round(_cash, 0),
        };
        Emit(order);
        var repay = Math.Min(_marginUsed, notional);
        _marginUsed -= repay;
        _cash += notional - repay;
        _holdings[i] = (instrument, _holdings[i].Quantity - quantity);
        if (_holdings[i].Quantity == 0)
        {
            _holdings.RemoveAt(i);
        }

        Fill(order, instrument, price, fx);
    }

    private void AddOrIncrease(Instrument instrument, long quantity)
    {
        var i = _holdings.FindIndex(h => ReferenceEquals(h.Instrument, instrument));
        if (i >= 0)
        {
            _holdings[i] = (instrument, _holdings[i].Quantity + quantity);
        }
        else
        {
            _holdings.Add((instrument, quantity));
        }
    }

    /// <summary>The execution(s) of an order: now if the market is open, else at the next open; big orders in thin names fill in parts.</summary>
    private void Fill(OrderEvent order, Instrument instrument, decimal price, double fx)
    {
        var open = World.NextOpen(instrument, order.Time);
        var at = open == order.Time ? order.Time.AddSeconds(_r.Next(1, 60)) : open.AddSeconds(_r.Next(0, 180));
        var parts = IsThin(instrument) && order.Quantity >= 4 * instrument.LotSize && _r.NextDouble() < 0.5 ? 2 : 1;
        var remaining = order.Quantity;
        for (var p = 0; p < parts; p++)
        {
            var quantity = p == parts - 1 ? remaining : Math.Max(instrument.LotSize, remaining / 2 / instrument.LotSize * instrument.LotSize);
            remaining -= quantity;
            Emit(new ExecutionEvent(NextId(), at, _spec.Id, order.OrderId, order.Side, order.Symbol, quantity, price, Math.Round(quantity * price * (decimal)fx, 0)));
            at = at.AddSeconds(_r.Next(30, 1_800));
        }
    }
}
