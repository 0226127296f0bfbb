using CsCheck;
using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;
using TakeoverRules.Testing.Simulation;

namespace TakeoverRules.Testing.Tests.Simulation;

public sealed class PopulationGeneratorTests
{
    /// <summary>A population big enough for every behaviour and variant to occur, generated once for the tests that only read it.</summary>
    private static readonly Lazy<Population> Medium = new(() => PopulationGenerator.Generate(new PopulationOptions { Seed = 5, Accounts = 4_000, AttackShare = 0.05, Days = 45 }));

    private static Population Small(int seed = 7, int warmDays = 0, bool noise = true) =>
        PopulationGenerator.Generate(new PopulationOptions { Seed = seed, Accounts = 500, AttackShare = 0.05, Days = 20, WarmDays = warmDays, DeliveryNoise = noise });

    private static string Fingerprint(Population p) =>
        string.Join("\n", p.Scenario.Events.Select(e => $"{e.Event.Id}|{e.Event.Time:O}|{e.IsFraudulent}|{e.IsHistory}|{TimelineText.Describe(e.Event)}"));

    [Fact]
    public void The_same_seed_gives_the_same_population_event_for_event_and_another_seed_a_different_one()
    {
        Fingerprint(Small(7)).Should().Be(Fingerprint(Small(7)));
        Fingerprint(Small(8)).Should().NotBe(Fingerprint(Small(7)));
        Small(7).Labels.Should().BeEquivalentTo(Small(7).Labels, o => o.WithStrictOrdering());
    }

