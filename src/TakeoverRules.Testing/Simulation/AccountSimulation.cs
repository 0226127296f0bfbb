using System.Globalization;
using TakeoverRules.Detection;

namespace TakeoverRules.Testing.Simulation;

/// <summary>
/// Writes one account's events: a customer living their ordinary life day by day (sessions at their hours, from their
/// devices and networks, orders and fills, deposits, automatic orders), the episodes of their behaviours, and, for a
/// victim, the takeover and the victim's recovery. Every random choice comes from the account's own seed, so an account's
/// events do not depend on the other accounts.
/// </summary>
internal sealed partial class AccountSimulation
{
    private readonly World _world;
    private readonly AccountSpec _spec;
    private readonly Random _r;
    private readonly Universe _u;
    private readonly List<(AccountEvent Event, bool Fraud)> _events = [];
    private readonly List<(Instrument Instrument, long Quantity)> _holdings = [];
    private readonly HashSet<string> _knownDevices = new(StringComparer.Ordinal);
    private readonly List<string> _targets = [];
    private int _sequence;
    private int _orderSequence;
    private bool _fraud;

    // ---- the customer
    private readonly DateTimeOffset _opened;
    private readonly bool _isNewAccount;
    private readonly string _phone;
    private readonly string _pc;
    private readonly string? _tablet;
    private readonly string? _oldPc;
    private string _currentPhone;
    private string _currentPc;
    private readonly Net _isp;
    private readonly int _homeSeed;
    private readonly double _leaseDays;
    private readonly bool _ipv6;
    private readonly Net _carrier;
    private readonly Net? _office;
    private readonly int _officeHost;
    private readonly AuthMethod _auth;
    private readonly bool _mfaSkip;
    private readonly (int Start, int Length)[] _hours;
    private readonly double _loginsPerDay;
    private readonly double _orderChance;
    private readonly double _typicalOrder;
    private readonly bool _hk;
    private readonly bool _us;
    private bool _foreignEnabled;
    private readonly bool _marginAccount;
    private readonly double _marginBuyShare;
    private readonly double _thinShare;
    private readonly string _bank;
    private readonly IReadOnlyList<Net> _vpnExits;
    private decimal _cash;
    private decimal _marginUsed;
    private double _activity = 1;

    private bool Has(string behaviour) => _spec.Behaviours.Contains(behaviour);

