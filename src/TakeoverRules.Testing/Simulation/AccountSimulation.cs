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
    private readonly World world;
    private readonly AccountSpec spec;
    private readonly Random r;
    private readonly Universe u;
    private readonly List<(AccountEvent Event, bool Fraud)> events = [];
    private readonly List<(Instrument Instrument, long Quantity)> holdings = [];
    private readonly HashSet<string> knownDevices = new(StringComparer.Ordinal);
    private readonly List<string> targets = [];
    private int sequence;
    private int orderSequence;
    private bool fraud;

    // ---- the customer
    private readonly DateTimeOffset opened;
    private readonly bool isNewAccount;
    private readonly string phone;
    private readonly string pc;
    private readonly string? tablet;
    private readonly string? oldPc;
    private string currentPhone;
    private string currentPc;
    private readonly Net isp;
    private readonly int homeSeed;
    private readonly double leaseDays;
    private readonly bool ipv6;
    private readonly Net carrier;
    private readonly Net? office;
    private readonly int officeHost;
    private readonly AuthMethod auth;
    private readonly bool mfaSkip;
    private readonly (int Start, int Length)[] hours;
    private readonly double loginsPerDay;
    private readonly double orderChance;
    private readonly double typicalOrder;
    private readonly bool hk;
    private readonly bool us;
    private bool foreignEnabled;
    private readonly bool marginAccount;
    private readonly double marginBuyShare;
    private readonly double thinShare;
    private readonly string bank;
    private readonly IReadOnlyList<Net> vpnExits;
    private decimal cash;
    private decimal marginUsed;
    private double activity = 1;

    private bool Has(string behaviour) => spec.Behaviours.Contains(behaviour);

    public AccountSimulation(World world, AccountSpec spec)
    {
        this.world = world;
        this.spec = spec;
        r = new Random(spec.Seed);
        u = world.Universe;
        var nets = world.Networks;

        isNewAccount = Has(B.NewAccount);
        opened = isNewAccount ? world.TimelineStart.AddDays(r.Next(0, Math.Max(1, world.Options.Days - 7))).AddHours(r.Next(8, 22)).AddMinutes(r.Next(60)) : world.Start;
        phone = NewDevice();
        pc = spec.Household != 0 ? Fingerprint(spec.Household * 7919) : NewDevice();
        tablet = r.NextDouble() < 0.2 ? NewDevice() : null;
        oldPc = Has(B.OldPc) ? NewDevice() : null;
        currentPhone = phone;
        currentPc = pc;
        homeSeed = spec.Household != 0 ? spec.Household : r.Next();
        var home = new Random(homeSeed);
        isp = nets.HomeIsps[home.Next(nets.HomeIsps.Count)];
        ipv6 = Has(B.Ipv6);
        leaseDays = Has(B.DynamicIp) ? 2 + (home.NextDouble() * 28) : 1e6;
        carrier = nets.Carriers[r.Next(nets.Carriers.Count)];
        office = r.NextDouble() < 0.15 ? nets.Offices[r.Next(nets.Offices.Count)] : null;
        officeHost = r.Next(1 << 16);
        auth = r.NextDouble() switch
        {
            < 0.28 => AuthMethod.Password,
            < 0.56 => AuthMethod.Sms,
            < 0.68 => AuthMethod.EmailOtp,
            < 0.78 => AuthMethod.Totp,
            < 0.84 => AuthMethod.Push,
            _ => AuthMethod.Passkey,
        };
        if (spec.Variant is not null and not PopulationGenerator.StolenSession && auth == AuthMethod.Passkey)
        {
            // A phished login needs a phishable factor; only a stolen session gets past a passkey.
            auth = AuthMethod.Sms;
        }

        mfaSkip = Has(B.MfaSkip) && auth != AuthMethod.Password;
        hours = Has(B.NightOwl) ? [(22, 6)] : HourProfile(r);
        loginsPerDay = Has(B.ApiTrader) ? 1.2 : PopulationGenerator.LogNormal(r, 0.3, 0.9, 0.03, 3);
        orderChance = Has(B.LowPricedSpeculator) ? 0.7 : Has(B.MarginUser) ? 0.6 : 0.25 + (r.NextDouble() * 0.3);
        typicalOrder = PopulationGenerator.LogNormal(r, 250_000, 0.9, 10_000, 10_000_000);
        hk = Has(B.HongKongInvestor) || r.NextDouble() < 0.04;
        us = Has(B.UsInvestor);
        foreignEnabled = hk || us || r.NextDouble() < 0.1;
        marginAccount = Has(B.MarginUser) || (spec.Variant == PopulationGenerator.MarginFunded) || r.NextDouble() < 0.03;
        marginBuyShare = Has(B.MarginUser) ? 0.5 + (r.NextDouble() * 0.5) : marginAccount ? 0.1 : 0;
        thinShare = Has(B.LowPricedSpeculator) ? 0.5 + (r.NextDouble() * 0.45) : r.NextDouble() < 0.1 ? 0.05 : 0;
        bank = "bank-" + r.Next(1 << 30).ToString("x8", CultureInfo.InvariantCulture);
        vpnExits = [nets.JapaneseVpnExits[r.Next(nets.JapaneseVpnExits.Count)], nets.ForeignVpnExits[r.Next(nets.ForeignVpnExits.Count)], nets.JapaneseVpnExits[r.Next(nets.JapaneseVpnExits.Count)]];
    }

    public List<(AccountEvent Event, bool Fraud)> Events => events;

    public IReadOnlyList<string> Targets => targets;

    public DateTimeOffset? OpenedAt => isNewAccount ? opened : null;

    // ---------------------------------------------------------------- the account's life

    public void Run()
    {
        Fund();
        Snapshot(opened);
        var episodes = PlanEpisodes();
        var attackDone = spec.Variant is null;
        var quietUntil = DateTimeOffset.MinValue;
        var firstDay = World.Midnight(opened);
        var snapshotDue = world.Options.WarmDays > 0 && !isNewAccount;
        for (var day = firstDay; day < world.End; day = day.AddDays(1))
        {
            if (snapshotDue && day >= world.TimelineStart)
            {
                // A warm population's judged period starts with a fresh snapshot, so a host can judge it cold too.
                Snapshot(world.TimelineStart);
                snapshotDue = false;
            }

            Invisible(day);
            AutomaticOrder(day);
            var dayEpisodes = episodes.Where(e => World.Midnight(e.Time) == day).ToList();
            var sessions = HistoryWriter.Poisson(r, loginsPerDay * activity * (World.IsWeekday(day) ? 1.1 : 0.6) * (InTrip(day) is null ? 1 : 0.5));
            var times = Enumerable.Range(0, sessions).Select(_ => SessionTime(day)).Where(t => t >= opened).OrderBy(t => t).ToList();
            if (Has(B.ApiTrader) && World.IsWeekday(day) && r.NextDouble() < 0.9)
            {
                ApiDay(day);
            }

            if (!attackDone && World.Midnight(spec.AttackTime) == day)
            {
                foreach (var t in times.Where(t => t < spec.AttackTime.AddHours(-1)))
                {
                    HonestSession(t);
                }

                quietUntil = Attack();
                attackDone = true;
                continue;
            }

            foreach (var t in times)
            {
                if (t < quietUntil || (!attackDone && t > spec.AttackTime.AddHours(-1)))
                {
                    continue;
                }

                HonestSession(t);
            }

            foreach (var (time, run) in dayEpisodes)
            {
                if (time >= quietUntil && time >= opened && (attackDone || time < spec.AttackTime.AddHours(-2)))
                {
                    run(time);
                }
            }
        }
    }

    /// <summary>Cash and holdings at the start (or, for an account opened in the period, its first deposit).</summary>
    private void Fund()
    {
        if (isNewAccount)
        {
            cash = Thousands(PopulationGenerator.LogNormal(r, 800_000, 0.9, 50_000, 20_000_000));
            return;
        }

        var cashOnly = spec.Variant == PopulationGenerator.CashOnly || spec.Style == PopulationGenerator.CashOnly;
        var value = PopulationGenerator.LogNormal(r, cashOnly ? 3_000_000 : 2_500_000, 1.1, 80_000, 300_000_000);
        if (cashOnly)
        {
            cash = Thousands(value);
            if (r.NextDouble() < 0.4)
            {
                AddHolding(u.Pick(u.Etfs, r), value * 0.1);
            }

            return;
        }

        var count = 1 + (int)Math.Min(14, PopulationGenerator.LogNormal(r, 3, 0.8, 0, 14));
        var weights = Enumerable.Range(0, count).Select(_ => 0.2 + r.NextDouble()).ToList();
        var invested = value * (0.6 + (r.NextDouble() * 0.35));
        foreach (var w in weights)
        {
            AddHolding(PickBuy(holdingOnly: true), invested * w / weights.Sum());
        }

        cash = Thousands(value - invested);
    }

    private void AddHolding(Instrument instrument, double jpy)
    {
        var lot = Price(instrument, world.Start) * Universe.Fx(instrument) * instrument.LotSize;
        var lots = Math.Max(1, (long)(jpy / lot));
        var i = holdings.FindIndex(h => ReferenceEquals(h.Instrument, instrument));
        if (i >= 0)
        {
            holdings[i] = (instrument, holdings[i].Quantity + (lots * instrument.LotSize));
        }
        else
        {
            holdings.Add((instrument, lots * instrument.LotSize));
        }
    }

    private List<(DateTimeOffset Time, Action<DateTimeOffset> Run)> PlanEpisodes()
    {
        var list = new List<(DateTimeOffset, Action<DateTimeOffset>)>();
        var from = isNewAccount ? opened : world.Start;
        DateTimeOffset Any(double fromShare = 0) =>
            SessionTime(World.Midnight(from.AddDays(fromShare + (r.NextDouble() * Math.Max(1, (world.End - from).TotalDays - fromShare - 1)))));
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

        if (isNewAccount)
        {
            list.Add((opened.AddMinutes(r.Next(5, 600)), FirstSteps));
        }

        Add(B.NewPhone, NewPhone);
        Add(B.ContactChange, ContactChange);
        Add(B.PasswordReset, PasswordReset);
        Add(B.Liquidator, Liquidate);
        Add(B.BankChange, BankChange);
        Add(B.AllInRotation, AllInRotation);
        Add(B.ForeignNewcomer, ForeignNewcomer);
        Add(B.CredentialStuffing, CredentialStuffing, r.Next(1, 4));
        Add(B.Withdrawals, t => Session(t, () => Withdraw(t.AddMinutes(r.Next(1, 10)), cash * (decimal)(0.1 + (r.NextDouble() * 0.5)), bank)), r.Next(1, 4));
        if (Has(B.IpoBuyer))
        {
            foreach (var (ipo, listed) in world.Ipos.Where(x => x.Listed >= from && r.NextDouble() < 0.7))
            {
                list.Add((listed.AddHours(r.Next(7, 10)).AddMinutes(r.Next(60)), t => Session(t, () => Buy(t.AddMinutes(r.Next(1, 5)), ipo, Size() * (0.5 + r.NextDouble()), BuyKind.Cash))));
            }
        }

        if (Has(B.WaveChaser))
        {
            foreach (var w in world.Waves.Where(_ => r.NextDouble() < 0.5).Take(2))
            {
                var t = w.Start + TimeSpan.FromMinutes(r.Next(10, (int)w.Span.TotalMinutes + 240));
                list.Add((t, s => Session(s, () => Buy(s.AddMinutes(r.Next(1, 8)), w.Symbol, PopulationGenerator.LogNormal(r, 120_000, 0.6, 20_000, 600_000), BuyKind.Cash))));
            }
        }

        if (Has(B.DormantReturn))
        {
            activity = 0;
            list.Add((Any(world.Options.WarmDays + (world.Options.Days * 0.2)), DormantReturn));
        }

        if (Has(B.Traveller))
        {
            trip = PlanTrip(from);
        }

        return list;
    }

    // ---------------------------------------------------------------- honest sessions

    private void HonestSession(DateTimeOffset t)
    {
        if (Has(B.ApiTrader) && r.NextDouble() < 0.5)
        {
            return;
        }

        Session(t, () =>
        {
            var orders = r.NextDouble() < orderChance ? 1 + Geometric(Has(B.LowPricedSpeculator) || Has(B.MarginUser) ? 0.45 : 0.6) : 0;
            var at = t;
            for (var i = 0; i < orders; i++)
            {
                at = at.AddSeconds(r.Next(20, 600));
                Trade(at);
            }
        });
    }

    /// <summary>A login (from a device and network the customer would use at that time) followed by what they do in the session.</summary>
    private void Session(DateTimeOffset t, Action act, string? device = null, bool fullAuth = false)
    {
        var (dev, channel) = device is null ? ChooseDevice(t) : (device, device == currentPhone ? LoginChannel.App : LoginChannel.Web);
        var (net, ip) = ChooseNetwork(dev, t);
        if (r.NextDouble() < 0.025)
        {
            // A mistyped password now and then.
            Login(t.AddSeconds(-r.Next(10, 90)), false, ip, dev, net, AuthMethod.Password, channel);
        }

        Login(t, true, ip, dev, net, AuthFor(dev, fullAuth), channel);
        act();
    }

    private AuthMethod AuthFor(string device, bool fullAuth)
    {
        var known = knownDevices.Contains(device);
        knownDevices.Add(device);
        return known && mfaSkip && !fullAuth && r.NextDouble() < 0.9 ? AuthMethod.Password : auth;
    }

    private (string Device, LoginChannel Channel) ChooseDevice(DateTimeOffset t)
    {
        if (oldPc is not null && r.NextDouble() < 0.03)
        {
            return (oldPc, LoginChannel.Web);
        }

        if (r.NextDouble() < 0.002)
        {
            // A browser update or cleared cookies: the PC shows a new fingerprint.
            currentPc = NewDevice();
        }

        var x = r.NextDouble();
        var weekdayDay = World.IsWeekday(t) && t.ToOffset(World.Jst).Hour is >= 9 and < 18;
        return x < (weekdayDay ? 0.65 : 0.5) ? (currentPhone, LoginChannel.App)
            : tablet is not null && x < 0.75 ? (tablet, LoginChannel.App)
            : (currentPc, LoginChannel.Web);
    }

    private (Net Net, string Ip) ChooseNetwork(string device, DateTimeOffset t)
    {
        var nets = world.Networks;
        if (InTrip(World.Midnight(t)) is { } trip)
        {
            return trip.Mode switch
            {
                TripMode.Hotel => (trip.Net, trip.Net.V4(r.Next(1 << 16))),
                TripMode.Roaming => (carrier, carrier.V4(r.Next(Networks.CgnatPoolSize))),
                _ => (trip.Net, trip.Net.V4(r.Next(1 << 12))),
            };
        }

        if (Has(B.VpnUser) && r.NextDouble() < 0.8)
        {
            var exit = r.NextDouble() < 0.7 ? vpnExits[0] : vpnExits[1 + r.Next(2)];
            return (exit, exit.V4(r.Next(1 << 12)));
        }

        var local = t.ToOffset(World.Jst);
        if (office is not null && device == currentPc && World.IsWeekday(t) && local.Hour is >= 9 and < 18 && r.NextDouble() < 0.6)
        {
            return (office, office.V4(officeHost));
        }

        if (device == currentPhone && r.NextDouble() < (Has(B.MobileCgnat) ? 0.6 : 0.05))
        {
            return (carrier, carrier.V4(r.Next(Networks.CgnatPoolSize)));
        }

        // Home: the ISP re-assigns the address every lease (shared by the household); some homes are on IPv6.
        var lease = (long)Math.Floor((t - world.Start).TotalDays / leaseDays);
        var host = new Random(Mix(homeSeed, lease)).Next(1 << 16);
        return ipv6 && r.NextDouble() < 0.7
            ? (isp, isp.V6(homeSeed & 0xffff, Has(B.Ipv6) ? (int)(lease * 7919) ^ r.Next(4) : 0))
            : (isp, isp.V4(host));
    }

    private void Trade(DateTimeOffset t)
    {
        if (holdings.Count > 0 && r.NextDouble() < (Has(B.LowPricedSpeculator) ? 0.45 : 0.3))
        {
            var (instrument, quantity) = holdings[r.Next(holdings.Count)];
            var lots = quantity / instrument.LotSize;
            var sold = r.NextDouble() < 0.4 ? lots : Math.Max(1, (long)Math.Ceiling(lots * r.NextDouble()));
            Sell(t, instrument, sold * instrument.LotSize);
            if (Has(B.LowPricedSpeculator) && r.NextDouble() < 0.5)
            {
                // The speculator's habit: sell one name and put the money, and more, into a thin one within minutes.
                Buy(t.AddSeconds(r.Next(30, 900)), PickThin(), (double)cash * (0.5 + (r.NextDouble() * 0.5)), BuyKind.Cash);
            }

            return;
        }

        var pick = PickBuy(holdingOnly: false);
        var margin = marginBuyShare > 0 && pick.Market == "TSE" && r.NextDouble() < marginBuyShare;
        var power = margin ? MarginPower(t) : (double)cash;
        var amount = Has(B.LowPricedSpeculator) && IsThin(pick) && r.NextDouble() < 0.5 ? power * (0.6 + (r.NextDouble() * 0.4))
            : Has(B.MarginUser) && margin && r.NextDouble() < 0.25 ? power * (0.6 + (r.NextDouble() * 0.4))
            : Size();
        if (amount > power && r.NextDouble() < 0.5)
        {
            return;
        }

        Buy(t, pick, Math.Min(amount, power), margin ? BuyKind.Margin : BuyKind.Cash);
    }

    private Instrument PickBuy(bool holdingOnly)
    {
        var x = r.NextDouble();
        if (x < thinShare)
        {
            return PickThin();
        }

        x = r.NextDouble();
        if (hk && x < 0.35)
        {
            return r.NextDouble() < 0.15 ? u.ThinHongKong[r.Next(u.ThinHongKong.Count)] : u.Pick(u.MainstreamHongKong, r);
        }

        if (us && x < 0.6)
        {
            return r.NextDouble() < 0.03 ? u.ThinUs[r.Next(u.ThinUs.Count)] : u.Pick(r.NextDouble() < 0.6 ? u.UsEtfs : u.MainstreamUs, r);
        }

        return !holdingOnly && r.NextDouble() < 0.02 && world.Ipos.Count > 0 ? world.Ipos[r.Next(world.Ipos.Count)].Instrument : u.Pick(u.MainstreamDomestic, r);
    }

    private Instrument PickThin() =>
        r.NextDouble() < 0.12 && u.DomesticTargets.Count > 0 ? u.DomesticTargets[r.Next(u.DomesticTargets.Count)]
        : r.NextDouble() < 0.6 ? u.ThinDomestic[r.Next(u.ThinDomestic.Count)]
        : u.LowPricedLiquid[r.Next(u.LowPricedLiquid.Count)];

    private static bool IsThin(Instrument i) => i.AvgDailyTurnoverJpy < 50_000_000m;

    private double Size() => typicalOrder * Math.Exp(0.6 * PopulationGenerator.Gaussian(r));

    private void ApiDay(DateTimeOffset day)
    {
        var nets = world.Networks;
        var server = nets.JapaneseClouds[homeSeed % nets.JapaneseClouds.Count];
        var ip = server.V4(homeSeed & 0xffff);
        var device = "api-" + ((uint)homeSeed).ToString("x8", CultureInfo.InvariantCulture);
        var t = day.AddHours(8).AddMinutes(r.Next(20, 59));
        Login(t, true, ip, device, server, AuthFor(device, false), LoginChannel.Api);
        var orders = 3 + r.Next(0, 30);
        for (var i = 0; i < orders; i++)
        {
            var at = day.AddMinutes(540 + r.Next(0, 390));
            var held = holdings.Where(h => h.Instrument.Market == "TSE").ToList();
            if (held.Count > 0 && r.NextDouble() < 0.5)
            {
                var (instrument, quantity) = held[r.Next(held.Count)];
                Sell(at, instrument, Math.Max(instrument.LotSize, quantity / 2 / instrument.LotSize * instrument.LotSize));
            }
            else
            {
                var pick = r.NextDouble() < 0.2 ? u.Pick(u.SpeculativeDomestic, r) : u.Pick(u.MainstreamDomestic, r);
                Buy(at, pick, Math.Min(Size(), (double)cash * 0.5), BuyKind.Cash);
            }
        }
    }

    // ---------------------------------------------------------------- invisible money and the broker's own orders

    private void Invisible(DateTimeOffset day)
    {
        var local = day.ToOffset(World.Jst);
        if (Has(B.Deposits) && local.Day == 25)
        {
            cash += Thousands(PopulationGenerator.LogNormal(r, 80_000, 0.8, 10_000, 2_000_000));
        }
    }

    private int autoDay;

    private void AutomaticOrder(DateTimeOffset day)
    {
        if (!Has(B.AutoInvest) || day < opened)
        {
            return;
        }

        autoDay = autoDay == 0 ? 1 + r.Next(27) : autoDay;
        if (day.ToOffset(World.Jst).Day != autoDay)
        {
            return;
        }

        // Placed by the broker at a fixed hour, no login: a NISA-style monthly amount into a fund-like ETF.
        var etf = u.Etfs[(homeSeed & 0x7fffffff) % u.Etfs.Count];
        var amount = (double)Thousands(10_000 + (r.Next(0, 10) * 10_000));
        cash += (decimal)amount;
        Buy(day.AddHours(7).AddSeconds(r.Next(0, 600)), etf, amount, BuyKind.Automatic);
    }

    // ---------------------------------------------------------------- behaviours

    private void FirstSteps(DateTimeOffset t)
    {
        Session(t, () =>
        {
            var at = t;
            for (var i = 0; i < r.Next(1, 4); i++)
            {
                at = at.AddMinutes(r.Next(1, 30));
                var pick = r.NextDouble() < 0.2 ? PickThin() : u.Pick(u.MainstreamDomestic, r);
                Buy(at, pick, Math.Min(Size(), (double)cash * 0.6), BuyKind.Cash);
            }
        });
    }

    private void NewPhone(DateTimeOffset t)
    {
        currentPhone = NewDevice();
        Session(t, () =>
        {
            var at = t.AddMinutes(r.Next(1, 10));
            if (r.NextDouble() < 0.3)
            {
                Setting(at, AccountSetting.Mfa, null);
            }

            if (r.NextDouble() < 0.15)
            {
                Setting(at.AddSeconds(40), AccountSetting.Phone, null);
            }

            if (r.NextDouble() < 0.5)
            {
                at = at.AddMinutes(r.Next(1, 20));
                Trade(at);
                if (r.NextDouble() < 0.4)
                {
                    Trade(at.AddMinutes(r.Next(1, 10)));
                }
            }
        }, currentPhone, fullAuth: true);
    }

    private void ContactChange(DateTimeOffset t) =>
        Session(t, () =>
        {
            var at = t.AddMinutes(r.Next(1, 10));
            var settings = new[] { AccountSetting.Email, AccountSetting.Phone, AccountSetting.Address };
            foreach (var s in settings.Where(_ => r.NextDouble() < 0.45).DefaultIfEmpty(settings[r.Next(3)]))
            {
                Setting(at, s, null);
                at = at.AddSeconds(r.Next(20, 300));
            }

            if (r.NextDouble() < 0.25)
            {
                Setting(at, AccountSetting.LoginNotifications, false);
            }

            if (r.NextDouble() < 0.4)
            {
                Trade(at.AddMinutes(r.Next(1, 30)));
            }
        });

    private void PasswordReset(DateTimeOffset t)
    {
        var (device, channel) = ChooseDevice(t);
        var (net, ip) = ChooseNetwork(device, t);
        for (var i = r.Next(1, 5); i > 0; i--)
        {
            Login(t.AddSeconds(-i * r.Next(15, 60)), false, ip, device, net, AuthMethod.Password, channel);
        }

        Setting(t.AddMinutes(r.Next(2, 8)), AccountSetting.Password, null);
        Session(t.AddMinutes(r.Next(9, 15)), () =>
        {
            if (r.NextDouble() < 0.4)
            {
                Trade(t.AddMinutes(r.Next(16, 40)));
            }
        }, device, fullAuth: true);
    }

    private void Liquidate(DateTimeOffset t)
    {
        var device = r.NextDouble() < 0.33 ? NewDevice() : null;
        Session(t, () =>
        {
            var at = t.AddMinutes(r.Next(1, 6));
            foreach (var (instrument, quantity) in holdings.ToList())
            {
                Sell(at, instrument, quantity);
                at = at.AddSeconds(r.Next(20, 240));
            }

            var later = at.AddDays(r.Next(2, 6));
            if (later < world.End)
            {
                Session(later, () => Withdraw(later.AddMinutes(r.Next(1, 10)), cash * 0.98m, bank));
            }
        }, device, fullAuth: device is not null);
        activity *= 0.2;
    }

    private void BankChange(DateTimeOffset t) =>
        Session(t, () =>
        {
            var at = t.AddMinutes(r.Next(1, 8));
            Setting(at, AccountSetting.WithdrawalAccount, null);
            var destination = "bank-" + r.Next(1 << 30).ToString("x8", CultureInfo.InvariantCulture);
            var when = r.NextDouble() < 0.3 ? at.AddMinutes(r.Next(2, 30)) : at.AddDays(r.Next(1, 11));
            if (when < world.End)
            {
                var amount = cash * (decimal)(0.2 + (r.NextDouble() * 0.7));
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
            var at = t.AddMinutes(r.Next(1, 6));
            var share = 0.8 + (r.NextDouble() * 0.2);
            foreach (var (instrument, quantity) in holdings.ToList())
            {
                if (r.NextDouble() < share)
                {
                    Sell(at, instrument, quantity);
                    at = at.AddSeconds(r.Next(20, 180));
                }
            }

            Buy(at.AddMinutes(r.Next(1, 15)), u.Pick(r.NextDouble() < 0.5 ? u.Etfs : u.LargeDomestic, r), (double)cash * (0.95 + (r.NextDouble() * 0.05)), BuyKind.Cash);
        });

    private void ForeignNewcomer(DateTimeOffset t) =>
        Session(t, () =>
        {
            var at = t.AddMinutes(r.Next(1, 8));
            if (!foreignEnabled)
            {
                Setting(at, AccountSetting.ForeignTrading, true);
                foreignEnabled = true;
            }

            var pick = r.NextDouble() < 0.5 ? u.Pick(u.LargeHongKong, r) : u.Pick(u.MainstreamUs, r);
            Buy(at.AddMinutes(r.Next(2, 20)), pick, Math.Min(Size() * 2, (double)cash * 0.8), BuyKind.Cash);
        });

    private void CredentialStuffing(DateTimeOffset t)
    {
        var net = world.Networks.ForeignHosting(Networks.AttackerCountries[r.Next(Networks.AttackerCountries.Length)]);
        var device = NewDevice();
        for (var i = r.Next(1, 8); i > 0; i--)
        {
            Login(t.AddSeconds(i * r.Next(2, 40)), false, net.V4(r.Next(1 << 16)), device, net, AuthMethod.Password, LoginChannel.Web);
        }
    }

    private void DormantReturn(DateTimeOffset t)
    {
        activity = 0.6;
        var device = r.NextDouble() < 0.5 ? NewDevice() : null;
        if (device is not null)
        {
            currentPc = device;
        }

        Session(t, () =>
        {
            var at = t.AddMinutes(r.Next(2, 20));
            var all = r.NextDouble() < 0.4;
            foreach (var (instrument, quantity) in holdings.ToList())
            {
                if (all || r.NextDouble() < 0.4)
                {
                    Sell(at, instrument, quantity);
                    at = at.AddSeconds(r.Next(20, 300));
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

    private Trip? trip;

    private Trip PlanTrip(DateTimeOffset from)
    {
        var (country, offset) = Networks.Travel[r.Next(Networks.Travel.Length)];
        var start = World.Midnight(from.AddDays(r.NextDouble() * Math.Max(1, (world.End - from).TotalDays - 3)));
        var mode = r.NextDouble() switch { < 0.5 => TripMode.Hotel, < 0.8 => TripMode.Roaming, _ => TripMode.Vpn };
        var net = mode == TripMode.Vpn ? (r.NextDouble() < 0.5 ? vpnExits[0] : world.Networks.ForeignVpnExits[r.Next(world.Networks.ForeignVpnExits.Count)]) : world.Networks.ForeignResidential(country);
        return new Trip(start, start.AddDays(r.Next(3, 15)), country, offset, mode, net);
    }

    private Trip? InTrip(DateTimeOffset day) => trip is { } t && day >= t.From && day < t.To ? t : null;

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
            var localHour = 8 + r.Next(14);
            return day.AddHours(localHour + 9 - t.UtcOffset).AddMinutes(r.Next(60)).AddSeconds(r.Next(60));
        }

        var (start, length) = hours[r.Next(hours.Length)];
        return day.AddHours(start + r.Next(length)).AddMinutes(r.Next(60)).AddSeconds(r.Next(60));
    }

    // ---------------------------------------------------------------- helpers

    private int Geometric(double p)
    {
        var k = 0;
        while (r.NextDouble() > p && k < 12)
        {
            k++;
        }

        return k;
    }

    private string NewDevice() => Fingerprint(r.Next());

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