    [Fact]
    public void For_any_seed_size_and_calendar_the_population_is_reproducible_and_its_labels_and_calendar_hold()
    {
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[1, 120], Gen.Int[1, 15], Gen.Int[0, 10]).Sample((seed, accounts, days, warm) =>
        {
            var options = new PopulationOptions { Seed = seed, Accounts = accounts, AttackShare = 0.1, Days = days, WarmDays = warm };
            var a = PopulationGenerator.Generate(options);
            var b = PopulationGenerator.Generate(options);

            Fingerprint(a).Should().Be(Fingerprint(b));
            a.Labels.Should().HaveCount(accounts);
            a.Labels.Count(l => l.IsAttacked).Should().Be((int)Math.Round(accounts * 0.1));
            a.History.Where(e => e.Time >= a.FirstDay || e.Time < a.FirstDay.AddDays(-warm)).Should().BeEmpty();
            a.Timeline.Where(e => e.Time < a.FirstDay || e.Time >= a.FirstDay.AddDays(days)).Should().BeEmpty();
            var malicious = a.Scenario.Events.Where(e => e.IsFraudulent).Select(e => e.Event.Id).ToHashSet();
            a.Labels.SelectMany(l => l.MaliciousEventIds).Should().BeEquivalentTo(malicious);
        }, iter: 25);
    }

    [Fact]
    public void Every_attack_variant_and_every_honest_behaviour_occurs()
    {
        var p = Medium.Value;

        p.Labels.Where(l => l.IsAttacked).Select(l => l.Variant).Distinct().Should().BeEquivalentTo(PopulationGenerator.AttackVariants);
        var honest = p.Labels.Where(l => !l.IsAttacked).SelectMany(l => l.Behaviours).ToHashSet();
        honest.Should().BeEquivalentTo(PopulationGenerator.HonestBehaviours);
        p.Labels.Should().Contain(l => !l.IsAttacked && !l.Behaviours.Except(PopulationGenerator.NoiseBehaviours).Any(), "some customers show none of the behaviours");
        p.Waves.Should().NotBeEmpty().And.OnlyContain(w => w.Accounts.Count >= 3);
    }

    [Fact]
    public void Behaviours_and_attacks_occur_at_their_configured_rates()
    {
        var p = Medium.Value;
        var options = new PopulationOptions();
        var n = p.Labels.Count;

        p.Labels.Count(l => l.IsAttacked).Should().Be((int)Math.Round(n * 0.05));
        foreach (var (behaviour, rate) in options.BehaviourRates)
        {
            if (behaviour == "household")
            {
                continue; // paired, so an odd one out loses it
            }

            var share = (double)p.Labels.Count(l => l.Behaviours.Contains(behaviour)) / n;
            var tolerance = (4 * Math.Sqrt(rate * (1 - rate) / n)) + 0.002;
            share.Should().BeApproximately(rate, tolerance, behaviour);
        }
    }

    [Fact]
    public void Labels_match_the_events()
    {
        var p = Medium.Value;
        var fraudulent = p.Scenario.Events.Where(e => e.IsFraudulent).GroupBy(e => e.Event.Account).ToDictionary(g => g.Key, g => g.Select(e => e.Event).ToList());

        p.Scenario.Events.Where(e => e.IsFraudulent).Should().OnlyContain(e => !e.IsHistory);
        fraudulent.Keys.Should().BeSubsetOf(p.Labels.Where(l => l.IsAttacked).Select(l => l.Account));
        foreach (var label in p.Labels.Where(l => l.IsAttacked))
        {
            var events = fraudulent.GetValueOrDefault(label.Account) ?? [];
            label.MaliciousEventIds.Should().BeEquivalentTo(events.Select(e => e.Id).Distinct(), label.Account);
            var buys = events.OfType<OrderEvent>().Where(o => o.Side == OrderSide.Buy).DistinctBy(o => o.Id).OrderBy(o => o.Time).ToList();
            label.FirstMaliciousBuyEventId.Should().Be(buys.FirstOrDefault()?.Id, label.Account);
            label.MaliciousBuyNotionalJpy.Should().Be(buys.Sum(b => b.NotionalJpy));
            label.TargetSymbols.Should().BeEquivalentTo(buys.Select(b => b.Symbol).Distinct());
            if (label.Variant == "stolen-session")
            {
                events.OfType<LoginEvent>().Should().BeEmpty("a stolen session has no login of its own");
            }
            else
            {
                events.OfType<LoginEvent>().Where(e => e.Success).Should().NotBeEmpty($"{label.Account} ({label.Variant}) logs in");
            }
        }

        p.Labels.Where(l => !l.IsAttacked).Should().OnlyContain(l => l.MaliciousEventIds.Count == 0 && l.FirstMaliciousBuyEventId == null);
        p.Labels.Where(l => l.IsAttacked && l.Variant != "withdrawal").Count(l => l.FirstMaliciousBuyEventId != null)
            .Should().BeGreaterThan(p.Labels.Count(l => l.IsAttacked && l.Variant != "withdrawal") * 9 / 10, "nearly every takeover buys");
    }

    [Fact]
    public void Each_variant_has_its_shape()
    {
        var p = Medium.Value;
        var byAccount = p.Scenario.Events.Where(e => e.IsFraudulent).GroupBy(e => e.Event.Account).ToDictionary(g => g.Key, g => g.Select(e => e.Event).DistinctBy(e => e.Id).ToList());
        List<AccountEvent> Of(AccountLabel l) => byAccount.GetValueOrDefault(l.Account) ?? [];
        IEnumerable<AccountLabel> Variant(string name) => p.Labels.Where(l => l.Variant == name && l.FirstMaliciousBuyEventId != null);

        Variant("split-targets").Where(l => !(l.TargetSymbols.Count >= 2)).Select(l => l.Account).Should().BeEmpty();
        Variant("cash-only").Where(l => !(!Of(l).Any(e => e is OrderEvent { Side: OrderSide.Sell }))).Select(l => l.Account).Should().BeEmpty();
        Variant("margin-funded").Where(l => !(Of(l).Any(e => e is OrderEvent { Side: OrderSide.Buy, Margin: true }))).Select(l => l.Account).Should().BeEmpty();
        Variant("slow").Where(l => !(Of(l).OfType<OrderEvent>().Where(o => o.Side == OrderSide.Buy).Min(o => o.Time).Date > Of(l).OfType<LoginEvent>().Min(e => e.Time).Date)).Select(l => l.Account).Should().BeEmpty();
        Variant("quiet").Where(l => !(!Of(l).Any(e => e is SettingChangedEvent) && Of(l).OfType<LoginEvent>().All(e => e.Hosting != true && (e.Country == null || e.Country == "JP")))).Select(l => l.Account).Should().BeEmpty();
        Variant("test-order").Where(l => !(((OrderEvent)Of(l).Single(e => e.Id == l.FirstMaliciousBuyEventId)).NotionalJpy < Of(l).OfType<OrderEvent>().Where(o => o.Side == OrderSide.Buy).Max(o => o.NotionalJpy))).Select(l => l.Account).Should().BeEmpty();
        p.Labels.Where(l => l.Variant == "withdrawal").Where(l => !(Of(l).Any(e => e is WithdrawalRequestEvent) && Of(l).Any(e => e is SettingChangedEvent { Setting: AccountSetting.WithdrawalAccount }))).Select(l => l.Account).Should().BeEmpty();
        foreach (var wave in p.Waves)
        {
            wave.Accounts.Select(a => p.Labels.Single(x => x.Account == a)).Where(l => l.FirstMaliciousBuyEventId != null && !l.TargetSymbols.Contains(wave.Symbol)).Should().BeEmpty();
        }
    }

    [Fact]
    public void A_cold_start_begins_every_account_with_a_portfolio_snapshot_and_no_history()
    {
        var p = Small();

        p.Scenario.Events.Should().NotContain(e => e.IsHistory);
        p.Timeline.Should().OnlyContain(e => e.Time >= p.FirstDay && e.Time < p.FirstDay.AddDays(p.Days));
        foreach (var account in p.Timeline.GroupBy(e => e.Account))
        {
            var first = account.OrderBy(e => e.Time).First();
            first.Should().BeOfType<PortfolioEvent>(account.Key);
        }

        p.Labels.Where(l => l.OpenedAt is not null).Should().NotBeEmpty()
            .And.OnlyContain(l => p.Timeline.OfType<PortfolioEvent>().Any(e => e.Account == l.Account && e.Time == l.OpenedAt && e.Positions.Count == 0));
    }

    [Fact]
    public void Warm_history_comes_first_is_all_before_the_period_and_holds_no_attack()
    {
        var p = Small(warmDays: 30);

        var history = p.Scenario.Events.TakeWhile(e => e.IsHistory).ToList();
        history.Should().NotBeEmpty();
        p.Scenario.Events.Skip(history.Count).Should().OnlyContain(e => !e.IsHistory);
        history.Should().OnlyContain(e => !e.IsFraudulent && e.Event.Time < p.FirstDay && e.Event.Time >= p.FirstDay.AddDays(-30));
        p.History.Should().HaveCount(history.Count);
        p.Timeline.OfType<PortfolioEvent>().Where(e => e.Time == p.FirstDay).Select(e => e.Account).Distinct()
            .Should().HaveCount(p.Labels.Count(l => l.OpenedAt is null), "the judged period starts with a snapshot, so a host can also judge it cold");
    }

    [Fact]
    public void Delivery_noise_adds_duplicates_late_events_and_utc_times_and_can_be_turned_off()
    {
        var noisy = Medium.Value.Timeline.ToList();
        noisy.GroupBy(e => e.Id).Should().Contain(g => g.Count() == 2);
        noisy.Should().Contain(e => e.Time.Offset == TimeSpan.Zero);
        noisy.Zip(noisy.Skip(1)).Should().Contain(x => x.Second.Time < x.First.Time);
        noisy.OfType<OrderEvent>().Should().Contain(o => o.BuyingPowerJpy == null);

        var clean = Small(noise: false).Timeline.ToList();
        clean.Select(e => e.Id).Should().OnlyHaveUniqueItems();
        clean.Select(e => e.Time).Should().BeInAscendingOrder();
        clean.Should().OnlyContain(e => e.Time.Offset == TimeSpan.FromHours(9));
    }

    [Fact]
    public void The_everyday_noise_is_there()
    {
        var p = Medium.Value;
        var timeline = p.Timeline.ToList();
        var instruments = p.Scenario.Instruments.Select(i => i.Symbol).ToHashSet();
        var logins = timeline.OfType<LoginEvent>().ToList();

        p.IpoSymbols.Should().NotBeEmpty().And.OnlyContain(s => !instruments.Contains(s));
        timeline.OfType<OrderEvent>().Should().Contain(o => p.IpoSymbols.Contains(o.Symbol), "new listings are traded though missing from the reference data");
        logins.Should().Contain(l => l.Ip.Contains(':'), "IPv6");
        logins.Where(l => l.Success && l.Hosting == false).GroupBy(l => l.Ip).Where(g => g.Select(l => l.Account).Distinct().Count() > 1).Should().NotBeEmpty("carrier CGNAT and households share addresses");
        logins.Should().Contain(l => l.Success && l.Channel == LoginChannel.Api && l.Hosting == true && l.Country == "JP");
        logins.Should().Contain(l => l.Success && l.AuthMethod == AuthMethod.Password).And.Contain(l => l.Success && l.AuthMethod == AuthMethod.Sms);
        timeline.OfType<ExecutionEvent>().Should().HaveCountGreaterThan(timeline.OfType<OrderEvent>().Count() * 9 / 10);
        timeline.OfType<FxConversionEvent>().Should().NotBeEmpty();
        var margin = timeline.OfType<OrderEvent>().Where(o => o.Margin == true && o.BuyingPowerJpy > 0).ToList();
        margin.Should().NotBeEmpty();

        // Monthly automatic orders: buys on days without any login of the account.
        var loginDays = logins.Select(l => (l.Account, l.Time.ToOffset(TimeSpan.FromHours(9)).Date)).ToHashSet();
        timeline.OfType<OrderEvent>().Where(o => !loginDays.Contains((o.Account, o.Time.ToOffset(TimeSpan.FromHours(9)).Date))).Should().NotBeEmpty();
    }

    [Fact]
    public void Ids_reveal_nothing_and_every_event_id_belongs_to_one_event()
    {
        var p = Small(noise: false);

        p.Labels.Select(l => l.Account).Should().OnlyContain(id => id.StartsWith("acct-", StringComparison.Ordinal));
        var attacked = p.Labels.Where(l => l.IsAttacked).Select(l => int.Parse(l.Account[5..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        attacked.Average().Should().BeInRange(100, 400, "ids are a random permutation");
        p.Timeline.Select(e => e.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_files_it_writes_read_back_as_the_same_events()
    {
        var p = Small(warmDays: 10);
        var dir = Path.Combine(Path.GetTempPath(), "population-" + Guid.NewGuid().ToString("N"));
        try
        {
            p.WriteTo(dir);

            using (var events = File.OpenRead(Path.Combine(dir, "events.jsonl")))
            {
                EventReader.ReadAll(events).Select(r => r.Value!.Id).Should().Equal(p.Timeline.Select(e => e.Id));
            }

            using (var history = File.OpenRead(Path.Combine(dir, "history.jsonl")))
            {
                EventReader.ReadAll(history).ToList().Should().HaveCount(p.History.Count()).And.OnlyContain(r => r.IsSuccess);
            }

            using (var instruments = File.OpenRead(Path.Combine(dir, "instruments.json")))
            {
                InstrumentReader.ReadAll(instruments).ToList().Should().HaveCount(p.Scenario.Instruments.Count).And.OnlyContain(r => r.IsSuccess);
            }

            var labels = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "labels.json")));
            labels.RootElement.GetProperty("accounts").GetArrayLength().Should().Be(p.Labels.Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Invalid_options_are_rejected_listing_every_problem()
    {
        var options = new PopulationOptions { Accounts = -1, Days = 0, WarmDays = 1_000 };
        options.AttackMix["made-up"] = 1;
        options.BehaviourRates["new-phone"] = 2;

        var act = () => PopulationGenerator.Generate(options);

        act.Should().Throw<ArgumentException>().WithMessage(
            "Invalid population options: Accounts: must be 0–1,000,000 (was -1); Days: must be 1–366 (was 0); WarmDays: must be 0–730 (was 1000); " +
            "AttackMix: 'made-up' must be a known variant with a weight ≥ 0 (was 1); BehaviourRates: 'new-phone' must be a known behaviour with a rate of 0–1 (was 2)");
    }
}