    public AccountSimulation(World world, AccountSpec spec)
    {
        _world = world;
        _spec = spec;
        _r = new Random(spec.Seed);
        _u = world.Universe;
        var nets = world.Networks;

        _isNewAccount = Has(B.NewAccount);
        _opened = _isNewAccount ? world.TimelineStart.AddDays(_r.Next(0, Math.Max(1, world.Options.Days - 7))).AddHours(_r.Next(8, 22)).AddMinutes(_r.Next(60)) : world.Start;
        _phone = NewDevice();
        _pc = spec.Household != 0 ? Fingerprint(spec.Household * 7919) : NewDevice();
        _tablet = _r.NextDouble() < 0.2 ? NewDevice() : null;
        _oldPc = Has(B.OldPc) ? NewDevice() : null;
        _currentPhone = _phone;
        _currentPc = _pc;
        _homeSeed = spec.Household != 0 ? spec.Household : _r.Next();
        var home = new Random(_homeSeed);
        _isp = nets.HomeIsps[home.Next(nets.HomeIsps.Count)];
        _ipv6 = Has(B.Ipv6);
        _leaseDays = Has(B.DynamicIp) ? 2 + (home.NextDouble() * 28) : 1e6;
        _carrier = nets.Carriers[_r.Next(nets.Carriers.Count)];
        _office = _r.NextDouble() < 0.15 ? nets.Offices[_r.Next(nets.Offices.Count)] : null;
        _officeHost = _r.Next(1 << 16);
        _auth = _r.NextDouble() switch
        {
            < 0.28 => AuthMethod.Password,
            < 0.56 => AuthMethod.Sms,
            < 0.68 => AuthMethod.EmailOtp,
            < 0.78 => AuthMethod.Totp,
            < 0.84 => AuthMethod.Push,
            _ => AuthMethod.Passkey,
        };
        if (spec.Variant is not null and not PopulationGenerator.StolenSession && _auth == AuthMethod.Passkey)
        {
            // A phished login needs a phishable factor; only a stolen session gets past a passkey.
            _auth = AuthMethod.Sms;
        }

        _mfaSkip = Has(B.MfaSkip) && _auth != AuthMethod.Password;
        _hours = Has(B.NightOwl) ? [(22, 6)] : HourProfile(_r);
        _loginsPerDay = Has(B.ApiTrader) ? 1.2 : PopulationGenerator.LogNormal(_r, 0.3, 0.9, 0.03, 3);
        _orderChance = Has(B.LowPricedSpeculator) ? 0.7 : Has(B.MarginUser) ? 0.6 : 0.25 + (_r.NextDouble() * 0.3);
        _typicalOrder = PopulationGenerator.LogNormal(_r, 250_000, 0.9, 10_000, 10_000_000);
        _hk = Has(B.HongKongInvestor) || _r.NextDouble() < 0.04;
        _us = Has(B.UsInvestor);
        _foreignEnabled = _hk || _us || _r.NextDouble() < 0.1;
        _marginAccount = Has(B.MarginUser) || (spec.Variant == PopulationGenerator.MarginFunded) || _r.NextDouble() < 0.03;
        _marginBuyShare = Has(B.MarginUser) ? 0.5 + (_r.NextDouble() * 0.5) : _marginAccount ? 0.1 : 0;
        _thinShare = Has(B.LowPricedSpeculator) ? 0.5 + (_r.NextDouble() * 0.45) : _r.NextDouble() < 0.1 ? 0.05 : 0;
        _bank = "bank-" + _r.Next(1 << 30).ToString("x8", CultureInfo.InvariantCulture);
        _vpnExits = [nets.JapaneseVpnExits[_r.Next(nets.JapaneseVpnExits.Count)], nets.ForeignVpnExits[_r.Next(nets.ForeignVpnExits.Count)], nets.JapaneseVpnExits[_r.Next(nets.JapaneseVpnExits.Count)]];
    }

    public List<(AccountEvent Event, bool Fraud)> Events => _events;

    public IReadOnlyList<string> Targets => _targets;

    public DateTimeOffset? OpenedAt => _isNewAccount ? _opened : null;

    // ---------------------------------------------------------------- the account's life

    public void Run()
    {
        Fund();
        Snapshot(_opened);
        var episodes = PlanEpisodes();
        var attackDone = _spec.Variant is null;
        var quietUntil = DateTimeOffset.MinValue;
        var firstDay = World.Midnight(_opened);
        var snapshotDue = _world.Options.WarmDays > 0 && !_isNewAccount;
        for (var day = firstDay; day < _world.End; day = day.AddDays(1))
        {
            if (snapshotDue && day >= _world.TimelineStart)
            {
                // A warm population's judged period starts with a fresh snapshot, so a host can judge it cold too.
                Snapshot(_world.TimelineStart);
                snapshotDue = false;
            }

            Invisible(day);
            AutomaticOrder(day);
            var dayEpisodes = episodes.Where(e => World.Midnight(e.Time) == day).ToList();
            var sessions = HistoryWriter.Poisson(_r, _loginsPerDay * _activity * (World.IsWeekday(day) ? 1.1 : 0.6) * (InTrip(day) is null ? 1 : 0.5));
            var times = Enumerable.Range(0, sessions).Select(_ => SessionTime(day)).Where(t => t >= _opened).OrderBy(t => t).ToList();
            if (Has(B.ApiTrader) && World.IsWeekday(day) && _r.NextDouble() < 0.9)
            {
                ApiDay(day);
            }

            if (!attackDone && World.Midnight(_spec.AttackTime) == day)
            {
                foreach (var t in times.Where(t => t < _spec.AttackTime.AddHours(-1)))
                {
                    HonestSession(t);
                }

                quietUntil = Attack();
                attackDone = true;
                continue;
            }

            foreach (var t in times)
            {
                if (t < quietUntil || (!attackDone && t > _spec.AttackTime.AddHours(-1)))
                {
                    continue;
                }

                HonestSession(t);
            }

            foreach (var (time, run) in dayEpisodes)
            {
                if (time >= quietUntil && time >= _opened && (attackDone || time < _spec.AttackTime.AddHours(-2)))
                {
                    run(time);
                }
            }
        }
    }

