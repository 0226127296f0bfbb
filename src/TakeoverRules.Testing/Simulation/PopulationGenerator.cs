using System.Globalization;
using TakeoverRules.Detection;

namespace TakeoverRules.Testing.Simulation;

/// <summary>
/// Generates a seeded, deterministic brokerage population: honest customers living ordinary lives over the period (by
/// default 90 days, from a cold start), with the behaviours that make real customers look like attackers at realistic
/// rates, and accounts taken over by one of the attack variants, each labelled (<see cref="Population.Labels"/>).
/// Evaluate <see cref="Population.Scenario"/> and measure it with <see cref="QualityReport.Measure(ScenarioResult, Population)"/>,
/// or write it as files for <c>takeover scan</c> (<see cref="Population.WriteTo"/>).
/// </summary>
/// <remarks>
/// <para>
/// Every account, victim or not, is drawn from the same distribution: 1–3 devices (phone app, PC browser, sometimes a
/// tablet or a rarely used old PC), a home ISP that re-assigns addresses, a mobile carrier whose phones share CGNAT
/// addresses, sometimes IPv6 or an office; an MFA method with risk-based skipping on known devices for some; usual hours;
/// log-normal order sizes; holdings, cash, invisible deposits and, for margin accounts, margin buying power of about 3.3×
/// collateral. Orders execute in market hours (at the next open otherwise), big orders in thin names in parts. Ids are a
/// random permutation, device ids random fingerprints and instrument codes synthetic numbers, so only behaviour tells
/// accounts apart.
/// </para>
/// <para>Thread-safe: every call works on its own state.</para>
/// </remarks>
public static class PopulationGenerator
{
    internal const string ClassicRotation = "classic-rotation";
    internal const string DomesticThin = "domestic-thin";
    internal const string Quiet = "quiet";
    internal const string StolenSession = "stolen-session";
    internal const string SplitTargets = "split-targets";
    internal const string Slow = "slow";
    internal const string CashOnly = "cash-only";
    internal const string MarginFunded = "margin-funded";
    internal const string TestOrder = "test-order";
    internal const string CoordinatedWave = "coordinated-wave";
    internal const string WithdrawalVariant = "withdrawal";

    /// <summary>Names of the attack variants.</summary>
    public static IReadOnlyList<string> AttackVariants { get; } =
    [
        ClassicRotation, DomesticThin, Quiet, StolenSession, SplitTargets, Slow, CashOnly, MarginFunded, TestOrder, CoordinatedWave, WithdrawalVariant,
    ];

    /// <summary>
    /// Names of the honest behaviours an account may show (victims too: they are ordinary customers). The first ones are
    /// what a customer does (<see cref="NoiseBehaviours"/> excluded); the rest are everyday noise most accounts have some of.
    /// </summary>
    public static IReadOnlyList<string> HonestBehaviours { get; } = [.. B.Primary, .. B.Noise];

    /// <summary>The behaviours that are everyday noise rather than something the customer does (dynamic IPs, CGNAT, IPv6, MFA skipping, automatic orders, deposits, …).</summary>
    public static IReadOnlyList<string> NoiseBehaviours { get; } = B.Noise;

    internal static readonly Dictionary<string, double> DefaultAttackMix = new(StringComparer.Ordinal)
    {
        [ClassicRotation] = 13,
        [DomesticThin] = 9,
        [Quiet] = 10,
        [StolenSession] = 9,
        [SplitTargets] = 9,
        [Slow] = 8,
        [CashOnly] = 9,
        [MarginFunded] = 7,
        [TestOrder] = 8,
        [CoordinatedWave] = 13,
        [WithdrawalVariant] = 5,
    };

    /// <summary>Rates per account: my estimates of how common each is among an online broker's retail customers over months.</summary>
    internal static readonly Dictionary<string, double> DefaultBehaviourRates = new(StringComparer.Ordinal)
    {
        [B.LowPricedSpeculator] = 0.04,
        [B.ApiTrader] = 0.008,
        [B.MarginUser] = 0.06,
        [B.Traveller] = 0.04,
        [B.VpnUser] = 0.02,
        [B.ContactChange] = 0.03,
        [B.PasswordReset] = 0.04,
        [B.NewPhone] = 0.07,
        [B.Liquidator] = 0.015,
        [B.Household] = 0.04,
        [B.NightOwl] = 0.05,
        [B.IpoBuyer] = 0.02,
        [B.NewAccount] = 0.03,
        [B.DormantReturn] = 0.02,
        [B.BankChange] = 0.01,
        [B.HongKongInvestor] = 0.03,
        [B.WaveChaser] = 0.004,
        [B.AllInRotation] = 0.01,
        [B.ForeignNewcomer] = 0.01,
        [B.CredentialStuffing] = 0.01,
        [B.DynamicIp] = 0.6,
        [B.MobileCgnat] = 0.7,
        [B.Ipv6] = 0.25,
        [B.OldPc] = 0.08,
        [B.MfaSkip] = 0.5,
        [B.AutoInvest] = 0.2,
        [B.Deposits] = 0.4,
        [B.Withdrawals] = 0.1,
        [B.UsInvestor] = 0.15,
    };

