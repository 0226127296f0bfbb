using TakeoverRules.Detection;

namespace TakeoverRules.Tests.Detection.Regressions;

/// <summary>Issue 13, items 1 and 2: no single event can switch an account's detection off or leave half a trace.</summary>
public sealed class PoisonedInputTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static TakeoverDetector NewDetector() => new(new DetectorOptions(), Market.Instruments, new FixedClock(Now));

    private static Timeline Attack(string account) => new Timeline(account).HonestHistory()
        .At(21, 3, 0).Login("attacker", "198.51.100.9", "AS9009", "VN", hosting: true)
        .After(TimeSpan.FromMinutes(2)).Setting(AccountSetting.LoginNotifications, enabled: false)
        .After(TimeSpan.FromMinutes(3)).Sell(Market.Toyota, 5_000_000m)
        .After(TimeSpan.FromMinutes(3)).Buy(Market.HkPenny, 5_000_000m, price: 0.6m, buyingPower: 5_200_000m);

    [Fact]
    public void A_far_future_event_is_refused_and_does_not_switch_the_accounts_detection_off()
    {
        var detector = NewDetector();
        var poison = new LoginEvent("poison", new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero), "victim", false, "198.51.100.1", "x", AuthMethod.Password, LoginChannel.Web);

        var refused = detector.Evaluate(poison);
        var decisions = Attack("victim").Events.Select(detector.Evaluate).ToList();

        refused.Status.Should().Be(DecisionStatus.TooEarly);
        refused.RejectionReason.Should().Contain("after now");
        decisions.Should().OnlyContain(d => d.Status == DecisionStatus.Evaluated);
        decisions[^1].Kind.Should().BeOneOf(DecisionKind.Hold, DecisionKind.Freeze);
    }

    [Fact]
    public void An_event_within_a_day_of_now_is_still_applied()
    {
        var detector = NewDetector();
        var login = new LoginEvent("skewed", Now.AddHours(23), "victim", true, "203.0.113.7", "iphone-1", AuthMethod.Password, LoginChannel.App);

        detector.Evaluate(login).Status.Should().Be(DecisionStatus.Evaluated);
    }

    [Fact]
    public void An_order_without_a_symbol_is_refused_naming_the_field_and_its_corrected_retry_is_judged()
    {
        var detector = NewDetector();
        var timeline = Attack("victim");
        foreach (var e in timeline.Events.SkipLast(1))
        {
            detector.Evaluate(e);
        }

        var buy = (OrderEvent)timeline.Events[^1];
        var broken = buy with { Symbol = null! };

        var refuse = () => detector.Evaluate(broken);

        refuse.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("symbol");
        var retry = detector.Evaluate(buy);
        retry.Status.Should().Be(DecisionStatus.Evaluated, "the refused event left no trace, not even its id");
        retry.Kind.Should().BeOneOf(DecisionKind.Hold, DecisionKind.Freeze);
    }
    private static TakeoverDetector Warmed(string account, out Timeline timeline, DetectorOptions? options = null)
    {
        var detector = new TakeoverDetector(options ?? new DetectorOptions(), Market.Instruments, new FixedClock(Now));
        timeline = new Timeline(account).HonestHistory();
        foreach (var e in timeline.Events)
        {
            detector.Evaluate(e);
        }

        return detector;
    }

    [Fact]
    public void A_late_order_is_not_silently_allowed_it_is_reviewed_reported_and_changes_nothing()
    {
        var detector = Warmed("late", out var timeline);
        var before = detector.SnapshotAccount("late");
        var late = new OrderEvent("late-buy", timeline.Now.AddMinutes(-30), "late", "o", OrderSide.Buy, Market.HkPenny, 100_000, OrderType.Market, 5_000_000m);

        var decision = detector.Evaluate(late);

        decision.Status.Should().Be(DecisionStatus.TooLate);
        decision.Kind.Should().Be(DecisionKind.Review, "an order that was not judged is never a silent allow");
        decision.IsReportable.Should().BeTrue("every order gets a decision line, judged or not");
        decision.RejectionReason.Should().Contain("30 min before the account's latest event");
        detector.SnapshotAccount("late").Should().Equal(before, "a rejected order leaves no trace");
    }

    [Fact]
    public void A_host_may_let_late_orders_through_as_allow_and_they_are_still_reported()
    {
        var detector = Warmed("late", out var timeline, new DetectorOptions { LateOrderDecision = DecisionKind.Allow });
        var late = new OrderEvent("late-buy", timeline.Now.AddMinutes(-30), "late", "o", OrderSide.Buy, Market.Toyota, 100, OrderType.Market, 300_000m);

        var decision = detector.Evaluate(late);

        decision.Status.Should().Be(DecisionStatus.TooLate);
        decision.Kind.Should().Be(DecisionKind.Allow);
        decision.IsReportable.Should().BeTrue();
    }

    [Fact]
    public void A_too_early_order_is_reviewed_and_does_not_advance_the_accounts_clock()
    {
        var detector = Warmed("early", out var timeline);
        var before = detector.SnapshotAccount("early");
        var early = new OrderEvent("early-buy", Now.AddDays(3), "early", "o", OrderSide.Buy, Market.Toyota, 100, OrderType.Market, 300_000m);

        var decision = detector.Evaluate(early);
        var snapshot = detector.SnapshotAccount("early");
        var next = detector.Evaluate(new OrderEvent("next-buy", timeline.Now.AddMinutes(1), "early", "o2", OrderSide.Buy, Market.Toyota, 100, OrderType.Market, 300_000m));

        decision.Status.Should().Be(DecisionStatus.TooEarly);
        decision.Kind.Should().Be(DecisionKind.Review);
        decision.IsReportable.Should().BeTrue();
        snapshot.Should().Equal(before, "a refused event moves nothing, the account's event time included");
        next.Status.Should().Be(DecisionStatus.Evaluated);
    }

    [Fact]
    public void A_late_login_still_gets_no_decision_line()
    {
        var detector = Warmed("late", out var timeline);

        var decision = detector.Evaluate(new LoginEvent("late-login", timeline.Now.AddMinutes(-30), "late", true, "198.51.100.1", "other", AuthMethod.Password, LoginChannel.Web));

        decision.Status.Should().Be(DecisionStatus.TooLate);
        decision.Kind.Should().Be(DecisionKind.Allow);
        decision.IsReportable.Should().BeFalse();
    }

    [Theory]
    [InlineData(DecisionKind.Hold)]
    [InlineData(DecisionKind.Freeze)]
    public void Late_orders_can_only_be_allowed_or_reviewed(DecisionKind kind)
    {
        var create = () => new TakeoverDetector(new DetectorOptions { LateOrderDecision = kind }, Market.Instruments);

        create.Should().Throw<TakeoverRulesOptionsException>().Which.Message.Should().Contain("Detection.LateOrderDecision:");
    }

    [Fact]
    public void The_late_order_decision_is_part_of_the_configuration_hash()
    {
        var review = new TakeoverDetector(new DetectorOptions(), Market.Instruments);
        var allow = new TakeoverDetector(new DetectorOptions { LateOrderDecision = DecisionKind.Allow }, Market.Instruments);

        allow.ConfigurationHash.Should().NotBe(review.ConfigurationHash);
    }
}