    /// <summary>Cash and holdings at the start (or, for an account opened in the period, its first deposit).</summary>
    private void Fund()
    {
        if (_isNewAccount)
        {
            _cash = Thousands(PopulationGenerator.LogNormal(_r, 800_000, 0.9, 50_000, 20_000_000));
            return;
        }

        var cashOnly = _spec.Variant == PopulationGenerator.CashOnly || _spec.Style == PopulationGenerator.CashOnly;
        var value = PopulationGenerator.LogNormal(_r, cashOnly ? 3_000_000 : 2_500_000, 1.1, 80_000, 300_000_000);
        if (cashOnly)
        {
            _cash = Thousands(value);
            if (_r.NextDouble() < 0.4)
            {
                AddHolding(_u.Pick(_u.Etfs, _r), value * 0.1);
            }

            return;
        }

        var count = 1 + (int)Math.Min(14, PopulationGenerator.LogNormal(_r, 3, 0.8, 0, 14));
        var weights = Enumerable.Range(0, count).Select(_ => 0.2 + _r.NextDouble()).ToList();
        var invested = value * (0.6 + (_r.NextDouble() * 0.35));
        foreach (var w in weights)
        {
            AddHolding(PickBuy(holdingOnly: true), invested * w / weights.Sum());
        }

        _cash = Thousands(value - invested);
    }

    private void AddHolding(Instrument instrument, double jpy)
    {
        var lot = Price(instrument, _world.Start) * Universe.Fx(instrument) * instrument.LotSize;
        var lots = Math.Max(1, (long)(jpy / lot));
        var i = _holdings.FindIndex(h => ReferenceEquals(h.Instrument, instrument));
        if (i >= 0)
        {
            _holdings[i] = (instrument, _holdings[i].Quantity + (lots * instrument.LotSize));
        }
        else
        {
            _holdings.Add((instrument, lots * instrument.LotSize));
        }
    }

    private List<(DateTimeOffset Time, Action<DateTimeOffset> Run)> PlanEpisodes()
    {
        var list = new List<(DateTimeOffset, Action<DateTimeOffset>)>();
        var from = _isNewAccount ? _opened : _world.Start;
        DateTimeOffset Any(double fromShare = 0) =>
            SessionTime(World.Midnight(from.AddDays(fromShare + (_r.NextDouble() * Math.Max(1, (_world.End - from).TotalDays - fromShare - 1)))));
        void Add(string behaviour, Action<DateTimeOffset> run, int count = 1)
        {
            if (Has(behaviour))
            {
                for (var i = 0; i < count; i++)
                {
                    list.Add((Any(), run));
                }
            }
        }

        if (_isNewAccount)
        {
            list.Add((_opened.AddMinutes(_r.Next(5, 600)), FirstSteps));
        }

        Add(B.NewPhone, NewPhone);
        Add(B.ContactChange, ContactChange);
        Add(B.PasswordReset, PasswordReset);
        Add(B.Liquidator, Liquidate);
        Add(B.BankChange, BankChange);
        Add(B.AllInRotation, AllInRotation);
        Add(B.ForeignNewcomer, ForeignNewcomer);
        Add(B.CredentialStuffing, CredentialStuffing, _r.Next(1, 4));
        Add(B.Withdrawals, t => Session(t, () => Withdraw(t.AddMinutes(_r.Next(1, 10)), _cash * (decimal)(0.1 + (_r.NextDouble() * 0.5)), _bank)), _r.Next(1, 4));
        if (Has(B.IpoBuyer))
        {
            foreach (var (ipo, listed) in _world.Ipos.Where(x => x.Listed >= from && _r.NextDouble() < 0.7))
            {
                list.Add((listed.AddHours(_r.Next(7, 10)).AddMinutes(_r.Next(60)), t => Session(t, () => Buy(t.AddMinutes(_r.Next(1, 5)), ipo, Size() * (0.5 + _r.NextDouble()), BuyKind.Cash))));
            }
        }

        if (Has(B.WaveChaser))
        {
            foreach (var w in _world.Waves.Where(_ => _r.NextDouble() < 0.5).Take(2))
            {
                var t = w.Start + TimeSpan.FromMinutes(_r.Next(10, (int)w.Span.TotalMinutes + 240));
                list.Add((t, s => Session(s, () => Buy(s.AddMinutes(_r.Next(1, 8)), w.Symbol, PopulationGenerator.LogNormal(_r, 120_000, 0.6, 20_000, 600_000), BuyKind.Cash))));
            }
        }

        if (Has(B.DormantReturn))
        {
            _activity = 0;
            list.Add((Any(_world.Options.WarmDays + (_world.Options.Days * 0.2)), DormantReturn));
        }

        if (Has(B.Traveller))
        {
            _trip = PlanTrip(from);
        }

        return list;
    }

