using TakeoverRules.Detection;
using TakeoverRules.Testing.Simulation;

namespace TakeoverRules.Testing.Tests.Simulation;

public sealed class QualityReportTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2025, 3, 19, 10, 0, 0, TimeSpan.FromHours(9));

    /// <summary>Two attacked accounts (one test-order attack, one rotation) and two honest ones (one buys a thin stock).</summary>
    private static Scenario Mixed() =>
        Scenario.Create(Start)
            .Account("a1", CustomerProfile.Default with { HistoryWeeks = 0 }).Tagged("rotation").Holding(TestMarket.LiquidDomestic, 500)
            .ByAttacker().Login(fromNewDevice: true).SellAllHoldings().BuyUpToBuyingPower(TestMarket.ThinDomestic, orders: 2)
            .Account("a2", CustomerProfile.Default with { HistoryWeeks = 0 }).Tagged("test-order").Cash(1_000_000m)
            .ByAttacker().Login(fromNewDevice: true).Buy(TestMarket.ThinDomestic, amountJpy: 20_000m).After(TimeSpan.FromMinutes(30))
            .BuyUpToBuyingPower(TestMarket.ThinDomestic, orders: 1)
            .Account("h1", CustomerProfile.Default with { HistoryWeeks = 0 }).Tagged("speculator").Cash(500_000m)
            .Login().Buy(TestMarket.ThinDomestic, amountJpy: 100_000m)
            .Account("h2", CustomerProfile.Default with { HistoryWeeks = 0 }).Tagged("regular").Cash(500_000m)
            .Login().Buy(TestMarket.LiquidDomestic, quantity: 100)
            .Build();

    [Fact]
    public void Prevention_counts_the_first_fraudulent_buy_and_value_held_weighs_every_fraudulent_buy()
    {
        // Holds every thin buy above ¥50,000: the test order slips through, the rest is held; the honest speculator is held.
        var result = Mixed().Evaluate(e => new Decision(e.Id, e.Account, e.Time, e.Type,
            e is OrderEvent { Side: OrderSide.Buy, Symbol: "TSE:T001" } o && o.NotionalJpy > 50_000m ? DecisionKind.Hold
            : e is LoginEvent ? DecisionKind.Review : DecisionKind.Allow, 0, null));

        var report = QualityReport.Measure(result);

        report.AttackedAccounts.Should().Be(2);
        report.AttackedAccountsWithBuys.Should().Be(2);
        report.Prevented.Should().Be(1, "a2's first fraudulent buy was the ¥20,000 test order, which was allowed");
        report.PreventionRate.Should().Be(0.5);
        var fraudulentBuys = result.Events.Where(e => e.IsFraudulent && e.IsBuy).Select(e => ((OrderEvent)e.Event).NotionalJpy).ToList();
        report.FraudulentBuyValueJpy.Should().Be(fraudulentBuys.Sum());
        report.HeldBuyValueJpy.Should().Be(fraudulentBuys.Where(v => v > 50_000m).Sum());
        report.HonestAccounts.Should().Be(2);
        report.HonestAccountsHeld.Should().Be(1);
        report.FalseHoldsPer10K.Should().Be(5_000);
        report.HonestAccountsReviewed.Should().Be(2);
        report.ByTag.Select(t => (t.Tag, t.IsAttacked, t.Accounts, t.Stopped)).Should().Equal(
            ("rotation", true, 1, 1), ("test-order", true, 1, 0), ("regular", false, 1, 0), ("speculator", false, 1, 1));
    }

    [Fact]
    public void A_freeze_stops_every_later_fraudulent_buy_of_the_account()
    {
        var result = Mixed().Evaluate(e => new Decision(e.Id, e.Account, e.Time, e.Type,
            e is LoginEvent { Account: "a2" } ? DecisionKind.Freeze : DecisionKind.Allow, 0, null));

        var report = QualityReport.Measure(result);

        report.Prevented.Should().Be(1);
        var a2Buys = result.Events.Where(e => e.IsFraudulent && e.IsBuy && e.Event.Account == "a2").Sum(e => ((OrderEvent)e.Event).NotionalJpy);
        a2Buys.Should().BeGreaterThan(20_000m, "a2 placed the test order and a larger buy after it");
        var testOrder = report.ByTag.Single(t => t.Tag == "test-order");
        testOrder.BuyValueJpy.Should().Be(a2Buys);
        testOrder.StoppedBuyValueJpy.Should().Be(a2Buys, "every buy after the freeze is stopped, though its own decision allowed it");
        report.HeldBuyValueJpy.Should().Be(a2Buys, "a1 was never stopped");
    }

    [Fact]
    public void The_report_renders_as_text_and_markdown()
    {
        var report = QualityReport.Measure(Mixed().Evaluate(e => new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null)));

        report.ToString().Should().Contain("prevention rate (first fraudulent buy held)  0.0 % (0/2)");
        report.ToMarkdown().Should().StartWith("| measure | value |\n|---|---|\n").And.Contain("| rotation | attack | 1 | 0 | 0.0 % | 0 | 0.0 % |");
    }

    /// <summary>A small 30-day population with more attacks than a real one, so every variant is measured.</summary>
    private static readonly Lazy<Population> Population = new(() => PopulationGenerator.Generate(new PopulationOptions { Seed = 3, Accounts = 2_500, AttackShare = 0.06, Days = 30 }));

    /// <summary>
    /// Loose floors and ceilings that any working detector passes on the population and a degenerate one fails: it must stop
    /// most first fraudulent buys (not hold nothing) and hold few honest accounts (not hold everyone). The real bars are far
    /// stricter; they are the console's job (docs/testing.md).
    /// </summary>
    private static void ShouldBeAWorkingDetector(QualityReport report)
    {
        report.PreventionRate.Should().BeGreaterThan(0.5, "a detector must stop at least half of the takeovers' first fraudulent buys (detection v2 stops 54-64 % on this generator; the bar of issue 12 is 95 %)");
        report.FraudulentBuyValueHeldShare.Should().BeGreaterThan(0.6, "a detector must hold most fraudulent buy value");
        report.FalseHoldsPer10K.Should().BeLessThan(1_500, "a detector must not hold a large share of honest customers");
        report.HonestReviewedShare.Should().BeLessThan(0.8, "a detector must not send nearly every honest customer to review");
    }

    [Fact]
    public void The_detector_on_a_population_stops_most_attacks_and_holds_few_honest_accounts()
    {
        var population = Population.Value;

        var report = QualityReport.Measure(population.Scenario.Evaluate(), population);
        output.WriteLine(report.ToString());

        ShouldBeAWorkingDetector(report);
        report.HonestAccounts.Should().Be(population.Labels.Count(l => !l.IsAttacked));
        report.AttackedAccounts.Should().Be(population.Labels.Count(l => l.IsAttacked));
        report.ByTag.Where(t => t.IsAttacked).Select(t => t.Tag).Should().BeEquivalentTo(PopulationGenerator.AttackVariants);
        report.ByBehaviour.Select(b => b.Behaviour).Should().Equal([.. PopulationGenerator.HonestBehaviours, "none"]);
    }

    [Fact]
    public void A_detector_that_holds_nothing_or_holds_everyone_fails_the_check()
    {
        var population = Population.Value;
        Decision Always(AccountEvent e, DecisionKind kind) => new(e.Id, e.Account, e.Time, e.Type, kind, kind == DecisionKind.Allow ? 0 : 90, null);

        var nothing = QualityReport.Measure(population.Scenario.Evaluate(e => Always(e, DecisionKind.Allow)), population);
        var everyone = QualityReport.Measure(population.Scenario.Evaluate(e => Always(e, e is OrderEvent ? DecisionKind.Hold : DecisionKind.Allow)), population);
        var reviewAll = QualityReport.Measure(population.Scenario.Evaluate(e => Always(e, DecisionKind.Review)), population);

        FluentActions.Invoking(() => ShouldBeAWorkingDetector(nothing)).Should().Throw<Exception>();
        FluentActions.Invoking(() => ShouldBeAWorkingDetector(everyone)).Should().Throw<Exception>();
        FluentActions.Invoking(() => ShouldBeAWorkingDetector(reviewAll)).Should().Throw<Exception>();
        nothing.Bars.Where(b => b.Name.StartsWith("prevention", StringComparison.Ordinal)).Should().OnlyContain(b => !b.Met);
        everyone.Bars.Single(b => b.Name.StartsWith("false holds", StringComparison.Ordinal)).Met.Should().BeFalse();
        everyone.PreventionRate.Should().Be(1);
    }

    [Fact]
    public void Review_lines_duplicates_and_behaviours_are_counted_per_account()
    {
        var population = Population.Value;
        var result = population.Scenario.Evaluate(e => new Decision(e.Id, e.Account, e.Time, e.Type, e is LoginEvent ? DecisionKind.Review : DecisionKind.Allow, 0, null));

        var report = QualityReport.Measure(result, population);

        var honest = population.Labels.Where(l => !l.IsAttacked).Select(l => l.Account).ToHashSet();
        var reviewLines = population.Timeline.OfType<LoginEvent>().Where(l => honest.Contains(l.Account)).Count();
        report.HonestReviewLines.Should().Be(reviewLines, "every delivered login got a review, duplicates included, since this decision function ignores ids");
        var phones = report.ByBehaviour.Single(b => b.Behaviour == "new-phone");
        phones.Accounts.Should().Be(population.Labels.Count(l => !l.IsAttacked && l.Behaviours.Contains("new-phone")));
        report.ByBehaviour.Single(b => b.Behaviour == "none").Accounts.Should().Be(population.Labels.Count(l => !l.IsAttacked && !l.Behaviours.Except(PopulationGenerator.NoiseBehaviours).Any()));
    }
}
