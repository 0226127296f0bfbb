using TakeoverRules.Detection;
using TakeoverRules.Testing;

namespace TakeoverRules.Tests.Detection.Scenarios;

/// <summary>Hand-written stories told the way an analyst tells them, on the testing kit.</summary>
public sealed class RotationScenarioTests
{
    [Fact]
    public void A_new_device_abroad_that_sells_most_holdings_and_buys_a_thin_Hong_Kong_stock_is_held_before_the_first_buy()
    {
        var result = Scenario.Create()
            .Account("victim").Holding(TestMarket.LiquidDomestic, 400).Holding(TestMarket.MidCapDomestic, 1_000).Cash(100_000m)
            .ByAttacker()
            .Login(fromNewDevice: true, country: "VN")
            .After(TimeSpan.FromMinutes(2))
            .SellMostHoldings()
            .EnableForeignTrading()
            .BuyUpToBuyingPower(TestMarket.ThinHongKong, risingPrices: true)
            .Evaluate();

        result.Should().HoldOrder("buy-1")
            .And.Flag(IndicatorId.LiquidationBurst).WithEvidence("sell-1", "sell-2");
        result.Should().Flag(IndicatorId.UnfamiliarCountry).On("login-1");
        result.Should().Flag(IndicatorId.ThinInstrument).On("buy-1");
    }

    [Fact]
    public void The_same_customer_selling_and_buying_from_the_usual_phone_in_usual_hours_is_not_held()
    {
        var result = Scenario.Create()
            .Account("customer").Holding(TestMarket.LiquidDomestic, 400).Holding(TestMarket.MidCapDomestic, 1_000).Cash(100_000m)
            .Login()
            .After(TimeSpan.FromMinutes(2))
            .Sell(TestMarket.MidCapDomestic, quantity: 300)
            .After(TimeSpan.FromMinutes(5))
            .Buy(TestMarket.LiquidDomestic2, quantity: 100)
            .Evaluate();

        result.Should().NotHoldAnyOrder().And.HaveRiskAtMost("buy-1", 29);
    }

    [Fact]
    public void A_ramp_across_accounts_raises_the_risk_of_later_buyers_of_the_symbol()
    {
        var result = KnownScenarios.MultiAccountRamp().Evaluate();

        result.Should().Flag(IndicatorId.CrossAccountRamp).WithSeverityAtLeast(IndicatorSeverity.High);
        result.Should().HoldFirstFraudulentBuy();
    }

    [Fact]
    public void A_traveller_logging_in_from_abroad_on_the_usual_phone_is_reviewed_at_most_and_its_orders_pass()
    {
        var result = KnownScenarios.TravelAbroad().Evaluate();

        result.Should().Flag(IndicatorId.UnfamiliarCountry).On("login-1");
        result.Should().AllowOrder("sell-1").And.AllowOrder("buy-1");
    }

    [Fact]
    public void The_decisions_on_the_classic_rotation_match_the_golden_timeline()
    {
        // After an intended change of the detector's behaviour: UPDATE_GOLDEN=1 dotnet test tests/TakeoverRules.Tests --filter-method "*golden*", then review the diff.
        KnownScenarios.ClassicRotationAbroad().Evaluate().Should().MatchGoldenText("classic-rotation-abroad");
    }
}
