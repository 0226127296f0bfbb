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
}