    /// <summary>Generates the population.</summary>
    /// <param name="options">Size, seed, calendar and mix; default <see cref="PopulationOptions"/> defaults.</param>
    /// <returns>The population: events with ground truth, instruments and labels.</returns>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static Population Generate(PopulationOptions? options = null)
    {
        options ??= new PopulationOptions();
        options.Validate();
        return new Generation(options).Run();
    }

    private sealed class Generation(PopulationOptions options)
    {
        private readonly Random _random = new(options.Seed);

        public Population Run()
        {
            var attacked = options.Accounts == 0 ? 0 : (int)Math.Round(options.Accounts * options.AttackShare);
            var world = new World(options, attacked);
            var specs = MakeAccounts(world);
            AssignAttacks(world, specs, attacked);

            // Accounts are independent (each has its own seed), so they are written in parallel and joined in order.
            var sims = new AccountSimulation[specs.Count];
            Parallel.For(0, specs.Count, i =>
            {
                sims[i] = new AccountSimulation(world, specs[i]);
                sims[i].Run();
            });

            var entries = new List<Entry>(sims.Sum(s => s.Events.Count));
            var labels = new List<AccountLabel>(specs.Count);
            var accounts = new List<ScenarioAccount>(specs.Count);
            for (var i = 0; i < specs.Count; i++)
            {
                var spec = specs[i];
                var sim = sims[i];
                var n = 0;
                foreach (var (e, fraud) in sim.Events)
                {
                    entries.Add(new Entry(e.Time.UtcTicks, i, n++, e, fraud, e.Time < world.TimelineStart));
                }

                labels.Add(Label(spec, sim));
                var behaviours = spec.Behaviours.Where(b => !B.Noise.Contains(b)).Order(StringComparer.Ordinal).ToList();
                accounts.Add(new ScenarioAccount(spec.Id, CustomerProfile.Default, spec.Variant is not null, spec.Variant ?? (behaviours.Count == 0 ? "plain" : string.Join('+', behaviours))));
                sims[i] = null!;
            }

            var events = Deliver(entries);
            var scenario = new Scenario(world.TimelineStart, events, world.Universe.Reference, accounts);
            var waves = world.Waves.Select(w => new PopulationWave(w.Id, w.Symbol.Symbol, w.Start, w.Start + w.Span, w.Members)).ToList();
            return new Population(options, scenario, labels, waves, world.Universe.Ipos.Select(i => i.Symbol).ToList(), world.Universe.Targets.Select(i => i.Symbol).ToList());
        }

