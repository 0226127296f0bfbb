using System.Globalization;
using TakeoverRules.Detection;
using static TakeoverRules.Testing.Simulation.PopulationGenerator;

namespace TakeoverRules.Testing.Simulation;

/// <summary>The takeovers: each variant's access, settings, sell-off, conversions, buys and withdrawals, then the victim's recovery.</summary>
internal sealed partial class AccountSimulation
{
    private sealed record Access(string Device, Net Net, string Ip, LoginChannel Channel);

    /// <summary>Writes the attack and the victim's recovery; returns when the victim is back to normal.</summary>
    private DateTimeOffset Attack()
    {
        var variant = _spec.Variant!;
        var style = _spec.Style ?? variant;
        var day = World.Midnight(_spec.AttackTime);
        var t = _spec.Wave is not null ? _spec.AttackTime
            : style is Quiet or SplitTargets || (style == StolenSession && _r.NextDouble() < 0.7) ? UsualTradingTime(day)
            : _spec.AttackTime;
        var end = variant switch
        {
            StolenSession => StolenSessionAttack(t),
            Slow => SlowAttack(t),
            WithdrawalVariant => WithdrawalAttack(t),
            _ => Takeover(t, style),
        };
        return Recover(end);
    }

    private DateTimeOffset UsualTradingTime(DateTimeOffset day)
    {
        for (var i = 0; i < 20; i++)
        {
            var t = SessionTime(day);
            if (t.ToOffset(World.Jst).Hour is >= 8 and < 15)
            {
                return t;
            }
        }

        return day.AddHours(9).AddMinutes(_r.Next(0, 360));
    }

    private Access AttackerAccess(string kind)
    {
        var nets = _world.Networks;
        var device = _spec.Wave is { } w && _r.NextDouble() < 0.5 ? w.Devices[_r.Next(w.Devices.Count)] : NewDevice();
        var channel = _r.NextDouble() < 0.85 ? LoginChannel.Web : LoginChannel.App;
        if (_spec.Wave is { } wave && _r.NextDouble() < 0.5)
        {
            var (relay, host) = wave.Relays[_r.Next(wave.Relays.Count)];
            return new Access(device, relay, relay.V4(host), channel);
        }

        Net net;
        if (kind == "quiet")
        {
            // A residential proxy in Japan, often on the victim's own ISP.
            net = _r.NextDouble() < 0.4 ? _isp : nets.HomeIsps[_r.Next(nets.HomeIsps.Count)];
        }
        else
        {
            var x = _r.NextDouble();
            net = x < 0.35 ? nets.ForeignHosting(Networks.AttackerCountries[_r.Next(Networks.AttackerCountries.Length)])
                : x < 0.55 ? nets.JapaneseClouds[_r.Next(nets.JapaneseClouds.Count)]
                : x < 0.7 ? (_r.NextDouble() < 0.6 ? nets.JapaneseVpnExits[_r.Next(nets.JapaneseVpnExits.Count)] : nets.ForeignVpnExits[_r.Next(nets.ForeignVpnExits.Count)])
                : x < 0.85 ? nets.ForeignResidential(Networks.AttackerCountries[_r.Next(Networks.AttackerCountries.Length)])
                : nets.HomeIsps[_r.Next(nets.HomeIsps.Count)];
        }

        return new Access(device, net, net.V4(_r.Next(1 << 16)), channel);
    }

    private DateTimeOffset AttackerLogin(DateTimeOffset t, Access a, bool recon)
    {
        if (recon && _r.NextDouble() < 0.3)
        {
            var before = t.AddDays(-_r.Next(1, 13)).AddMinutes(_r.Next(-300, 300));
            if (before >= _world.TimelineStart && before >= _opened)
            {
                Login(before, true, a.Ip, a.Device, a.Net, _auth, a.Channel);
            }
        }

        if (_r.NextDouble() < 0.2)
        {
            for (var i = _r.Next(1, 4); i > 0; i--)
            {
                Login(t.AddSeconds(-i * _r.Next(10, 60)), false, a.Ip, a.Device, a.Net, AuthMethod.Password, a.Channel);
            }
        }

        Login(t, true, a.Ip, a.Device, a.Net, _auth, a.Channel);
        return t.AddSeconds(_r.Next(30, 240));
    }