    // ---------------------------------------------------------------- honest sessions

    private void HonestSession(DateTimeOffset t)
    {
        if (Has(B.ApiTrader) && _r.NextDouble() < 0.5)
        {
            return;
        }

        Session(t, () =>
        {
            var orders = _r.NextDouble() < _orderChance ? 1 + Geometric(Has(B.LowPricedSpeculator) || Has(B.MarginUser) ? 0.45 : 0.6) : 0;
            var at = t;
            for (var i = 0; i < orders; i++)
            {
                at = at.AddSeconds(_r.Next(20, 600));
                Trade(at);
            }
        });
    }

    /// <summary>A login (from a device and network the customer would use at that time) followed by what they do in the session.</summary>
    private void Session(DateTimeOffset t, Action act, string? device = null, bool fullAuth = false)
    {
        var (dev, channel) = device is null ? ChooseDevice(t) : (device, device == _currentPhone ? LoginChannel.App : LoginChannel.Web);
        var (net, ip) = ChooseNetwork(dev, t);
        if (_r.NextDouble() < 0.025)
        {
            // A mistyped password now and then.
            Login(t.AddSeconds(-_r.Next(10, 90)), false, ip, dev, net, AuthMethod.Password, channel);
        }

        Login(t, true, ip, dev, net, AuthFor(dev, fullAuth), channel);
        act();
    }

    private AuthMethod AuthFor(string device, bool fullAuth)
    {
        var known = _knownDevices.Contains(device);
        _knownDevices.Add(device);
        return known && _mfaSkip && !fullAuth && _r.NextDouble() < 0.9 ? AuthMethod.Password : _auth;
    }

    private (string Device, LoginChannel Channel) ChooseDevice(DateTimeOffset t)
    {
        if (_oldPc is not null && _r.NextDouble() < 0.03)
        {
            return (_oldPc, LoginChannel.Web);
        }

        if (_r.NextDouble() < 0.002)
        {
            // A browser update or cleared cookies: the PC shows a new fingerprint.
            _currentPc = NewDevice();
        }

        var x = _r.NextDouble();
        var weekdayDay = World.IsWeekday(t) && t.ToOffset(World.Jst).Hour is >= 9 and < 18;
        return x < (weekdayDay ? 0.65 : 0.5) ? (_currentPhone, LoginChannel.App)
            : _tablet is not null && x < 0.75 ? (_tablet, LoginChannel.App)
            : (_currentPc, LoginChannel.Web);
    }

    private (Net Net, string Ip) ChooseNetwork(string device, DateTimeOffset t)
    {
        if (InTrip(World.Midnight(t)) is { } trip)
        {
            return trip.Mode switch
            {
                TripMode.Hotel => (trip.Net, trip.Net.V4(_r.Next(1 << 16))),
                TripMode.Roaming => (_carrier, _carrier.V4(_r.Next(Networks.CgnatPoolSize))),
                _ => (trip.Net, trip.Net.V4(_r.Next(1 << 12))),
            };
        }

        if (Has(B.VpnUser) && _r.NextDouble() < 0.8)
        {
            var exit = _r.NextDouble() < 0.7 ? _vpnExits[0] : _vpnExits[1 + _r.Next(2)];
            return (exit, exit.V4(_r.Next(1 << 12)));
        }

        var local = t.ToOffset(World.Jst);
        if (_office is not null && device == _currentPc && World.IsWeekday(t) && local.Hour is >= 9 and < 18 && _r.NextDouble() < 0.6)
        {
            return (_office, _office.V4(_officeHost));
        }

        if (device == _currentPhone && _r.NextDouble() < (Has(B.MobileCgnat) ? 0.6 : 0.05))
        {
            return (_carrier, _carrier.V4(_r.Next(Networks.CgnatPoolSize)));
        }

        // Home: the ISP re-assigns the address every lease (shared by the household); some homes are on IPv6.
        var lease = (long)Math.Floor((t - _world.Start).TotalDays / _leaseDays);
        var host = new Random(Mix(_homeSeed, lease)).Next(1 << 16);
        return _ipv6 && _r.NextDouble() < 0.7
            ? (_isp, _isp.V6(_homeSeed & 0xffff, Has(B.Ipv6) ? (int)(lease * 7919) ^ _r.Next(4) : 0))
            : (_isp, _isp.V4(host));
    }

