using TakeoverRules.Detection;
using TakeoverRules.Testing.Simulation;

namespace TakeoverRules.Testing.Tests.Simulation;

public sealed class PopulationGeneratorTests
{
    private static Scenario Small(int seed = 7) =>
        PopulationGenerator.Generate(new PopulationOptions { Seed = seed, HonestAccounts = 300, AttackedAccounts = 60 });

    [Fact]
    public void The_same_seed_gives_the_same_population_and_another_seed_a_different_one()
    {
        static string Fingerprint(Scenario s) => string.Join("\n", s.Events.Select(e => $"{e.Event.Id}|{e.Event.Time:O}|{e.IsFraudulent}|{TimelineText.Describe(e.Event)}"));

        Fingerprint(Small(7)).Should().Be(Fingerprint(Small(7)));
        Fingerprint(Small(8)).Should().NotBe(Fingerprint(Small(7)));
    }

    [Fact]
    public void It_makes_the_requested_accounts_with_every_attack_variant_and_honest_behaviour()
    {
        var population = PopulationGenerator.Generate(new PopulationOptions { HonestAccounts = 1_500, AttackedAccounts = 200 });

        population.Accounts.Count(a => a.IsAttacked).Should().Be(200);
        population.Accounts.Count(a => !a.IsAttacked).Should().Be(1_500);
        population.Accounts.Where(a => a.IsAttacked).Select(a => a.Tag).Distinct().Should().BeEquivalentTo(PopulationGenerator.AttackVariants);
        population.Accounts.Where(a => !a.IsAttacked).Select(a => a.Tag).Distinct().Should().BeEquivalentTo(PopulationGenerator.HonestBehaviours);
    }

    [Fact]
    public void Labels_match_the_events_and_ids_reveal_nothing_about_them()
    {
        var population = Small();

        var attacked = population.Accounts.Where(a => a.IsAttacked).Select(a => a.Id).ToHashSet();
        population.Events.Where(e => e.IsFraudulent).Select(e => e.Event.Account).Distinct().Should().BeEquivalentTo(attacked);
        population.Events.Where(e => e.IsFraudulent).Should().OnlyContain(e => !e.IsHistory);
        population.Accounts.Select(a => a.Id).Should().OnlyContain(id => id.StartsWith("acct-", StringComparison.Ordinal));
        var attackedIds = population.Accounts.Where(a => a.IsAttacked).Select(a => int.Parse(a.Id[5..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        attackedIds.Average().Should().BeInRange(100, 260, "ids are a random permutation, so attacked accounts are spread over them");
    }

    [Fact]
    public void Every_account_has_weeks_of_history_unless_it_is_dormant_and_events_are_in_time_order_with_unique_ids()
    {
        var population = Small();

        population.Events.Select(e => e.Event.Time).Should().BeInAscendingOrder();
        population.Events.Select(e => e.Event.Id).Should().OnlyHaveUniqueItems();
        var historyByAccount = population.Events.Where(e => e.IsHistory).GroupBy(e => e.Event.Account).ToDictionary(g => g.Key, g => g.Count());
        population.Accounts.Count(a => historyByAccount.GetValueOrDefault(a.Id) >= 5).Should().BeGreaterThan(population.Accounts.Count * 9 / 10);
    }

    [Fact]
    public void Attacks_are_not_separable_by_one_signal_alone()
    {
        var population = PopulationGenerator.Generate(new PopulationOptions { HonestAccounts = 2_000, AttackedAccounts = 200 });
        var timeline = population.Events.Where(e => !e.IsHistory).Select(e => e.Event).ToList();
        var attacked = population.Accounts.Where(a => a.IsAttacked).Select(a => a.Id).ToHashSet();

        double Share(Func<AccountEvent, bool> signal, bool ofAttacked)
        {
            var accounts = timeline.Where(signal).Select(e => e.Account).ToHashSet();
            var group = population.Accounts.Where(a => a.IsAttacked == ofAttacked).ToList();
            return (double)group.Count(a => accounts.Contains(a.Id)) / group.Count;
        }

        // Each attack signal also occurs among honest customers, and not every attack shows it.
        var signals = new Dictionary<string, Func<AccountEvent, bool>>
        {
            ["new device"] = e => e is LoginEvent { Success: true } l && l.Device.Contains("-device", StringComparison.Ordinal),
            ["foreign or hosting IP"] = e => e is LoginEvent { Success: true } l && (l.Country != "JP" || l.Hosting == true),
            ["failed logins"] = e => e is LoginEvent { Success: false },
            ["setting change"] = e => e is SettingChangedEvent,
            ["thin or low-priced buy"] = e => e is OrderEvent { Side: OrderSide.Buy } o && (o.Symbol.Contains(":T", StringComparison.Ordinal) || o.Symbol.Contains(":P", StringComparison.Ordinal)),
        };
        foreach (var (name, signal) in signals)
        {
            Share(signal, ofAttacked: false).Should().BeGreaterThan(0, $"honest customers also show '{name}'");
            Share(signal, ofAttacked: true).Should().BeLessThan(1, $"not every attack shows '{name}'");
        }
    }

    [Fact]
    public void Invalid_options_are_rejected_listing_every_problem()
    {
        var options = new PopulationOptions { HonestAccounts = -1, Days = 0 };
        options.AttackMix["made-up"] = 1;

        var act = () => PopulationGenerator.Generate(options);

        act.Should().Throw<ArgumentException>().WithMessage(
            "Invalid population options: HonestAccounts: must be 0–1,000,000 (was -1); Days: must be 1–60 (was 0); AttackMix: 'made-up' must be a known variant with a weight ≥ 0 (was 1)");
    }
}
