using TakeoverRules.Detection;
using TakeoverRules.Testing.Simulation;
using Xunit.Abstractions;

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
        report.ByTag.Single(t => t.Tag == "test-order").StoppedBuyValueJpy.Should().Be(report.ByTag.Single(t => t.Tag == "test-order").BuyValueJpy);
    }

    [Fact]
    public void The_report_renders_as_text_and_markdown()
    {
        var report = QualityReport.Measure(Mixed().Evaluate(e => new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null)));

        report.ToString().Should().Contain("prevention rate (first fraudulent buy held)  0.0 % (0/2)");
        report.ToMarkdown().Should().StartWith("| measure | value |\n|---|---|\n").And.Contain("| rotation | attack | 1 | 0 | 0 | 0.0 % |");
    }

    [Fact]
    public void The_detector_on_a_small_population_yields_a_consistent_report()
    {
        // The full measurement (10,000 honest, 400 attacked) is the console runner; see docs/testing.md.
        var population = PopulationGenerator.Generate(new PopulationOptions { Seed = 3, HonestAccounts = 1_000, AttackedAccounts = 100 });

        var report = QualityReport.Measure(population.Evaluate());
        output.WriteLine(report.ToString());

        report.HonestAccounts.Should().Be(1_000);
        report.AttackedAccounts.Should().Be(100);
        report.Prevented.Should().BeLessThanOrEqualTo(report.AttackedAccountsWithBuys);
        report.HeldBuyValueJpy.Should().BeLessThanOrEqualTo(report.FraudulentBuyValueJpy);
        report.ByTag.Sum(t => t.Accounts).Should().Be(1_100);
    }
}