    private void Trade(DateTimeOffset t)
    {
        if (_holdings.Count > 0 && _r.NextDouble() < (Has(B.LowPricedSpeculator) ? 0.45 : 0.3))
        {
            var (instrument, quantity) = _holdings[_r.Next(_holdings.Count)];
            var lots = quantity / instrument.LotSize;
            var sold = _r.NextDouble() < 0.4 ? lots : Math.Max(1, (long)Math.Ceiling(lots * _r.NextDouble()));
            Sell(t, instrument, sold * instrument.LotSize);
            if (Has(B.LowPricedSpeculator) && _r.NextDouble() < 0.5)
            {
                // The speculator's habit: sell one name and put the money, and more, into a thin one within minutes.
                Buy(t.AddSeconds(_r.Next(30, 900)), PickThin(), (double)_cash * (0.5 + (_r.NextDouble() * 0.5)), BuyKind.Cash);
            }

            return;
        }

        var pick = PickBuy(holdingOnly: false);
        var margin = _marginBuyShare > 0 && pick.Market == "TSE" && _r.NextDouble() < _marginBuyShare;
        var power = margin ? MarginPower(t) : (double)_cash;
        var amount = Has(B.LowPricedSpeculator) && IsThin(pick) && _r.NextDouble() < 0.5 ? power * (0.6 + (_r.NextDouble() * 0.4))
            : Has(B.MarginUser) && margin && _r.NextDouble() < 0.25 ? power * (0.6 + (_r.NextDouble() * 0.4))
            : Size();
        if (amount > power && _r.NextDouble() < 0.5)
        {
            return;
        }

        Buy(t, pick, Math.Min(amount, power), margin ? BuyKind.Margin : BuyKind.Cash);
    }

    private Instrument PickBuy(bool holdingOnly)
    {
        var x = _r.NextDouble();
        if (x < _thinShare)
        {
            return PickThin();
        }

        x = _r.NextDouble();
        if (_hk && x < 0.35)
        {
            return _r.NextDouble() < 0.15 ? _u.ThinHongKong[_r.Next(_u.ThinHongKong.Count)] : _u.Pick(_u.MainstreamHongKong, _r);
        }

        if (_us && x < 0.6)
        {
            return _r.NextDouble() < 0.03 ? _u.ThinUs[_r.Next(_u.ThinUs.Count)] : _u.Pick(_r.NextDouble() < 0.6 ? _u.UsEtfs : _u.MainstreamUs, _r);
        }

        return !holdingOnly && _r.NextDouble() < 0.02 && _world.Ipos.Count > 0 ? _world.Ipos[_r.Next(_world.Ipos.Count)].Instrument : _u.Pick(_u.MainstreamDomestic, _r);
    }

    private Instrument PickThin() =>
        _r.NextDouble() < 0.12 && _u.DomesticTargets.Count > 0 ? _u.DomesticTargets[_r.Next(_u.DomesticTargets.Count)]
        : _r.NextDouble() < 0.6 ? _u.ThinDomestic[_r.Next(_u.ThinDomestic.Count)]
        : _u.LowPricedLiquid[_r.Next(_u.LowPricedLiquid.Count)];

    private static bool IsThin(Instrument i) => i.AvgDailyTurnoverJpy < 50_000_000m;

    private double Size() => _typicalOrder * Math.Exp(0.6 * PopulationGenerator.Gaussian(_r));