    private DateTimeOffset LoudSettings(DateTimeOffset t, double scale = 1)
    {
        foreach (var (setting, p, enabled) in new (AccountSetting, double, bool?)[]
        {
            (AccountSetting.Email, 0.5, null), (AccountSetting.Phone, 0.25, null), (AccountSetting.LoginNotifications, 0.4, false), (AccountSetting.Mfa, 0.1, null),
        })
        {
            if (_r.NextDouble() < p * scale)
            {
                Setting(t, setting, enabled);
                t = t.AddSeconds(_r.Next(15, 120));
            }
        }

        return t;
    }

    private DateTimeOffset SellOff(DateTimeOffset t, double share, int minGapSeconds, int maxGapSeconds, bool? market = null)
    {
        var total = HoldingsValue(t);
        var sold = 0.0;
        foreach (var (instrument, quantity) in _holdings.OrderByDescending(h => h.Quantity * Price(h.Instrument, t) * Universe.Fx(h.Instrument)).ToList())
        {
            if (sold >= total * share)
            {
                break;
            }

            sold += quantity * Price(instrument, t) * Universe.Fx(instrument);
            Sell(t, instrument, quantity, market);
            t = t.AddSeconds(_r.Next(minGapSeconds, maxGapSeconds));
        }

        return t;
    }

    private Instrument Target(string market)
    {
        var pool = market switch
        {
            "HKEX" => _u.HongKongTargets.Count > 0 && _r.NextDouble() < 0.8 ? _u.HongKongTargets : _u.ThinHongKong,
            "US" => _u.Targets.Where(i => i.Currency == "USD").ToList() is { Count: > 0 } list && _r.NextDouble() < 0.8 ? list : _u.ThinUs,
            _ => _u.DomesticTargets.Count > 0 && _r.NextDouble() < 0.7 ? _u.DomesticTargets : _u.ThinDomestic,
        };
        return pool[_r.Next(pool.Count)];
    }

    private DateTimeOffset PrepareForeign(DateTimeOffset t, Instrument target)
    {
        if (target.Market == "TSE")
        {
            return t;
        }

        if (!_foreignEnabled)
        {
            Setting(t, AccountSetting.ForeignTrading, true);
            _foreignEnabled = true;
            t = t.AddSeconds(_r.Next(20, 120));
        }

        if (_r.NextDouble() < 0.7)
        {
            Convert(t, target.Currency, _cash * (decimal)(0.95 + (_r.NextDouble() * 0.05)));
            t = t.AddSeconds(_r.Next(20, 180));
        }

        return t;
    }

    /// <summary>Buys in <paramref name="orders"/> orders up to <paramref name="share"/> of buying power, the limit rising by <paramref name="step"/> per order.</summary>
    private DateTimeOffset BuyToLimit(DateTimeOffset t, Instrument target, int orders, double share, BuyKind kind, double step, double premium, int minGap = 20, int maxGap = 240)
    {
        var budget = (kind == BuyKind.Margin ? MarginPower(t) : (double)_cash) * share;
        var spent = 0.0;
        AddTarget(target);
        for (var i = 0; i < orders && budget - spent > 0; i++)
        {
            var amount = i == orders - 1 ? budget - spent : (budget - spent) / (orders - i) * (0.8 + (_r.NextDouble() * 0.4));
            var before = (double)_cash + (kind == BuyKind.Margin ? -(double)_marginUsed : 0);
            if (!Buy(t, target, amount, kind, premium + (step * i)))
            {
                break;
            }

            spent += Math.Abs(before - ((double)_cash + (kind == BuyKind.Margin ? -(double)_marginUsed : 0)));
            t = t.AddSeconds(_r.Next(minGap, maxGap));
        }

        return t;
    }

    private void AddTarget(Instrument target)
    {
        if (!_targets.Contains(target.Symbol))
        {
            _targets.Add(target.Symbol);
        }
    }