        private List<AccountSpec> MakeAccounts(World world)
        {
            _ = world;
            var ids = Enumerable.Range(1, options.Accounts).ToArray();
            _random.Shuffle(ids);
            var width = Math.Max(6, options.Accounts.ToString(CultureInfo.InvariantCulture).Length);
            var specs = new List<AccountSpec>(options.Accounts);
            var rates = HonestBehaviours.Select(b => (Name: b, Rate: options.BehaviourRates.TryGetValue(b, out var x) ? x : 0)).ToList();
            for (var i = 0; i < options.Accounts; i++)
            {
                var seed = AccountSimulation.Mix(options.Seed, i + 1);
                var draw = new Random(seed ^ 0x6b1d);
                var behaviours = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (name, rate) in rates)
                {
                    if (draw.NextDouble() < rate)
                    {
                        behaviours.Add(name);
                    }
                }

                specs.Add(new AccountSpec { Id = "acct-" + ids[i].ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'), Seed = seed, Behaviours = behaviours });
            }

            // Households: two accounts sharing a PC and a home network.
            var members = specs.Where(s => s.Behaviours.Contains(B.Household)).ToList();
            for (var i = 0; i + 1 < members.Count; i += 2)
            {
                var home = AccountSimulation.Mix(options.Seed, 10_000_000 + i) | 1;
                members[i].Household = members[i + 1].Household = home;
            }

            if (members.Count % 2 == 1)
            {
                members[^1].Behaviours.Remove(B.Household);
            }

            return specs;
        }

        private void AssignAttacks(World world, List<AccountSpec> specs, int attacked)
        {
            var candidates = specs.Where(s => !s.Behaviours.Contains(B.NewAccount)).ToList();
            _random.Shuffle(CollectionsMarshalSpan(candidates));
            var victims = candidates.Take(Math.Min(attacked, candidates.Count)).ToList();
            if (victims.Count == 0)
            {
                return;
            }

            var total = options.AttackMix.Values.Sum();
            var waveShare = options.AttackMix.TryGetValue(CoordinatedWave, out var w) ? w / total : 0;
            var waveAccounts = (int)Math.Round(victims.Count * waveShare);
            var index = 0;
            var days = options.Days;
            while (waveAccounts - index >= 3)
            {
                var size = Math.Min(waveAccounts - index, _random.Next(Math.Min(8, waveAccounts), 41));
                if (waveAccounts - index - size is > 0 and < 3)
                {
                    size = waveAccounts - index;
                }

                var hk = _random.NextDouble() < 0.7 && world.Universe.HongKongTargets.Count > 0;
                var symbol = hk ? world.Universe.HongKongTargets[_random.Next(world.Universe.HongKongTargets.Count)] : world.Universe.DomesticTargets[_random.Next(world.Universe.DomesticTargets.Count)];
                var day = World.TradingDayOnOrAfter(world.TimelineStart.AddDays(_random.Next(Math.Min(3, days - 1), Math.Max(Math.Min(3, days - 1) + 1, days - 2))));
                var start = day.AddMinutes((hk ? 630 : 555) + _random.Next(0, 180));
                var nets = world.Networks;
                var wave = new WaveSpec
                {
                    Id = "wave-" + (world.Waves.Count + 1).ToString(CultureInfo.InvariantCulture),
                    Symbol = symbol,
                    Start = start,
                    Span = TimeSpan.FromMinutes(_random.Next(60, 121)),
                    Devices = [.. Enumerable.Range(0, 3).Select(_ => "d" + _random.Next().ToString("x8", CultureInfo.InvariantCulture) + _random.Next(1 << 16).ToString("x4", CultureInfo.InvariantCulture))],
                    Relays = [.. Enumerable.Range(0, 4).Select(_ => (_random.NextDouble() < 0.5 ? nets.JapaneseClouds[_random.Next(nets.JapaneseClouds.Count)] : nets.ForeignHosting(Networks.AttackerCountries[_random.Next(Networks.AttackerCountries.Length)]), _random.Next(1 << 16)))],
                };
                world.Waves.Add(wave);
                for (var i = 0; i < size; i++, index++)
                {
                    var v = victims[index];
                    v.Variant = CoordinatedWave;
                    v.Wave = wave;
                    v.Style = new[] { ClassicRotation, Quiet, CashOnly, TestOrder }[_random.Next(4)];
                    v.AttackTime = wave.Start + (wave.Span * i / size) + TimeSpan.FromSeconds(_random.Next(0, 240));
                    wave.Members.Add(v.Id);
                }
            }

            var others = options.AttackMix.Where(kv => kv.Key != CoordinatedWave && kv.Value > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            if (others.Count == 0)
            {
                others = [new(ClassicRotation, 1)];
            }

            var otherTotal = others.Sum(kv => kv.Value);
            for (; index < victims.Count; index++)
            {
                var x = _random.NextDouble() * otherTotal;
                var variant = others[^1].Key;
                foreach (var (name, weight) in others)
                {
                    x -= weight;
                    if (x < 0)
                    {
                        variant = name;
                        break;
                    }
                }

                var v = victims[index];
                v.Variant = variant;
                var day = World.TradingDayOnOrAfter(world.TimelineStart.AddDays(_random.Next(0, Math.Max(1, days - 2))));
                v.AttackTime = _random.NextDouble() < 0.75 ? day.AddMinutes(540 + _random.Next(0, 360)) : day.AddHours(_random.Next(0, 24)).AddMinutes(_random.Next(60));
            }
        }

        private static Span<AccountSpec> CollectionsMarshalSpan(List<AccountSpec> list) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);

        private static AccountLabel Label(AccountSpec spec, AccountSimulation sim)
        {
            var behaviours = spec.Behaviours.Order(StringComparer.Ordinal).ToList();
            if (spec.Variant is null)
            {
                return new AccountLabel { Account = spec.Id, IsAttacked = false, Behaviours = behaviours, OpenedAt = sim.OpenedAt };
            }

            var malicious = sim.Events.Where(e => e.Fraud).Select(e => e.Event).OrderBy(e => e.Time).ToList();
            var buys = malicious.OfType<OrderEvent>().Where(o => o.Side == OrderSide.Buy).ToList();
            return new AccountLabel
            {
                Account = spec.Id,
                IsAttacked = true,
                Variant = spec.Variant,
                Style = spec.Style,
                WaveId = spec.Wave?.Id,
                Behaviours = behaviours,
                TargetSymbols = buys.Select(b => b.Symbol).Distinct().ToList(),
                MaliciousEventIds = malicious.Select(e => e.Id).ToList(),
                FirstMaliciousEventId = malicious.FirstOrDefault()?.Id,
                FirstMaliciousBuyEventId = buys.FirstOrDefault()?.Id,
                FirstMaliciousBuyTime = buys.FirstOrDefault()?.Time,
                MaliciousBuyNotionalJpy = buys.Sum(b => b.NotionalJpy),
            };
        }

        private readonly record struct Entry(long Ticks, int Account, int Sequence, AccountEvent Event, bool Fraud, bool History);

        /// <summary>Orders the events as a broker's feed delivers them: history first, then the judged period, with its delivery noise.</summary>
        private List<ScenarioEvent> Deliver(List<Entry> entries)
        {
            var noise = new Random(AccountSimulation.Mix(options.Seed, 0x7e1a));
            var keyed = new List<(long Key, Entry Entry)>(entries.Count + (entries.Count / 500));
            foreach (var entry in entries)
            {
                var e = entry.Event;
                if (options.DeliveryNoise)
                {
                    e = Noisy(e, noise);
                }

                var item = entry with { Event = e };
                var key = entry.Ticks;
                if (options.DeliveryNoise && !entry.History)
                {
                    var x = noise.NextDouble();
                    if (x < 0.002)
                    {
                        key += TimeSpan.TicksPerSecond * noise.Next(1, 31);
                    }
                    else if (x < 0.003)
                    {
                        keyed.Add((key + (TimeSpan.TicksPerSecond * noise.Next(1, 301)), item));
                    }
                }

                keyed.Add((key, item));
            }

            keyed.Sort((a, b) =>
            {
                var c = a.Entry.History.CompareTo(b.Entry.History);
                return c != 0 ? -c
                    : a.Key != b.Key ? a.Key.CompareTo(b.Key)
                    : a.Entry.Account != b.Entry.Account ? a.Entry.Account.CompareTo(b.Entry.Account)
                    : a.Entry.Sequence.CompareTo(b.Entry.Sequence);
            });
            return keyed.Select(k => new ScenarioEvent(k.Entry.Event, k.Entry.History, k.Entry.Fraud)).ToList();
        }

        private static AccountEvent Noisy(AccountEvent e, Random noise)
        {
            var x = noise.NextDouble();
            if (e is OrderEvent order && x < 0.02)
            {
                e = order with { BuyingPowerJpy = null };
            }
            else if (e is LoginEvent login && x < 0.12)
            {
                e = x < 0.02 ? login with { Country = null, Asn = null } : login with { Hosting = null };
            }

            return noise.NextDouble() < 0.01 ? e with { Time = e.Time.ToUniversalTime() } : e;
        }
    }