    private void ApiDay(DateTimeOffset day)
    {
        var nets = _world.Networks;
        var server = nets.JapaneseClouds[_homeSeed % nets.JapaneseClouds.Count];
        var ip = server.V4(_homeSeed & 0xffff);
        var device = "api-" + ((uint)_homeSeed).ToString("x8", CultureInfo.InvariantCulture);
        var t = day.AddHours(8).AddMinutes(_r.Next(20, 59));
        Login(t, true, ip, device, server, AuthFor(device, false), LoginChannel.Api);
        var orders = 3 + _r.Next(0, 30);
        for (var i = 0; i < orders; i++)
        {
            var at = day.AddMinutes(540 + _r.Next(0, 390));
            var held = _holdings.Where(h => h.Instrument.Market == "TSE").ToList();
            if (held.Count > 0 && _r.NextDouble() < 0.5)
            {
                var (instrument, quantity) = held[_r.Next(held.Count)];
                Sell(at, instrument, Math.Max(instrument.LotSize, quantity / 2 / instrument.LotSize * instrument.LotSize));
            }
            else
            {
                var pick = _r.NextDouble() < 0.2 ? _u.Pick(_u.SpeculativeDomestic, _r) : _u.Pick(_u.MainstreamDomestic, _r);
                Buy(at, pick, Math.Min(Size(), (double)_cash * 0.5), BuyKind.Cash);
            }
        }
    }

    // ---------------------------------------------------------------- invisible money and the broker's own orders

    private void Invisible(DateTimeOffset day)
    {
        var local = day.ToOffset(World.Jst);
        if (Has(B.Deposits) && local.Day == 25)
        {
            _cash += Thousands(PopulationGenerator.LogNormal(_r, 80_000, 0.8, 10_000, 2_000_000));
        }
    }

    private int _autoDay;

    private void AutomaticOrder(DateTimeOffset day)
    {
        if (!Has(B.AutoInvest) || day < _opened)
        {
            return;
        }

        _autoDay = _autoDay == 0 ? 1 + _r.Next(27) : _autoDay;
        if (day.ToOffset(World.Jst).Day != _autoDay)
        {
            return;
        }

        // Placed by the broker at a fixed hour, no login: a NISA-style monthly amount into a fund-like ETF.
        var etf = _u.Etfs[(_homeSeed & 0x7fffffff) % _u.Etfs.Count];
        var amount = (double)Thousands(10_000 + (_r.Next(0, 10) * 10_000));
        _cash += (decimal)amount;
        Buy(day.AddHours(7).AddSeconds(_r.Next(0, 600)), etf, amount, BuyKind.Automatic);
    }

    // ---------------------------------------------------------------- behaviours

    private void FirstSteps(DateTimeOffset t)
    {
        Session(t, () =>
        {
            var at = t;
            for (var i = 0; i < _r.Next(1, 4); i++)
            {
                at = at.AddMinutes(_r.Next(1, 30));
                var pick = _r.NextDouble() < 0.2 ? PickThin() : _u.Pick(_u.MainstreamDomestic, _r);
                Buy(at, pick, Math.Min(Size(), (double)_cash * 0.6), BuyKind.Cash);
            }
        });
    }

    private void NewPhone(DateTimeOffset t)
    {
        _currentPhone = NewDevice();
        Session(t, () =>
        {
            var at = t.AddMinutes(_r.Next(1, 10));
            if (_r.NextDouble() < 0.3)
            {
                Setting(at, AccountSetting.Mfa, null);
            }

            if (_r.NextDouble() < 0.15)
            {
                Setting(at.AddSeconds(40), AccountSetting.Phone, null);
            }

            if (_r.NextDouble() < 0.5)
            {
                at = at.AddMinutes(_r.Next(1, 20));
                Trade(at);
                if (_r.NextDouble() < 0.4)
                {
                    Trade(at.AddMinutes(_r.Next(1, 10)));
                }
            }
        }, _currentPhone, fullAuth: true);
    }

    private void ContactChange(DateTimeOffset t) =>
        Session(t, () =>
        {
            var at = t.AddMinutes(_r.Next(1, 10));
            var settings = new[] { AccountSetting.Email, AccountSetting.Phone, AccountSetting.Address };
            foreach (var s in settings.Where(_ => _r.NextDouble() < 0.45).DefaultIfEmpty(settings[_r.Next(3)]))
            {
                Setting(at, s, null);
                at = at.AddSeconds(_r.Next(20, 300));
            }

            if (_r.NextDouble() < 0.25)
            {
                Setting(at, AccountSetting.LoginNotifications, false);
            }

            if (_r.NextDouble() < 0.4)
            {
                Trade(at.AddMinutes(_r.Next(1, 30)));
            }
        });

