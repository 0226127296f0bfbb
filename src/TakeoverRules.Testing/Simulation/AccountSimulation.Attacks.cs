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
        var variant = spec.Variant!;
        var style = spec.Style ?? variant;
        var day = World.Midnight(spec.AttackTime);
        var t = spec.Wave is not null ? spec.AttackTime
            : style is Quiet or SplitTargets || (style == StolenSession && r.NextDouble() < 0.7) ? UsualTradingTime(day)
            : spec.AttackTime;
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

        return day.AddHours(9).AddMinutes(r.Next(0, 360));
    }

    private Access AttackerAccess(string kind)
    {
        var nets = world.Networks;
        var device = spec.Wave is { } w && r.NextDouble() < 0.5 ? w.Devices[r.Next(w.Devices.Count)] : NewDevice();
        var channel = r.NextDouble() < 0.85 ? LoginChannel.Web : LoginChannel.App;
        if (spec.Wave is { } wave && r.NextDouble() < 0.5)
        {
            var (relay, host) = wave.Relays[r.Next(wave.Relays.Count)];
            return new Access(device, relay, relay.V4(host), channel);
        }

        Net net;
        if (kind == "quiet")
        {
            // A residential proxy in Japan, often on the victim's own ISP.
            net = r.NextDouble() < 0.4 ? isp : nets.HomeIsps[r.Next(nets.HomeIsps.Count)];
        }
        else
        {
            var x = r.NextDouble();
            net = x < 0.35 ? nets.ForeignHosting(Networks.AttackerCountries[r.Next(Networks.AttackerCountries.Length)])
                : x < 0.55 ? nets.JapaneseClouds[r.Next(nets.JapaneseClouds.Count)]
                : x < 0.7 ? (r.NextDouble() < 0.6 ? nets.JapaneseVpnExits[r.Next(nets.JapaneseVpnExits.Count)] : nets.ForeignVpnExits[r.Next(nets.ForeignVpnExits.Count)])
                : x < 0.85 ? nets.ForeignResidential(Networks.AttackerCountries[r.Next(Networks.AttackerCountries.Length)])
                : nets.HomeIsps[r.Next(nets.HomeIsps.Count)];
        }

        return new Access(device, net, net.V4(r.Next(1 << 16)), channel);
    }

    private DateTimeOffset AttackerLogin(DateTimeOffset t, Access a, bool recon)
    {
        if (recon && r.NextDouble() < 0.3)
        {
            var before = t.AddDays(-r.Next(1, 13)).AddMinutes(r.Next(-300, 300));
            if (before >= world.TimelineStart && before >= opened)
            {
                Login(before, true, a.Ip, a.Device, a.Net, auth, a.Channel);
            }
        }

        if (r.NextDouble() < 0.2)
        {
            for (var i = r.Next(1, 4); i > 0; i--)
            {
                Login(t.AddSeconds(-i * r.Next(10, 60)), false, a.Ip, a.Device, a.Net, AuthMethod.Password, a.Channel);
            }
        }

        Login(t, true, a.Ip, a.Device, a.Net, auth, a.Channel);
        return t.AddSeconds(r.Next(30, 240));
    }

    private DateTimeOffset LoudSettings(DateTimeOffset t, double scale = 1)
    {
        foreach (var (setting, p, enabled) in new (AccountSetting, double, bool?)[]
        {
            (AccountSetting.Email, 0.5, null), (AccountSetting.Phone, 0.25, null), (AccountSetting.LoginNotifications, 0.4, false), (AccountSetting.Mfa, 0.1, null),
        })
        {
            if (r.NextDouble() < p * scale)
            {
                Setting(t, setting, enabled);
                t = t.AddSeconds(r.Next(15, 120));
            }
        }

        return t;
    }

    private DateTimeOffset SellOff(DateTimeOffset t, double share, int minGapSeconds, int maxGapSeconds, bool? market = null)
    {
        var total = HoldingsValue(t);
        var sold = 0.0;
        foreach (var (instrument, quantity) in holdings.OrderByDescending(h => h.Quantity * Price(h.Instrument, t) * Universe.Fx(h.Instrument)).ToList())
        {
            if (sold >= total * share)
            {
                break;
            }

            sold += quantity * Price(instrument, t) * Universe.Fx(instrument);
            Sell(t, instrument, quantity, market);
            t = t.AddSeconds(r.Next(minGapSeconds, maxGapSeconds));
        }

        return t;
    }

    private Instrument Target(string market)
    {
        var pool = market switch
        {
            "HKEX" => u.HongKongTargets.Count > 0 && r.NextDouble() < 0.8 ? u.HongKongTargets : u.ThinHongKong,
            "US" => u.Targets.Where(i => i.Currency == "USD").ToList() is { Count: > 0 } list && r.NextDouble() < 0.8 ? list : u.ThinUs,
            _ => u.DomesticTargets.Count > 0 && r.NextDouble() < 0.7 ? u.DomesticTargets : u.ThinDomestic,
        };
        return pool[r.Next(pool.Count)];
    }

    private DateTimeOffset PrepareForeign(DateTimeOffset t, Instrument target)
    {
        if (target.Market == "TSE")
        {
            return t;
        }

        if (!foreignEnabled)
        {
            Setting(t, AccountSetting.ForeignTrading, true);
            foreignEnabled = true;
            t = t.AddSeconds(r.Next(20, 120));
        }

        if (r.NextDouble() < 0.7)
        {
            Convert(t, target.Currency, cash * (decimal)(0.95 + (r.NextDouble() * 0.05)));
            t = t.AddSeconds(r.Next(20, 180));
        }

        return t;
    }

    /// <summary>Buys in <paramref name="orders"/> orders up to <paramref name="share"/> of buying power, the limit rising by <paramref name="step"/> per order.</summary>
    private DateTimeOffset BuyToLimit(DateTimeOffset t, Instrument target, int orders, double share, BuyKind kind, double step, double premium, int minGap = 20, int maxGap = 240)
    {
        var budget = (kind == BuyKind.Margin ? MarginPower(t) : (double)cash) * share;
        var spent = 0.0;
        AddTarget(target);
        for (var i = 0; i < orders && budget - spent > 0; i++)
        {
            var amount = i == orders - 1 ? budget - spent : (budget - spent) / (orders - i) * (0.8 + (r.NextDouble() * 0.4));
            var before = (double)cash + (kind == BuyKind.Margin ? -(double)marginUsed : 0);
            if (!Buy(t, target, amount, kind, premium + (step * i)))
            {
                break;
            }

            spent += Math.Abs(before - ((double)cash + (kind == BuyKind.Margin ? -(double)marginUsed : 0)));
            t = t.AddSeconds(r.Next(minGap, maxGap));
        }

        return t;
    }

    private void AddTarget(Instrument target)
    {
        if (!targets.Contains(target.Symbol))
        {
            targets.Add(target.Symbol);
        }
    }

    /// <summary>The login-based takeovers: classic, domestic, quiet, cash-only, margin-funded, test-order, split, and wave members in one of those styles.</summary>
    private DateTimeOffset Takeover(DateTimeOffset t, string style)
    {
        fraud = true;
        var quiet = style is Quiet or SplitTargets || (style is CashOnly or MarginFunded && r.NextDouble() < 0.4);
        var access = AttackerAccess(quiet ? "quiet" : style == SplitTargets && r.NextDouble() < 0.4 ? "loud" : quiet ? "quiet" : "loud");
        t = AttackerLogin(t, access, recon: spec.Wave is null);
        t = t.AddSeconds(r.Next(30, quiet ? 1_200 : 300));
        if (!quiet)
        {
            t = LoudSettings(t, style is CashOnly ? 0.4 : 1);
        }

        var target = spec.Wave?.Symbol ?? style switch
        {
            ClassicRotation or TestOrder => Target(r.NextDouble() < 0.85 ? "HKEX" : "US"),
            Quiet => Target(foreignEnabled && r.NextDouble() < 0.4 ? "HKEX" : "TSE"),
            CashOnly => Target(r.NextDouble() < 0.5 ? "HKEX" : "TSE"),
            _ => Target("TSE"),
        };

        switch (style)
        {
            case ClassicRotation or DomesticThin or TestOrder:
                t = SellOff(t, 0.85 + (r.NextDouble() * 0.15), 20, 180, market: r.NextDouble() < 0.5);
                t = PrepareForeign(t.AddSeconds(r.Next(20, 300)), target);
                if (style == TestOrder)
                {
                    // One lot to see that the account can buy, then the real buys.
                    AddTarget(target);
                    Buy(t, target, Price(target, t) * Universe.Fx(target) * target.LotSize * 1.03, BuyKind.Cash, 0.01);

                    t = t.AddMinutes(r.Next(10, 91));
                }

                t = BuyToLimit(t, target, r.Next(3, 9), 0.95 + (r.NextDouble() * 0.05), BuyKind.Cash, 0.01 + (r.NextDouble() * 0.03), 0.01);
                break;
            case Quiet:
                t = SellOff(t, 0.85 + (r.NextDouble() * 0.15), 60, 360, market: false);
                t = PrepareForeign(t.AddMinutes(r.Next(2, 20)), target);
                t = BuyToLimit(t, target, r.Next(2, 6), 0.85 + (r.NextDouble() * 0.15), BuyKind.Cash, 0.002, 0.002, 60, 600);
                break;
            case CashOnly:
                t = PrepareForeign(t, target);
                t = BuyToLimit(t, target, r.Next(2, 7), 0.9 + (r.NextDouble() * 0.1), BuyKind.Cash, 0.005 + (r.NextDouble() * 0.02), 0.005);
                break;
            case MarginFunded:
                if (r.NextDouble() < 0.4)
                {
                    t = SellOff(t, 0.5 + (r.NextDouble() * 0.5), 20, 180);
                }

                if (r.NextDouble() < 0.3)
                {
                    t = BuyToLimit(t, target, r.Next(1, 3), 0.9, BuyKind.Cash, 0.01, 0.005);
                }

                t = BuyToLimit(t, target, r.Next(2, 7), 0.9 + (r.NextDouble() * 0.1), BuyKind.Margin, 0.005 + (r.NextDouble() * 0.02), 0.005);
                break;
            case SplitTargets:
                if (r.NextDouble() < 0.5)
                {
                    t = SellOff(t, 0.3 + (r.NextDouble() * 0.5), 60, 600, market: false);
                }

                var power = (double)cash;
                var names = r.Next(3, 10);
                var pool = foreignEnabled && r.NextDouble() < 0.4 ? u.ThinDomestic.Concat(u.ThinHongKong).ToList() : u.ThinDomestic.Concat(u.LowPricedLiquid).ToList();
                for (var i = 0; i < names; i++)
                {
                    var name = i == 0 && r.NextDouble() < 0.5 ? Target("TSE") : pool[r.Next(pool.Count)];
                    if (Buy(t, name, power * (0.08 + (r.NextDouble() * 0.17)), BuyKind.Cash, 0.003))
                    {
                        AddTarget(name);
                    }

                    t = t.AddSeconds(r.Next(60, 900));
                }

                break;
        }

        fraud = false;
        return t;
    }

    /// <summary>An info-stealer's session cookie: no login event at all; the victim's own login is the last one seen.</summary>
    private DateTimeOffset StolenSessionAttack(DateTimeOffset t)
    {
        Session(t, () => { });
        t = t.AddMinutes(r.Next(5, 121));
        fraud = true;
        if (holdings.Count > 0 && r.NextDouble() < 0.8)
        {
            t = SellOff(t, 0.7 + (r.NextDouble() * 0.3), 20, 200);
        }

        var target = Target(foreignEnabled && r.NextDouble() < 0.4 ? "HKEX" : "TSE");
        if (target.Market != "TSE" && r.NextDouble() < 0.5)
        {
            Convert(t, target.Currency, cash * 0.97m);
        }

        t = BuyToLimit(t.AddMinutes(r.Next(1, 15)), target, r.Next(2, 7), 0.9 + (r.NextDouble() * 0.1), BuyKind.Cash, 0.01, 0.005);
        fraud = false;
        return t;
    }

    /// <summary>Day 1 sells spread over hours; the next trading day a second login and 3–6 buys spread over hours, each ≤ 45 % of buying power.</summary>
    private DateTimeOffset SlowAttack(DateTimeOffset t)
    {
        fraud = true;
        var access = AttackerAccess(r.NextDouble() < 0.5 ? "quiet" : "loud");
        t = AttackerLogin(t, access, recon: true);
        if (r.NextDouble() < 0.3)
        {
            Setting(t, AccountSetting.LoginNotifications, false);
            t = t.AddSeconds(r.Next(20, 120));
        }

        t = SellOff(t.AddMinutes(r.Next(5, 60)), 0.7 + (r.NextDouble() * 0.3), 1_200, 5_400, market: false);
        var next = World.TradingDayOnOrAfter(World.Midnight(t).AddDays(1)).AddHours(9).AddMinutes(r.Next(0, 180));
        var second = r.NextDouble() < 0.5 ? access : AttackerAccess("quiet");
        next = AttackerLogin(next, second, recon: false);
        var target = Target("TSE");
        var buys = r.Next(3, 7);
        for (var i = 0; i < buys; i++)
        {
            AddTarget(target);
            Buy(next, target, (double)cash * (0.2 + (r.NextDouble() * 0.25)), BuyKind.Cash, 0.005 * i);
            next = next.AddMinutes(r.Next(20, 90));
        }

        fraud = false;
        return next;
    }

    /// <summary>Changes the withdrawal account, sells, withdraws; half retry two days later, half fall back to buying a thin name.</summary>
    private DateTimeOffset WithdrawalAttack(DateTimeOffset t)
    {
        fraud = true;
        t = AttackerLogin(t, AttackerAccess("loud"), recon: true);
        var destination = "bank-" + r.Next(1 << 30).ToString("x8", CultureInfo.InvariantCulture);
        if (r.NextDouble() < 0.5)
        {
            Setting(t, AccountSetting.Email, null);
            t = t.AddSeconds(r.Next(20, 90));
        }

        if (r.NextDouble() < 0.3)
        {
            Setting(t, AccountSetting.Phone, null);
            t = t.AddSeconds(r.Next(20, 90));
        }

        Setting(t, AccountSetting.WithdrawalAccount, null);
        t = SellOff(t.AddSeconds(r.Next(30, 300)), 0.7 + (r.NextDouble() * 0.3), 20, 180);
        Withdraw(t.AddMinutes(r.Next(1, 10)), cash * (decimal)(0.9 + (r.NextDouble() * 0.1)), destination);
        var later = t.AddDays(r.Next(1, 3)).AddMinutes(r.Next(-120, 120));
        var again = AttackerAccess("loud");
        later = AttackerLogin(later, again, recon: false);
        if (r.NextDouble() < 0.5)
        {
            Withdraw(later.AddMinutes(r.Next(1, 10)), cash * 0.95m, destination);
        }
        else
        {
            later = BuyToLimit(later.AddMinutes(r.Next(1, 10)), Target(r.NextDouble() < 0.5 ? "TSE" : "HKEX"), r.Next(2, 6), 0.95, BuyKind.Cash, 0.01, 0.01);
        }

        fraud = false;
        return later;
    }

    /// <summary>The victim notices (hours to days later), logs in from a known device, resets the password and PIN, turns notifications back on.</summary>
    private DateTimeOffset Recover(DateTimeOffset end)
    {
        var t = end.AddMinutes(r.Next(120, 3 * 24 * 60));
        if (t >= world.End)
        {
            return world.End;
        }

        Session(t, () =>
        {
            var at = t.AddMinutes(r.Next(1, 10));
            Setting(at, AccountSetting.Password, null);
            if (r.NextDouble() < 0.6)
            {
                Setting(at.AddMinutes(1), AccountSetting.TradingPin, null);
            }

            if (events.Any(e => e.Fraud && e.Event is SettingChangedEvent { Setting: AccountSetting.LoginNotifications }))
            {
                Setting(at.AddMinutes(2), AccountSetting.LoginNotifications, true);
            }
        }, currentPhone, fullAuth: true);
        activity *= 0.3;
        return t.AddMinutes(30);
    }
}