    /// <summary>The login-based takeovers: classic, domestic, quiet, cash-only, margin-funded, test-order, split, and wave members in one of those styles.</summary>
    private DateTimeOffset Takeover(DateTimeOffset t, string style)
    {
        _fraud = true;
        var quiet = style is Quiet or SplitTargets || (style is CashOnly or MarginFunded && _r.NextDouble() < 0.4);
        var access = AttackerAccess(quiet ? "quiet" : style == SplitTargets && _r.NextDouble() < 0.4 ? "loud" : quiet ? "quiet" : "loud");
        t = AttackerLogin(t, access, recon: _spec.Wave is null);
        t = t.AddSeconds(_r.Next(30, quiet ? 1_200 : 300));
        if (!quiet)
        {
            t = LoudSettings(t, style is CashOnly ? 0.4 : 1);
        }

        var target = _spec.Wave?.Symbol ?? style switch
        {
            ClassicRotation or TestOrder => Target(_r.NextDouble() < 0.85 ? "HKEX" : "US"),
            Quiet => Target(_foreignEnabled && _r.NextDouble() < 0.4 ? "HKEX" : "TSE"),
            CashOnly => Target(_r.NextDouble() < 0.5 ? "HKEX" : "TSE"),
            _ => Target("TSE"),
        };

        switch (style)
        {
            case ClassicRotation or DomesticThin or TestOrder:
                t = SellOff(t, 0.85 + (_r.NextDouble() * 0.15), 20, 180, market: _r.NextDouble() < 0.5);
                t = PrepareForeign(t.AddSeconds(_r.Next(20, 300)), target);
                if (style == TestOrder)
                {
                    // One lot to see that the account can buy, then the real buys.
                    AddTarget(target);
                    Buy(t, target, Price(target, t) * Universe.Fx(target) * target.LotSize * 1.03, BuyKind.Cash, 0.01);

                    t = t.AddMinutes(_r.Next(10, 91));
                }

                t = BuyToLimit(t, target, _r.Next(3, 9), 0.95 + (_r.NextDouble() * 0.05), BuyKind.Cash, 0.01 + (_r.NextDouble() * 0.03), 0.01);
                break;
            case Quiet:
                t = SellOff(t, 0.85 + (_r.NextDouble() * 0.15), 60, 360, market: false);
                t = PrepareForeign(t.AddMinutes(_r.Next(2, 20)), target);
                t = BuyToLimit(t, target, _r.Next(2, 6), 0.85 + (_r.NextDouble() * 0.15), BuyKind.Cash, 0.002, 0.002, 60, 600);
                break;
            case CashOnly:
                t = PrepareForeign(t, target);
                t = BuyToLimit(t, target, _r.Next(2, 7), 0.9 + (_r.NextDouble() * 0.1), BuyKind.Cash, 0.005 + (_r.NextDouble() * 0.02), 0.005);
                break;
            case MarginFunded:
                if (_r.NextDouble() < 0.4)
                {
                    t = SellOff(t, 0.5 + (_r.NextDouble() * 0.5), 20, 180);
                }

                if (_r.NextDouble() < 0.3)
                {
                    t = BuyToLimit(t, target, _r.Next(1, 3), 0.9, BuyKind.Cash, 0.01, 0.005);
                }

                t = BuyToLimit(t, target, _r.Next(2, 7), 0.9 + (_r.NextDouble() * 0.1), BuyKind.Margin, 0.005 + (_r.NextDouble() * 0.02), 0.005);
                break;
            case SplitTargets:
                if (_r.NextDouble() < 0.5)
                {
                    t = SellOff(t, 0.3 + (_r.NextDouble() * 0.5), 60, 600, market: false);
                }

                var power = (double)_cash;
                var names = _r.Next(3, 10);
                var pool = _foreignEnabled && _r.NextDouble() < 0.4 ? _u.ThinDomestic.Concat(_u.ThinHongKong).ToList() : _u.ThinDomestic.Concat(_u.LowPricedLiquid).ToList();
                for (var i = 0; i < names; i++)
                {
                    var name = i == 0 && _r.NextDouble() < 0.5 ? Target("TSE") : pool[_r.Next(pool.Count)];
                    if (Buy(t, name, power * (0.08 + (_r.NextDouble() * 0.17)), BuyKind.Cash, 0.003))
                    {
                        AddTarget(name);
                    }

                    t = t.AddSeconds(_r.Next(60, 900));
                }

                break;
        }

        _fraud = false;
        return t;
    }

    /// <summary>An info-stealer's session cookie: no login event at all; the victim's own login is the last one seen.</summary>
    private DateTimeOffset StolenSessionAttack(DateTimeOffset t)
    {
        Session(t, () => { });
        t = t.AddMinutes(_r.Next(5, 121));
        _fraud = true;
        if (_holdings.Count > 0 && _r.NextDouble() < 0.8)
        {
            t = SellOff(t, 0.7 + (_r.NextDouble() * 0.3), 20, 200);
        }

        var target = Target(_foreignEnabled && _r.NextDouble() < 0.4 ? "HKEX" : "TSE");
        if (target.Market != "TSE" && _r.NextDouble() < 0.5)
        {
            Convert(t, target.Currency, _cash * 0.97m);
        }

        t = BuyToLimit(t.AddMinutes(_r.Next(1, 15)), target, _r.Next(2, 7), 0.9 + (_r.NextDouble() * 0.1), BuyKind.Cash, 0.01, 0.005);
        _fraud = false;
        return t;
    }