    // ---------------------------------------------------------------- helpers

    internal static double LogNormal(Random r, double median, double sigma, double min, double max) =>
        Math.Clamp(median * Math.Exp(sigma * Gaussian(r)), min, max);

    internal static double Gaussian(Random r) => HistoryWriter.Gaussian(r);
}

/// <summary>Names of the honest behaviours.</summary>
internal static class B
{
    public const string LowPricedSpeculator = "low-priced-speculator";
    public const string ApiTrader = "api-trader";
    public const string MarginUser = "margin-user";
    public const string Traveller = "traveller";
    public const string VpnUser = "vpn-user";
    public const string ContactChange = "contact-change";
    public const string PasswordReset = "password-reset";
    public const string NewPhone = "new-phone";
    public const string Liquidator = "liquidator";
    public const string Household = "household";
    public const string NightOwl = "night-owl";
    public const string IpoBuyer = "ipo-buyer";
    public const string NewAccount = "new-account";
    public const string DormantReturn = "dormant-return";
    public const string BankChange = "bank-change";
    public const string HongKongInvestor = "hk-investor";
    public const string WaveChaser = "wave-chaser";
    public const string AllInRotation = "all-in-rotation";
    public const string ForeignNewcomer = "foreign-newcomer";
    public const string CredentialStuffing = "credential-stuffing";
    public const string DynamicIp = "dynamic-ip";
    public const string MobileCgnat = "mobile-cgnat";
    public const string Ipv6 = "ipv6";
    public const string OldPc = "old-pc";
    public const string MfaSkip = "mfa-skip";
    public const string AutoInvest = "auto-invest";
    public const string Deposits = "deposits";
    public const string Withdrawals = "withdrawals";
    public const string UsInvestor = "us-investor";

    public static readonly string[] Primary =
    [
        LowPricedSpeculator, ApiTrader, MarginUser, Traveller, VpnUser, ContactChange, PasswordReset, NewPhone, Liquidator, Household, NightOwl,
        IpoBuyer, NewAccount, DormantReturn, BankChange, HongKongInvestor, WaveChaser, AllInRotation, ForeignNewcomer, CredentialStuffing,
    ];

    public static readonly string[] Noise = [DynamicIp, MobileCgnat, Ipv6, OldPc, MfaSkip, AutoInvest, Deposits, Withdrawals, UsInvestor];
}