    private void PasswordReset(DateTimeOffset t)
    {
        var (device, channel) = ChooseDevice(t);
        var (net, ip) = ChooseNetwork(device, t);
        for (var i = _r.Next(1, 5); i > 0; i--)
        {
            Login(t.AddSeconds(-i * _r.Next(15, 60)), false, ip, device, net, AuthMethod.Password, channel);
        }

        Setting(t.AddMinutes(_r.Next(2, 8)), AccountSetting.Password, null);
        Session(t.AddMinutes(_r.Next(9, 15)), () =>
        {
            if (_r.NextDouble() < 0.4)
            {
                Trade(t.AddMinutes(_r.Next(16, 40)));
            }
        }, device, fullAuth: true);
    }

    private void Liquidate(DateTimeOffset t)
    {
        var device = _r.NextDouble() < 0.33 ? NewDevice() : null;
        Session(t, () =>
        {
            var at = t.AddMinutes(_r.Next(1, 6));
            foreach (var (instrument, quantity) in _holdings.ToList())
            {
                Sell(at, instrument, quantity);
                at = at.AddSeconds(_r.Next(20, 240));
            }

            var later = at.AddDays(_r.Next(2, 6));
            if (later < _world.End)
            {
                Session(later, () => Withdraw(later.AddMinutes(_r.Next(1, 10)), _cash * 0.98m, _bank));
            }
        }, device, fullAuth: device is not null);
        _activity *= 0.2;
    }

    private void BankChange(DateTimeOffset t) =>
        Session(t, () =>
        {
            var at = t.AddMinutes(_r.Next(1, 8));
            Setting(at, AccountSetting.WithdrawalAccount, null);
            var destination = "bank-" + _r.Next(1 << 30).ToString("x8", CultureInfo.InvariantCulture);
            var when = _r.NextDouble() < 0.3 ? at.AddMinutes(_r.Next(2, 30)) : at.AddDays(_r.Next(1, 11));
            if (when < _world.End)
            {
                var amount = _cash * (decimal)(0.2 + (_r.NextDouble() * 0.7));
                if (when.Date == at.Date)
                {
                    Withdraw(when, amount, destination);
                }
                else
                {
                    Session(when, () => Withdraw(when.AddMinutes(2), amount, destination));
                }
            }
        });

    private void AllInRotation(DateTimeOffset t) =>
        Session(t, () =>
        {
            var at = t.AddMinutes(_r.Next(1, 6));
            var share = 0.8 + (_r.NextDouble() * 0.2);
            foreach (var (instrument, quantity) in _holdings.ToList())
            {
                if (_r.NextDouble() < share)
                {
                    Sell(at, instrument, quantity);
                    at = at.AddSeconds(_r.Next(20, 180));
                }
            }

            Buy(at.AddMinutes(_r.Next(1, 15)), _u.Pick(_r.NextDouble() < 0.5 ? _u.Etfs : _u.LargeDomestic, _r), (double)_cash * (0.95 + (_r.NextDouble() * 0.05)), BuyKind.Cash);
        });

    private void ForeignNewcomer(DateTimeOffset t) =>
        Session(t, () =>
        {
            var at = t.AddMinutes(_r.Next(1, 8));
            if (!_foreignEnabled)
            {
                Setting(at, AccountSetting.ForeignTrading, true);
                _foreignEnabled = true;
            }

            var pick = _r.NextDouble() < 0.5 ? _u.Pick(_u.LargeHongKong, _r) : _u.Pick(_u.MainstreamUs, _r);
            Buy(at.AddMinutes(_r.Next(2, 20)), pick, Math.Min(Size() * 2, (double)_cash * 0.8), BuyKind.Cash);
        });