    /// <summary>Day 1 sells spread over hours; the next trading day a second login and 3–6 buys spread over hours, each ≤ 45 % of buying power.</summary>
    private DateTimeOffset SlowAttack(DateTimeOffset t)
    {
        _fraud = true;
        var access = AttackerAccess(_r.NextDouble() < 0.5 ? "quiet" : "loud");
        t = AttackerLogin(t, access, recon: true);
        if (_r.NextDouble() < 0.3)
        {
            Setting(t, AccountSetting.LoginNotifications, false);
            t = t.AddSeconds(_r.Next(20, 120));
        }

        t = SellOff(t.AddMinutes(_r.Next(5, 60)), 0.7 + (_r.NextDouble() * 0.3), 1_200, 5_400, market: false);
        var next = World.TradingDayOnOrAfter(World.Midnight(t).AddDays(1)).AddHours(9).AddMinutes(_r.Next(0, 180));
        var second = _r.NextDouble() < 0.5 ? access : AttackerAccess("quiet");
        next = AttackerLogin(next, second, recon: false);
        var target = Target("TSE");
        var buys = _r.Next(3, 7);
        for (var i = 0; i < buys; i++)
        {
            AddTarget(target);
            Buy(next, target, (double)_cash * (0.2 + (_r.NextDouble() * 0.25)), BuyKind.Cash, 0.005 * i);
            next = next.AddMinutes(_r.Next(20, 90));
        }

        _fraud = false;
        return next;
    }

    /// <summary>Changes the withdrawal account, sells, withdraws; half retry two days later, half fall back to buying a thin name.</summary>
    private DateTimeOffset WithdrawalAttack(DateTimeOffset t)
    {
        _fraud = true;
        t = AttackerLogin(t, AttackerAccess("loud"), recon: true);
        var destination = "bank-" + _r.Next(1 << 30).ToString("x8", CultureInfo.InvariantCulture);
        if (_r.NextDouble() < 0.5)
        {
            Setting(t, AccountSetting.Email, null);
            t = t.AddSeconds(_r.Next(20, 90));
        }

        if (_r.NextDouble() < 0.3)
        {
            Setting(t, AccountSetting.Phone, null);
            t = t.AddSeconds(_r.Next(20, 90));
        }

        Setting(t, AccountSetting.WithdrawalAccount, null);
        t = SellOff(t.AddSeconds(_r.Next(30, 300)), 0.7 + (_r.NextDouble() * 0.3), 20, 180);
        Withdraw(t.AddMinutes(_r.Next(1, 10)), _cash * (decimal)(0.9 + (_r.NextDouble() * 0.1)), destination);
        var later = t.AddDays(_r.Next(1, 3)).AddMinutes(_r.Next(-120, 120));
        var again = AttackerAccess("loud");
        later = AttackerLogin(later, again, recon: false);
        if (_r.NextDouble() < 0.5)
        {
            Withdraw(later.AddMinutes(_r.Next(1, 10)), _cash * 0.95m, destination);
        }
        else
        {
            later = BuyToLimit(later.AddMinutes(_r.Next(1, 10)), Target(_r.NextDouble() < 0.5 ? "TSE" : "HKEX"), _r.Next(2, 6), 0.95, BuyKind.Cash, 0.01, 0.01);
        }

        _fraud = false;
        return later;
    }

    /// <summary>The victim notices (hours to days later), logs in from a known device, resets the password and PIN, turns notifications back on.</summary>
    private DateTimeOffset Recover(DateTimeOffset end)
    {
        var t = end.AddMinutes(_r.Next(120, 3 * 24 * 60));
        if (t >= _world.End)
        {
            return _world.End;
        }

        Session(t, () =>
        {
            var at = t.AddMinutes(_r.Next(1, 10));
            Setting(at, AccountSetting.Password, null);
            if (_r.NextDouble() < 0.6)
            {
                Setting(at.AddMinutes(1), AccountSetting.TradingPin, null);
            }

            if (_events.Any(e => e.Fraud && e.Event is SettingChangedEvent { Setting: AccountSetting.LoginNotifications }))
            {
                Setting(at.AddMinutes(2), AccountSetting.LoginNotifications, true);
            }
        }, _currentPhone, fullAuth: true);
        _activity *= 0.3;
        return t.AddMinutes(30);
    }
}
