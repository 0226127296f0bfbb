using TakeoverRules.Detection;
using Xunit.Sdk;

namespace TakeoverRules.Testing.Tests;

/// <summary>
/// The assertions are tested against a scripted decider, so that their behaviour and messages do not move with the
/// detector's tuning: buys of the thin stock are held with a rotation indicator citing the sells, everything else is allowed.
/// </summary>
public sealed class ScenarioResultAssertionsTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 19, 10, 0, 0, TimeSpan.FromHours(9));

    private static Scenario Rotation() =>
        Scenario.Create(Start)
            .Account("victim", CustomerProfile.Default with { HistoryWeeks = 0 })
            .Holding(TestMarket.LiquidDomestic, 300).Holding(TestMarket.MidCapDomestic, 200).Cash(50_000m)
            .ByAttacker()
            .Login(fromNewDevice: true, country: "VN", hosting: true)
            .After(TimeSpan.FromMinutes(2)).SellAllHoldings()
            .BuyUpToBuyingPower(TestMarket.ThinDomestic, risingPrices: true, orders: 2)
            .Build();

    private static Decision Scripted(AccountEvent e) => e switch
    {
        OrderEvent { Side: OrderSide.Buy, Symbol: "TSE:T001" } o => new Decision(o.Id, o.Account, o.Time, o.Type, DecisionKind.Hold, 80,
            [new IndicatorHit(IndicatorId.SellToBuyRotation, IndicatorSeverity.Medium, 15, ["sell-1", "sell-2", o.Id], 1.0, 0.3) { Minutes = 1 }]),
        LoginEvent l => new Decision(l.Id, l.Account, l.Time, l.Type, DecisionKind.Review, 45,
            [new IndicatorHit(IndicatorId.HostingNetwork, IndicatorSeverity.Medium, 20, [l.Id], 1, 1) { Subject = l.Asn }]),
        _ => new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null),
    };

    private static ScenarioResult Result() => Rotation().Evaluate(Scripted);

    [Fact]
    public void Held_orders_pass_HoldOrder_and_allowed_ones_pass_AllowOrder()
    {
        var result = Result();

        result.Should().HoldOrder("buy-1").And.HoldOrder("buy-2").And.AllowOrder("sell-1").And.Decide("login-1", DecisionKind.Review);
        result.Should().HaveRiskAtLeast("buy-1", 80).And.HaveRiskAtMost("sell-1", 0).And.HoldFirstFraudulentBuy();
    }

    [Fact]
    public void Flag_narrows_to_the_event_and_the_evidence_it_cites()
    {
        var result = Result();

        result.Should().Flag(IndicatorId.SellToBuyRotation).On("buy-2").WithEvidence("sell-1", "sell-2")
            .Which.Points.Should().Be(15);
        result.Should().NotFlag(IndicatorId.LiquidationBurst);
    }

    [Fact]
    public void Fills_of_held_orders_are_not_delivered_to_the_detector()
    {
        var delivered = new List<string>();
        var result = Rotation().Evaluate(e =>
        {
            delivered.Add(e.Id);
            return Scripted(e);
        });

        delivered.Should().Contain("sell-1-fill").And.NotContain("buy-1-fill");
        result["buy-1-fill"].Decision.Should().BeNull();
    }

    [Fact]
    public void A_failing_assertion_explains_itself_with_the_timeline_of_every_event_and_decision()
    {
        var result = Result();

        var act = () => result.Should().AllowOrder("buy-1", "the customer {0} it", "placed");

        act.Should().Throw<XunitException>().Which.Message.ReplaceLineEndings("\n").Should().Be(
            """
            Expected result to allow order "buy-1" because the customer placed it, but it was Hold with risk 80.

            Timeline:
            2025-03-19 (JST)
              07:00:00  victim   open:victim  portfolio 2 positions ¥1,130,000, cash ¥50,000, buying power ¥50,000  => Allow risk 0
              10:00:00  victim ! login-1      login ok device victim-device1 from VN AS64800 hosting via web/sms  => Review risk 45
                  HostingNetwork (Medium, +20): login from a hosting, VPN or proxy address (AS64800) [evidence: login-1]
              10:02:30  victim ! sell-1       sell 300 TSE:L001 @ 2800 = ¥840,000 (buying power ¥50,000)  => Allow risk 0
              10:02:32  victim ! sell-1-fill  fill sell-1 300 @ 2800 = ¥840,000  => Allow risk 0
              10:03:10  victim ! sell-2       sell 200 TSE:M001 @ 1450 = ¥290,000 (buying power ¥890,000)  => Allow risk 0
              10:03:12  victim ! sell-2-fill  fill sell-2 200 @ 1450 = ¥290,000  => Allow risk 0
              10:03:50  victim ! buy-1        buy 6,800 TSE:T001 @ 84 = ¥571,200 (buying power ¥1,180,000)  => Hold risk 80
                  SellToBuyRotation (Medium, +15): buy placed 1 min after selling 100% of holdings (threshold 30%) [evidence: sell-1, sell-2, buy-1]
              10:03:52  victim ! buy-1-fill   fill buy-1 6,800 @ 84 = ¥571,200  => not executed (order held or account frozen)
              10:04:30  victim ! buy-2        buy 6,600 TSE:T001 @ 86 = ¥567,600 (buying power ¥608,800)  => Hold risk 80
                  SellToBuyRotation (Medium, +15): buy placed 1 min after selling 100% of holdings (threshold 30%) [evidence: sell-1, sell-2, buy-2]
              10:04:32  victim ! buy-2-fill   fill buy-2 6,600 @ 86 = ¥567,600  => not executed (order held or account frozen)

            """);
    }

    [Fact]
    public void Each_assertion_fails_with_a_message_naming_what_was_expected_and_what_happened()
    {
        var result = Result();

        Message(() => result.Should().HoldOrder("sell-1")).Should().StartWith("Expected result to hold order \"sell-1\", but it was Allow with risk 0.");
        Message(() => result.Should().NotHoldAnyOrder()).Should().StartWith("Expected result not to hold any order, but it stopped \"buy-1\", \"buy-2\".");
        Message(() => result.Should().FreezeAccountBefore("buy-1")).Should().StartWith("Expected result to freeze account \"victim\" before order \"buy-1\", but no event up to it was frozen (the order was Hold with risk 80).");
        Message(() => result.Should().HaveRiskAtLeast("login-1", 50)).Should().StartWith("Expected result to give \"login-1\" a risk of at least 50, but it was Review with risk 45.");
        Message(() => result.Should().Flag(IndicatorId.LiquidationBurst)).Should().StartWith("Expected result to flag LiquidationBurst, but no decision cites it.");
        Message(() => result.Should().Flag(IndicatorId.SellToBuyRotation).WithEvidence("login-1")).Should().StartWith(
            "Expected result to flag SellToBuyRotation with evidence [login-1], but it cited [sell-1, sell-2, buy-1] on \"buy-1\" / [sell-1, sell-2, buy-2] on \"buy-2\".");
        Message(() => result.Should().HoldOrder("buy-9")).Should().StartWith("Expected result to contain event \"buy-9\", but it has no such event.");
        Message(() => result.Should().HoldOrder("login-1")).Should().StartWith("Expected \"login-1\" to be an order, but it is a Login event.");
    }

    [Fact]
    public void Freezing_the_account_before_a_buy_satisfies_FreezeAccountBefore_and_stops_later_fills()
    {
        var result = Rotation().Evaluate(e => e is LoginEvent
            ? new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Freeze, 95, null)
            : new Decision(e.Id, e.Account, e.Time, e.Type, DecisionKind.Allow, 0, null));

        result.Should().FreezeAccountBefore("buy-2");
        Message(() => result.Should().NotFreezeAnyAccount()).Should().StartWith("Expected result not to freeze any account, but it froze on \"login-1\".");
        result.Events.Where(e => e.Event is ExecutionEvent).Should().OnlyContain(e => e.Decision == null);
    }

    [Fact]
    public void Text_and_json_golden_files_pin_the_rendered_decisions()
    {
        var result = Result();

        result.Should().MatchGoldenText("scripted-rotation").And.MatchGoldenJson("scripted-rotation");
    }

    [Fact]
    public void A_golden_mismatch_fails_naming_the_first_differing_line_and_how_to_update()
    {
        var folder = Directory.CreateTempSubdirectory("golden");
        var path = Path.Combine(folder.FullName, "g.txt");
        File.WriteAllText(path, "line 1\nline 2\n");

        var problem = GoldenFile.Compare(path, "line 1\nline two\n");

        problem.Should().Be($"The output differs from golden file {path} at line 2:\n  expected: line 2\n  actual:   line two\n" +
            $"The actual output was written to {Path.Combine(folder.FullName, "g.received.txt")}. If the change is intended, run the tests with UPDATE_GOLDEN=1 (or copy {Path.Combine(folder.FullName, "g.received.txt")} over {path}) and review the diff.");
        File.ReadAllText(Path.Combine(folder.FullName, "g.received.txt")).Should().Be("line 1\nline two\n");
        GoldenFile.Compare(path, "line 1\r\nline 2\r\n").Should().BeNull("line ends are normalised");
        File.Exists(Path.Combine(folder.FullName, "g.received.txt")).Should().BeFalse("a match removes the received file");
        folder.Delete(recursive: true);
    }

    private static string Message(Action act)
    {
        var e = Record.Exception(act);
        e.Should().BeOfType<XunitException>();
        return e!.Message.ReplaceLineEndings("\n");
    }
}
