using System.Globalization;
using TakeoverRules.Detection;

namespace TakeoverRules.Testing.Simulation;

/// <summary>
/// Generates a seeded, deterministic population of honest and attacked accounts as one <see cref="Scenario"/>: every
/// account is an ordinary customer with weeks of history drawn from the same distribution (devices, networks, hours, order
/// sizes, markets), then one of the honest behaviours or attack variants happens to it in the evaluated days, with
/// randomised timings, amounts, countries, devices and partial signals. Evaluate it and measure with <see cref="QualityReport"/>.
/// </summary>
/// <remarks>
/// <para>
/// Attacked and honest accounts are not separable by construction: ids are shuffled (<c>acct-00042</c>), victims have the
/// same profiles and histories as everyone else, new devices are named alike, and every attack variant is matched by honest
/// look-alikes that share some of its signals (new phones, travel with VPNs, speculators laddering into thin stocks,
/// retirees selling everything, herds converging on one hot symbol, first foreign trades, large buys).
/// </para>
/// <para>Thread-safe: every call works on its own state.</para>
/// </remarks>
public static class PopulationGenerator
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private static readonly string[] DeviceKinds = ["phone", "pc", "tablet"];
    private static readonly AccountSetting[] HonestSettings = [AccountSetting.Email, AccountSetting.Phone, AccountSetting.Address, AccountSetting.Password, AccountSetting.TradingPin, AccountSetting.WithdrawalAccount];
    private static readonly (AccountSetting Setting, double Probability)[] AttackerSettings =
    [
        (AccountSetting.Email, 0.2), (AccountSetting.LoginNotifications, 0.2), (AccountSetting.Phone, 0.08), (AccountSetting.Mfa, 0.08), (AccountSetting.TradingPin, 0.05),
    ];

    /// <summary>Names of the attack variants.</summary>
    public static IReadOnlyList<string> AttackVariants { get; } =
    [
        "classic-rotation", "quiet-residential", "cash-only-margin", "small-test-order", "domestic-pump", "multi-account-ramp",
        "withdrawal-diversion", "night-then-morning", "owner-device-replay",
    ];

    /// <summary>Names of the honest behaviours.</summary>
    public static IReadOnlyList<string> HonestBehaviours { get; } =
    [
        "regular", "new-phone", "travel-abroad", "low-priced-speculator", "hong-kong-trader", "retiree-liquidation", "night-trader",
        "nisa-rebalancer", "herd-buyer", "pump-chaser", "dormant-return", "settings-change", "first-foreign-trade", "large-buy",
        "mistyped-password",
    ];

    internal static readonly Dictionary<string, double> DefaultAttackMix = new(StringComparer.Ordinal)
    {
        ["classic-rotation"] = 22,
        ["quiet-residential"] = 18,
        ["cash-only-margin"] = 9,
        ["small-test-order"] = 10,
        ["domestic-pump"] = 9,
        ["multi-account-ramp"] = 15,
        ["withdrawal-diversion"] = 5,
        ["night-then-morning"] = 6,
        ["owner-device-replay"] = 6,
    };

    internal static readonly Dictionary<string, double> DefaultHonestMix = new(StringComparer.Ordinal)
    {
        ["regular"] = 42,
        ["new-phone"] = 8,
        ["travel-abroad"] = 5,
        ["low-priced-speculator"] = 6,
        ["hong-kong-trader"] = 3,
        ["retiree-liquidation"] = 3,
        ["night-trader"] = 5,
        ["nisa-rebalancer"] = 5,
        ["herd-buyer"] = 2,
        ["pump-chaser"] = 0.5,
        ["dormant-return"] = 2,
        ["settings-change"] = 3,
        ["first-foreign-trade"] = 3,
        ["large-buy"] = 4,
        ["mistyped-password"] = 3,
    };

    /// <summary>Generates the population.</summary>
    /// <param name="options">Size, seed and calendar; default <see cref="PopulationOptions"/> defaults.</param>
    /// <returns>One scenario holding every account; accounts are tagged with their behaviour or variant.</returns>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static Scenario Generate(PopulationOptions? options = null)
    {
        options ??= new PopulationOptions();
        options.Validate();
        return new Generation(options).Run();
    }

    private sealed record Spec(string Kind, bool Attacked, DateTimeOffset Start)
    {
        public Instrument? Symbol { get; init; }

        public int GroupIndex { get; init; }
    }

    private sealed class Generation
    {
        private readonly PopulationOptions options;
        private readonly Random random;
        private readonly Universe universe;
        private readonly ScenarioBuilder builder;
        private readonly DateTimeOffset firstDay;

        public Generation(PopulationOptions options)
        {
            this.options = options;
            random = new Random(options.Seed);
            universe = new Universe(new Random(options.Seed ^ 0x5eed));
            firstDay = new DateTimeOffset(options.FirstDay.ToOffset(Jst).Date, Jst);
            builder = Scenario.Create(firstDay, options.Seed).WithInstruments(universe.All);
        }

        public Scenario Run()
        {
            var specs = new List<Spec>();
            var ramps = AddAttacks(specs);
            AddHonest(specs, ramps);

            // Ids are a random permutation, so an id says nothing about the account; generation follows time so that shared
            // prices (a ramp pushing a thin stock up) evolve in order.
            var ids = Enumerable.Range(1, specs.Count).ToArray();
            random.Shuffle(ids);
            var width = Math.Max(5, specs.Count.ToString(CultureInfo.InvariantCulture).Length);
            var ordered = specs.Select((s, i) => (Spec: s, Id: "acct-" + ids[i].ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')))
                .OrderBy(x => x.Spec.Start).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
            foreach (var (spec, id) in ordered)
            {
                var r = new Random(TestNetworks.StableHash(id) ^ options.Seed);
                if (spec.Attacked)
                {
                    WriteAttack(spec, id, r);
                }
                else
                {
                    WriteHonest(spec, id, r);
                }
            }

            return builder.Build();
        }

        private List<(Instrument Symbol, DateTimeOffset Start, TimeSpan Span)> AddAttacks(List<Spec> specs)
        {
            var ramps = new List<(Instrument, DateTimeOffset, TimeSpan)>();
            var mix = Normalise(options.AttackMix);
            var rampTarget = (int)Math.Round(options.AttackedAccounts * mix.GetValueOrDefault("multi-account-ramp"));
            var rampAccounts = 0;
            while (rampAccounts < rampTarget)
            {
                var size = Math.Min(rampTarget - rampAccounts, random.Next(5, 13));
                if (size < 3)
                {
                    break;
                }

                var symbol = universe.ThinDomestic[random.Next(universe.ThinDomestic.Count)];
                var start = Day(random).AddHours(9).AddMinutes(random.Next(0, 240));
                var span = TimeSpan.FromMinutes(random.Next(60, 181));
                ramps.Add((symbol, start, span));
                for (var i = 0; i < size; i++)
                {
                    specs.Add(new Spec("multi-account-ramp", true, start + (span * i / size) + TimeSpan.FromSeconds(random.Next(0, 300))) { Symbol = symbol, GroupIndex = i });
                }

                rampAccounts += size;
            }

            var others = mix.Where(kv => kv.Key != "multi-account-ramp" && kv.Value > 0).ToList();
            for (var i = rampAccounts; i < options.AttackedAccounts && others.Count > 0; i++)
            {
                var kind = Pick(random, others);
                specs.Add(new Spec(kind, true, Day(random)));
            }

            return ramps;
        }

        private void AddHonest(List<Spec> specs, List<(Instrument Symbol, DateTimeOffset Start, TimeSpan Span)> ramps)
        {
            var mix = Normalise(options.HonestMix).Where(kv => kv.Value > 0).ToList();
            var kinds = Enumerable.Range(0, options.HonestAccounts).Select(_ => Pick(random, mix)).ToList();

            // Herd buyers come in groups that buy the same hot symbol within two hours; pump chasers buy a ramped symbol.
            var herd = kinds.Count(k => k == "herd-buyer");
            (Instrument Symbol, DateTimeOffset Start) group = default;
            var left = 0;
            foreach (var kind in kinds)
            {
                switch (kind)
                {
                    case "herd-buyer":
                        if (left == 0)
                        {
                            var pool = random.NextDouble() < 0.5 ? universe.ThinDomestic : universe.LowPricedLiquid;
                            group = (pool[random.Next(pool.Count)], Day(random).AddHours(9).AddMinutes(random.Next(0, 300)));
                            left = Math.Min(herd, random.Next(3, 16));
                        }

                        herd--;
                        left--;
                        specs.Add(new Spec(kind, false, group.Start + TimeSpan.FromMinutes(random.Next(0, 120))) { Symbol = group.Symbol });
                        break;
                    case "pump-chaser" when ramps.Count > 0:
                        var ramp = ramps[random.Next(ramps.Count)];
                        specs.Add(new Spec(kind, false, ramp.Start + (ramp.Span * random.NextDouble())) { Symbol = ramp.Symbol });
                        break;
                    case "pump-chaser":
                        specs.Add(new Spec("regular", false, Day(random)));
                        break;
                    default:
                        specs.Add(new Spec(kind, false, Day(random)));
                        break;
                }
            }
        }

        private DateTimeOffset Day(Random r) => firstDay.AddDays(r.Next(options.Days));

        // ---------------------------------------------------------------- customers

        private static CustomerProfile DrawProfile(Random r, string id, string kind)
        {
            var hours = r.NextDouble() switch
            {
                < 0.40 => (9, 15),
                < 0.65 => (19, 23),
                < 0.75 => (11, 14),
                < 0.82 => (7, 10),
                < 0.90 => (21, 2),
                _ => (8, 23),
            };
            var markets = r.NextDouble() switch
            {
                < 0.65 => new[] { "TSE" },
                < 0.88 => ["TSE", "NASDAQ"],
                < 0.97 => ["TSE", "HKEX"],
                _ => ["TSE", "HKEX", "NASDAQ"],
            };
            var auth = r.NextDouble() switch
            {
                < 0.45 => AuthMethod.Sms,
                < 0.60 => AuthMethod.Totp,
                < 0.70 => AuthMethod.Push,
                < 0.82 => AuthMethod.EmailOtp,
                _ => AuthMethod.Password,
            };
            var devices = DeviceKinds.Take(r.Next(1, 4)).Select(d => id + "-" + d).ToList();
            if (r.NextDouble() < 0.3)
            {
                devices.Reverse();
            }

            var logins = LogNormal(r, 3, 0.7, 0.3, 25);
            var profile = CustomerProfile.Default with
            {
                Devices = devices,
                Networks = r.Next(1, 4),
                UsualHoursStart = hours.Item1,
                UsualHoursEnd = hours.Item2,
                TypicalOrderJpy = Thousands((decimal)LogNormal(r, 300_000, 0.9, 20_000, 8_000_000)),
                Markets = markets,
                TradesThinStocks = r.NextDouble() < 0.10,
                TradesOnMargin = r.NextDouble() < 0.08,
                LoginsPerWeek = logins,
                OrdersPerWeek = logins * (0.1 + (r.NextDouble() * 0.9)),
                HistoryWeeks = r.Next(4, 13),
                AuthMethod = auth,
                Seed = r.Next(),
            };

            return kind switch
            {
                "low-priced-speculator" or "herd-buyer" when kind == "low-priced-speculator" || r.NextDouble() < 0.7 =>
                    profile with { TradesThinStocks = true, OrdersPerWeek = Math.Max(profile.OrdersPerWeek, 2) },
                "hong-kong-trader" => profile with { Markets = ["TSE", "HKEX"], OrdersPerWeek = Math.Max(profile.OrdersPerWeek, 1) },
                "night-trader" => profile with { UsualHoursStart = 21, UsualHoursEnd = r.NextDouble() < 0.5 ? 1 : 3, Markets = ["TSE", "NASDAQ"] },
                "retiree-liquidation" => profile with { UsualHoursStart = 9, UsualHoursEnd = 15, OrdersPerWeek = Math.Min(profile.OrdersPerWeek, 1) },
                "dormant-return" => profile with { DormantFor = TimeSpan.FromDays(r.Next(190, 500)) },
                "first-foreign-trade" => profile with { Markets = ["TSE"] },
                _ => profile,
            };
        }

        private void Introduce(string id, CustomerProfile profile, Random r, decimal valueScale = 1, bool cashOnly = false)
        {
            builder.Account(id, profile, idPrefix: id + "/");
            var value = (decimal)LogNormal(r, 3_000_000, 1.0, 150_000, 200_000_000) * valueScale;
            var pool = universe.HoldingPool(profile);
            if (cashOnly)
            {
                var etf = universe.Etfs[r.Next(universe.Etfs.Count)];
                builder.Holding(etf, Math.Max(1, (long)(value * 0.3m / etf.LastPriceJpy / etf.LotSize)) * etf.LotSize);
                builder.Cash(Thousands(value * (decimal)(0.1 + (r.NextDouble() * 0.3))));
            }
            else
            {
                var count = r.Next(1, 9);
                var weights = Enumerable.Range(0, count).Select(_ => 0.2 + r.NextDouble()).ToList();
                var total = weights.Sum();
                foreach (var w in weights)
                {
                    var instrument = universe.Pick(pool, r);
                    var lotValue = instrument.LastPriceJpy * instrument.LotSize;
                    builder.Holding(instrument, Math.Max(1, (long)Math.Round(value * (decimal)(w / total) / lotValue)) * instrument.LotSize);
                }

                builder.Cash(Thousands(value * (decimal)(0.02 + (r.NextDouble() * 0.3))));
            }

            if (profile.TradesOnMargin || (cashOnly && r.NextDouble() < 0.7))
            {
                builder.MarginBuyingPower(Thousands(value * (decimal)(1.5 + (r.NextDouble() * 1.5))));
            }
        }

        private static DateTimeOffset UsualTime(DateTimeOffset day, CustomerProfile profile, Random r)
        {
            var hour = (profile.UsualHoursStart + r.Next(profile.UsualHoursLength)) % 24;
            return day.AddHours(hour).AddMinutes(r.Next(60)).AddSeconds(r.Next(60));
        }

        // ---------------------------------------------------------------- honest behaviours

        private void WriteHonest(Spec spec, string id, Random r)
        {
            var profile = DrawProfile(r, id, spec.Kind);
            Introduce(id, profile, r, cashOnly: spec.Kind == "large-buy" && r.NextDouble() < 0.3);
            builder.Tagged(spec.Kind);
            var day = new DateTimeOffset(spec.Start.ToOffset(Jst).Date, Jst);
            builder.At(spec.Kind is "herd-buyer" or "pump-chaser" ? spec.Start : UsualTime(day, profile, r));
            var device = Device(id, profile, r);
            switch (spec.Kind)
            {
                case "new-phone":
                    builder.Login(fromNewDevice: true, channel: LoginChannel.App, fromNewNetwork: r.NextDouble() < 0.3).After(Minutes(r, 1, 10));
                    if (r.NextDouble() < 0.25)
                    {
                        builder.ChangeSetting(r.NextDouble() < 0.5 ? AccountSetting.Mfa : AccountSetting.LoginNotifications, enabled: true);
                    }

                    if (r.NextDouble() < 0.15)
                    {
                        builder.ChangePhone();
                    }

                    Trade(id, profile, r, trades: r.Next(0, 3));
                    break;
                case "travel-abroad":
                    var country = TestNetworks.TravelCountries[r.Next(TestNetworks.TravelCountries.Length)];
                    var vpn = r.NextDouble() < 0.2;
                    builder.Login(fromNewDevice: r.NextDouble() < 0.15, device: null, country: vpn && r.NextDouble() < 0.5 ? "JP" : country, hosting: vpn)
                        .After(Minutes(r, 1, 20));
                    Trade(id, profile, r, trades: r.Next(0, 3), allowSellAll: r.NextDouble() < 0.1);
                    break;
                case "low-priced-speculator":
                    builder.Login(device: device).After(Minutes(r, 1, 8));
                    Ladder(universe.ThinOrLowPriced(r), profile, r, steps: r.Next(1, 6), allIn: r.NextDouble() < 0.25);
                    break;
                case "herd-buyer":
                case "pump-chaser":
                    builder.Login(device: device).After(Minutes(r, 1, 6));
                    Ladder(spec.Symbol!, profile, r, steps: r.Next(1, 4), allIn: r.NextDouble() < 0.15);
                    break;
                case "hong-kong-trader":
                    builder.Login(device: device).After(Minutes(r, 1, 8));
                    var hk = r.NextDouble() < 0.8 ? universe.LiquidHongKong[r.Next(universe.LiquidHongKong.Count)] : universe.ThinHongKong[r.Next(universe.ThinHongKong.Count)];
                    if (r.NextDouble() < 0.5)
                    {
                        builder.ConvertCurrency("HKD", Math.Min(builder.CurrentCash, profile.TypicalOrderJpy));
                    }

                    TryBuy(hk, Size(profile, r), r);
                    break;
                case "retiree-liquidation":
                    builder.Login(device: device).After(Minutes(r, 1, 15));
                    foreach (var (instrument, quantity) in builder.CurrentHoldings.ToList())
                    {
                        builder.Sell(instrument, quantity).After(Minutes(r, 0, 10));
                    }

                    if (r.NextDouble() < 0.6)
                    {
                        builder.After(TimeSpan.FromDays(r.Next(1, 3))).At(UsualTime(new DateTimeOffset(builder.Now.ToOffset(Jst).Date, Jst), profile, r))
                            .Login(device: device).After(Minutes(r, 1, 5)).RequestWithdrawal();
                    }

                    break;
                case "night-trader":
                    builder.Login(device: device).After(Minutes(r, 1, 8));
                    TryBuy(universe.Us[r.Next(universe.Us.Count)], Size(profile, r), r);
                    break;
                case "nisa-rebalancer":
                    builder.Login(device: device).After(Minutes(r, 1, 8));
                    if (builder.HasHoldings)
                    {
                        builder.SellMostHoldings(0.4 + (r.NextDouble() * 0.6)).After(Minutes(r, 1, 20));
                    }

                    var etf = universe.Etfs[r.Next(universe.Etfs.Count)];
                    if (builder.CurrentCash > etf.LastPriceJpy * etf.LotSize * 2)
                    {
                        builder.BuyUpToBuyingPower(etf, orders: r.Next(1, 3), share: 0.85 + (r.NextDouble() * 0.14));
                    }

                    break;
                case "dormant-return":
                    builder.Login(fromNewDevice: r.NextDouble() < 0.5, fromNewNetwork: r.NextDouble() < 0.5).After(Minutes(r, 1, 15));
                    Trade(id, profile, r, trades: r.Next(1, 3), allowSellAll: r.NextDouble() < 0.3);
                    break;
                case "settings-change":
                    builder.Login(device: device).After(Minutes(r, 1, 5));
                    var changed = HonestSettings[r.Next(HonestSettings.Length)];
                    if (changed == AccountSetting.WithdrawalAccount)
                    {
                        builder.ChangeWithdrawalAccount();
                    }
                    else
                    {
                        builder.ChangeSetting(changed);
                    }

                    builder.After(Minutes(r, 1, 30));
                    Trade(id, profile, r, trades: r.Next(0, 3));
                    break;
                case "first-foreign-trade":
                    builder.Login(device: device).After(Minutes(r, 1, 5)).EnableForeignTrading().After(Minutes(r, 1, 30));
                    var foreign = r.NextDouble() < 0.6 ? universe.Us[r.Next(universe.Us.Count)] : universe.LiquidHongKong[r.Next(universe.LiquidHongKong.Count)];
                    TryBuy(foreign, Size(profile, r) * (decimal)(1 + (r.NextDouble() * 3)), r);
                    break;
                case "large-buy":
                    builder.Login(device: device).After(Minutes(r, 1, 5));
                    var big = universe.Pick(universe.Mainstream(profile), r);
                    TryBuy(big, Math.Max(builder.CurrentCash * (decimal)(0.5 + (r.NextDouble() * 0.48)), Size(profile, r)), r);
                    break;
                case "mistyped-password":
                    builder.FailedLogins(r.Next(1, 5)).Login().After(Minutes(r, 1, 5));
                    Trade(id, profile, r, trades: r.Next(0, 3));
                    break;
                default:
                    builder.Login(device: device).After(Minutes(r, 1, 10));
                    Trade(id, profile, r, trades: r.Next(0, 4));
                    break;
            }
        }

        private static string Device(string id, CustomerProfile profile, Random r)
        {
            var devices = profile.Devices ?? [id + "-phone", id + "-pc"];
            return r.NextDouble() < 0.7 ? devices[0] : devices[r.Next(devices.Count)];
        }

        private void Trade(string id, CustomerProfile profile, Random r, int trades, bool allowSellAll = false)
        {
            _ = id;
            if (allowSellAll && builder.HasHoldings)
            {
                builder.SellAllHoldings().After(Minutes(r, 1, 20));
            }

            var pool = universe.Mainstream(profile);
            for (var t = 0; t < trades; t++)
            {
                var holdings = builder.CurrentHoldings;
                if (holdings.Count > 0 && r.NextDouble() < 0.4)
                {
                    var (instrument, quantity) = holdings[r.Next(holdings.Count)];
                    var lots = quantity / instrument.LotSize;
                    builder.Sell(instrument, Math.Max(1, (long)Math.Ceiling(lots * (0.3 + (r.NextDouble() * 0.7)))) * instrument.LotSize);
                }
                else
                {
                    TryBuy(universe.Pick(pool, r), Size(profile, r), r);
                }

                builder.After(Minutes(r, 0, 15));
            }
        }

        private void Ladder(Instrument instrument, CustomerProfile profile, Random r, int steps, bool allIn)
        {
            var price = builder.Price(instrument);
            var budget = allIn ? builder.CurrentCash * 0.95m : Size(profile, r) * steps;
            for (var i = 0; i < steps; i++)
            {
                if (i > 0 && r.NextDouble() < 0.7)
                {
                    price = ScenarioBuilder.RoundToTick(instrument, price * (decimal)(1.005 + (r.NextDouble() * 0.03)));
                }

                if (!TryBuy(instrument, budget / steps, r, price))
                {
                    break;
                }

                builder.After(Minutes(r, 0, 6));
            }
        }

        private bool TryBuy(Instrument instrument, decimal amountJpy, Random r, decimal? price = null, bool margin = false)
        {
            var p = price ?? builder.Price(instrument);
            var lotValue = p * ScenarioBuilder.JpyPerUnit(instrument) * instrument.LotSize;
            var available = margin ? builder.CurrentMarginBuyingPower : builder.CurrentCash;
            if (amountJpy > available && r.NextDouble() < 0.5)
            {
                // Short of cash, half the customers buy less and half leave it.
                return false;
            }

            var amount = Math.Min(amountJpy, available);
            if (amount < lotValue)
            {
                return false;
            }

            builder.Buy(instrument, amountJpy: amount, price: price, margin: margin, orderType: r.NextDouble() < 0.15 && price is null ? OrderType.Market : OrderType.Limit);
            return true;
        }

        private static decimal Size(CustomerProfile profile, Random r) =>
            Thousands(profile.TypicalOrderJpy * (decimal)Math.Exp(0.5 * Gaussian(r)));

        // ---------------------------------------------------------------- attacks

        private void WriteAttack(Spec spec, string id, Random r)
        {
            // Victims are ordinary customers; attackers cannot pass a passkey, so phishable methods only.
            var profile = DrawProfile(r, id, "regular");
            if (profile.AuthMethod == AuthMethod.Passkey)
            {
                profile = profile with { AuthMethod = AuthMethod.Sms };
            }

            var cashOnly = spec.Kind == "cash-only-margin";
            Introduce(id, profile, r, valueScale: spec.Kind == "multi-account-ramp" ? 2 : 1, cashOnly: cashOnly);
            builder.Tagged(spec.Kind);
            var day = new DateTimeOffset(spec.Start.ToOffset(Jst).Date, Jst);
            var quiet = spec.Kind is "quiet-residential" or "owner-device-replay" || (spec.Kind is "multi-account-ramp" or "small-test-order" && r.NextDouble() < 0.4);
            var start = spec.Kind switch
            {
                "multi-account-ramp" => spec.Start,
                "night-then-morning" => day.AddHours(21 + r.Next(0, 3)).AddMinutes(r.Next(60)),
                _ when quiet && r.NextDouble() < 0.7 => UsualTime(day, profile, r),
                _ => r.NextDouble() < 0.7 ? day.AddHours(9).AddMinutes(r.Next(0, 390)) : day.AddHours(r.Next(0, 24)).AddMinutes(r.Next(60)),
            };
            builder.At(start);

            var plan = BasePlan(r, quiet) with { Name = spec.Kind };
            plan = spec.Kind switch
            {
                "classic-rotation" => plan,
                "quiet-residential" => plan,
                "owner-device-replay" => plan with { NewDevice = false },
                "cash-only-margin" => plan with { SellShare = 0, UseMargin = builder.CurrentMarginBuyingPower > 0 || r.NextDouble() < 0.5, Target = ThinTarget(r) },
                "small-test-order" => plan with { TestOrderJpy = Thousands((decimal)(5_000 + (r.NextDouble() * 95_000))), TestOrderWait = Minutes(r, 3, 120) },
                "domestic-pump" => plan with { Target = universe.ThinDomestic[r.Next(universe.ThinDomestic.Count)], BuyOrders = r.Next(3, 7), RisingPrices = true },
                "multi-account-ramp" => plan with { Target = spec.Symbol!, PriceStep = 0.004 + (r.NextDouble() * 0.012), BuyOrders = r.Next(2, 5), RisingPrices = true },
                "withdrawal-diversion" => plan with { Withdraw = true, SellShare = 0.7 + (r.NextDouble() * 0.3), SettingChanges = WithdrawalSettings(r) },
                "night-then-morning" => plan,
                _ => throw new InvalidOperationException($"Unknown attack variant '{spec.Kind}'."),
            };

            if (plan.UseMargin && builder.CurrentMarginBuyingPower == 0 && builder.HasMargin)
            {
                plan = plan with { UseMargin = false };
            }

            if (!plan.Withdraw)
            {
                // Attackers spend what the account has: fewer orders on a small account, a cheaper thin stock when even one
                // lot is out of reach, and nothing at all on an empty account (it then counts as attacked without buys).
                if (Lots(plan, plan.Target) < 1 && spec.Kind != "multi-account-ramp")
                {
                    plan = plan with { Target = universe.ThinDomestic.OrderBy(i => i.LastPriceJpy * i.LotSize).First() };
                }

                var lots = Lots(plan, plan.Target);
                plan = lots >= 1 ? plan with { BuyOrders = (int)Math.Min(plan.BuyOrders, lots) } : plan;
            }

            if (spec.Kind == "night-then-morning")
            {
                WriteNightThenMorning(plan, r);
            }
            else if (!plan.Withdraw && Lots(plan, plan.Target) < 1)
            {
                builder.ByAttacker().Login(fromNewDevice: plan.NewDevice, country: plan.Country, hosting: plan.Hosting).ByOwner();
            }
            else
            {
                builder.Attack(plan);
            }
        }

        private AttackPlan BasePlan(Random r, bool quiet)
        {
            var country = quiet ? "JP" : r.NextDouble() < 0.25 ? "JP" : TestNetworks.AttackerCountries[r.Next(TestNetworks.AttackerCountries.Length)];
            var hosting = !quiet && r.NextDouble() < (country == "JP" ? 0.8 : 0.6);
            var settings = new List<AccountSetting>();
            if (!quiet)
            {
                foreach (var (setting, p) in AttackerSettings)
                {
                    if (r.NextDouble() < p)
                    {
                        settings.Add(setting);
                    }
                }
            }

            return new AttackPlan
            {
                Target = ThinTarget(r),
                NewDevice = true,
                Country = country,
                Hosting = hosting,
                FailedLogins = !quiet && r.NextDouble() < 0.2 ? r.Next(1, 6) : 0,
                SettingChanges = settings,
                FirstActionDelay = Minutes(r, 1, quiet ? 90 : 40),
                SellShare = 0.5 + (r.NextDouble() * 0.5),
                BuyDelay = Minutes(r, 1, 30),
                BuyOrders = r.Next(1, 7),
                RisingPrices = r.NextDouble() < 0.6,
                PriceStep = 0.01 + (r.NextDouble() * 0.03),
                UseMargin = r.NextDouble() < 0.12,
                BuyShare = 0.85 + (r.NextDouble() * 0.14),
            };
        }

        private Instrument ThinTarget(Random r) =>
            r.NextDouble() < 0.55 ? universe.ThinHongKong[r.Next(universe.ThinHongKong.Count)] : universe.ThinDomestic[r.Next(universe.ThinDomestic.Count)];

        private static List<AccountSetting> WithdrawalSettings(Random r)
        {
            var list = new List<AccountSetting>();
            if (r.NextDouble() < 0.5)
            {
                list.Add(AccountSetting.Email);
            }

            list.Add(AccountSetting.WithdrawalAccount);
            return list;
        }

        private long Lots(AttackPlan plan, Instrument target)
        {
            var holdings = builder.CurrentHoldings.Sum(h => h.Quantity * builder.Price(h.Instrument) * ScenarioBuilder.JpyPerUnit(h.Instrument));
            var power = plan.UseMargin
                ? (builder.CurrentMarginBuyingPower > 0 ? builder.CurrentMarginBuyingPower : 3m * (builder.CurrentCash + holdings))
                : builder.CurrentCash + (holdings * (decimal)plan.SellShare * 0.8m);
            var lot = builder.Price(target) * ScenarioBuilder.JpyPerUnit(target) * target.LotSize;
            return (long)Math.Floor(((power * (decimal)plan.BuyShare) - plan.TestOrderJpy) / lot);
        }

        private void WriteNightThenMorning(AttackPlan plan, Random r)
        {
            // A night session sells and places a first buy (queued for the open); the attacker returns next morning.
            builder.ByAttacker().Login(fromNewDevice: true, country: plan.Country, hosting: plan.Hosting).After(plan.FirstActionDelay);
            var device = builder.CurrentDevice;
            if (builder.HasHoldings)
            {
                builder.SellMostHoldings(plan.SellShare);
            }

            builder.After(Minutes(r, 1, 10));
            var lotValue = builder.Price(plan.Target) * ScenarioBuilder.JpyPerUnit(plan.Target) * plan.Target.LotSize;
            var first = Math.Max(lotValue, builder.CurrentCash * (decimal)(0.1 + (r.NextDouble() * 0.3)));
            if (builder.CurrentCash >= lotValue)
            {
                builder.Buy(plan.Target, amountJpy: Math.Min(first, builder.CurrentCash));
            }

            builder.AtLocalTime(8, r.Next(0, 60)).Login(device: device, country: plan.Country, hosting: plan.Hosting).After(Minutes(r, 1, 30));
            if (builder.CurrentCash * (decimal)plan.BuyShare >= lotValue)
            {
                builder.BuyUpToBuyingPower(plan.Target, plan.RisingPrices, Math.Max(1, plan.BuyOrders), false, plan.BuyShare, plan.PriceStep);
            }

            builder.ByOwner();
        }

        private static TimeSpan Minutes(Random r, int min, int max) => TimeSpan.FromSeconds(r.Next(min * 60, (max * 60) + 1));
    }

    // ---------------------------------------------------------------- helpers

    private static Dictionary<string, double> Normalise(IDictionary<string, double> mix)
    {
        var total = mix.Values.Sum();
        return mix.ToDictionary(kv => kv.Key, kv => total > 0 ? kv.Value / total : 0, StringComparer.Ordinal);
    }

    private static string Pick(Random r, List<KeyValuePair<string, double>> weights)
    {
        var total = weights.Sum(w => w.Value);
        var x = r.NextDouble() * total;
        foreach (var (key, value) in weights)
        {
            x -= value;
            if (x < 0)
            {
                return key;
            }
        }

        return weights[^1].Key;
    }

    private static decimal Thousands(decimal jpy) => Math.Round(jpy / 1000m, MidpointRounding.AwayFromZero) * 1000m;

    internal static double LogNormal(Random r, double median, double sigma, double min, double max) =>
        Math.Clamp(median * Math.Exp(sigma * Gaussian(r)), min, max);

    internal static double Gaussian(Random r) =>
        Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