    private void CredentialStuffing(DateTimeOffset t)
    {
        var net = _world.Networks.ForeignHosting(Networks.AttackerCountries[_r.Next(Networks.AttackerCountries.Length)]);
        var device = NewDevice();
        for (var i = _r.Next(1, 8); i > 0; i--)
        {
            Login(t.AddSeconds(i * _r.Next(2, 40)), false, net.V4(_r.Next(1 << 16)), device, net, AuthMethod.Password, LoginChannel.Web);
        }
    }

    private void DormantReturn(DateTimeOffset t)
    {
        _activity = 0.6;
        var device = _r.NextDouble() < 0.5 ? NewDevice() : null;
        if (device is not null)
        {
            _currentPc = device;
        }

        Session(t, () =>
        {
            var at = t.AddMinutes(_r.Next(2, 20));
            var all = _r.NextDouble() < 0.4;
            foreach (var (instrument, quantity) in _holdings.ToList())
            {
                if (all || _r.NextDouble() < 0.4)
                {
                    Sell(at, instrument, quantity);
                    at = at.AddSeconds(_r.Next(20, 300));
                }
            }
        }, device, fullAuth: true);
    }

    // ---------------------------------------------------------------- travel

    private enum TripMode
    {
        Hotel,
        Roaming,
        Vpn,
    }

    private sealed record Trip(DateTimeOffset From, DateTimeOffset To, string Country, int UtcOffset, TripMode Mode, Net Net);

    private Trip? _trip;

    private Trip PlanTrip(DateTimeOffset from)
    {
        var (country, offset) = Networks.Travel[_r.Next(Networks.Travel.Length)];
        var start = World.Midnight(from.AddDays(_r.NextDouble() * Math.Max(1, (_world.End - from).TotalDays - 3)));
        var mode = _r.NextDouble() switch { < 0.5 => TripMode.Hotel, < 0.8 => TripMode.Roaming, _ => TripMode.Vpn };
        var net = mode == TripMode.Vpn ? (_r.NextDouble() < 0.5 ? _vpnExits[0] : _world.Networks.ForeignVpnExits[_r.Next(_world.Networks.ForeignVpnExits.Count)]) : _world.Networks.ForeignResidential(country);
        return new Trip(start, start.AddDays(_r.Next(3, 15)), country, offset, mode, net);
    }

    private Trip? InTrip(DateTimeOffset day) => _trip is { } t && day >= t.From && day < t.To ? t : null;

    // ---------------------------------------------------------------- times

    private static (int Start, int Length)[] HourProfile(Random r) => r.NextDouble() switch
    {
        < 0.2 => [(7, 2), (18, 3)],
        < 0.35 => [(12, 1)],
        < 0.55 => [(9, 7)],
        < 0.8 => [(19, 4)],
        < 0.9 => [(9, 8)],
        _ => [(8, 15)],
    };

    private DateTimeOffset SessionTime(DateTimeOffset day)
    {
        if (InTrip(day) is { } t)
        {
            // Local daytime abroad, written in JST.
            var localHour = 8 + _r.Next(14);
            return day.AddHours(localHour + 9 - t.UtcOffset).AddMinutes(_r.Next(60)).AddSeconds(_r.Next(60));
        }

        var (start, length) = _hours[_r.Next(_hours.Length)];
        return day.AddHours(start + _r.Next(length)).AddMinutes(_r.Next(60)).AddSeconds(_r.Next(60));
    }

    // ---------------------------------------------------------------- helpers

    private int Geometric(double p)
    {
        var k = 0;
        while (_r.NextDouble() > p && k < 12)
        {
            k++;
        }

        return k;
    }

    private string NewDevice() => Fingerprint(_r.Next());

    private static string Fingerprint(int seed) => "d" + ((uint)Mix(seed, 0x5a17)).ToString("x8", CultureInfo.InvariantCulture) + ((uint)seed).ToString("x8", CultureInfo.InvariantCulture)[..4];

    /// <summary>A stable integer mix (SplitMix64 finaliser); <see cref="HashCode"/> is randomised per process.</summary>
    internal static int Mix(long a, long b)
    {
        unchecked
        {
            var z = (((ulong)a * 0x9E3779B97F4A7C15UL) ^ (ulong)b) + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)((z ^ (z >> 31)) & 0x7fffffff);
        }
    }

    private static decimal Thousands(double jpy) => Math.Round((decimal)jpy / 1000m, MidpointRounding.AwayFromZero) * 1000m;
}
