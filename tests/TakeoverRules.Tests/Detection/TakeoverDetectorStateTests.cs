using Microsoft.Extensions.DependencyInjection;
using TakeoverRules.Detection;

namespace TakeoverRules.Tests.Detection;

/// <summary>Event time, duplicates, late events, snapshots and configuration of <see cref="TakeoverDetector"/>.</summary>
public sealed class TakeoverDetectorStateTests
{
    private static TakeoverDetector NewDetector(DetectorOptions? options = null) => new(options ?? new DetectorOptions(), Market.Instruments);

    [Fact]
    public void A_late_event_within_the_grace_is_applied()
    {
        var detector = NewDetector();
        var timeline = new Timeline("late").HonestHistory();
        foreach (var e in timeline.Events)
        {
            detector.Evaluate(e);
        }

        var late = new OrderEvent("late-1", timeline.Now.AddMinutes(-9), "late", "o", OrderSide.Buy, Market.Toyota, 100, OrderType.Market, 300_000m);

        detector.Evaluate(late).Status.Should().Be(DecisionStatus.Evaluated);
    }

    [Fact]
    public void An_event_older_than_the_grace_is_rejected_with_a_reason_and_changes_nothing()
    {
        var detector = NewDetector();
        var timeline = new Timeline("late").HonestHistory();
        foreach (var e in timeline.Events)
        {
            detector.Evaluate(e);
        }

        var before = detector.SnapshotAccount("late");
        var late = new LoginEvent("late-1", timeline.Now.AddMinutes(-30), "late", true, "198.51.100.1", "other", AuthMethod.Password, LoginChannel.Web);

        var decision = detector.Evaluate(late);

        decision.Status.Should().Be(DecisionStatus.TooLate);
        decision.IsReportable.Should().BeFalse();
        decision.RejectionReason.Should().Contain("30 min before the account's latest event").And.Contain("grace is 10 min");
        detector.SnapshotAccount("late").Should().Equal(before);
    }

    [Fact]
    public void A_duplicate_id_is_reported_as_a_duplicate()
    {
        var detector = NewDetector();
        var login = new LoginEvent("dup", DateTimeOffset.Parse("2025-03-01T10:00:00+09:00", System.Globalization.CultureInfo.InvariantCulture), "a", true, "1.2.3.4", "d", AuthMethod.Sms, LoginChannel.App);

        detector.Evaluate(login).Status.Should().Be(DecisionStatus.Evaluated);
        var again = detector.Evaluate(login);

        again.Status.Should().Be(DecisionStatus.Duplicate);
        again.RejectionReason.Should().Contain("duplicate");
    }

    [Fact]
    public void Every_evaluated_order_is_reportable_and_a_quiet_login_is_not()
    {
        var detector = NewDetector();
        var timeline = new Timeline("r").Login().After(TimeSpan.FromMinutes(1)).Buy(Market.Toyota, 100_000m);

        var decisions = timeline.Events.Select(detector.Evaluate).ToList();

        decisions[0].IsReportable.Should().BeFalse();
        decisions[1].IsReportable.Should().BeTrue();
        decisions[1].Indicators.Should().BeEmpty();
    }

    [Fact]
    public void A_snapshot_taken_under_another_configuration_is_refused()
    {
        var detector = NewDetector();
        detector.Evaluate(new Timeline("a").Login().Last);
        var snapshot = detector.SnapshotAccount("a")!;
        var other = NewDetector(new DetectorOptions { HoldThreshold = 61 });

        var restore = () => other.RestoreAccount("a", snapshot);

        restore.Should().Throw<DetectorSnapshotException>().WithMessage($"*configuration {detector.ConfigurationHash}*{other.ConfigurationHash}*");
        other.ConfigurationHash.Should().NotBe(detector.ConfigurationHash);
    }

    [Fact]
    public void A_truncated_snapshot_is_refused_with_a_typed_error()
    {
        var detector = NewDetector();
        detector.Evaluate(new Timeline("a").Login().Last);
        var snapshot = detector.SnapshotAccount("a")!;

        var restore = () => NewDetector().RestoreAccount("a", snapshot.AsSpan(0, snapshot.Length / 2));
        var garbage = () => NewDetector().RestoreAccount("a", "not a snapshot"u8);

        restore.Should().Throw<DetectorSnapshotException>().WithMessage("snapshot of account a is corrupt*");
        garbage.Should().Throw<DetectorSnapshotException>().WithMessage("*not a TakeoverRules detector snapshot*");
    }

    [Fact]
    public void Per_account_state_stays_within_1408_bytes_on_the_wire()
    {
        var detector = NewDetector();
        var timeline = new Timeline("size-account-with-a-long-identifier").HonestHistory(days: 60)
            .At(61, 3, 0).Login("attacker-device-fingerprint-0123456789", "198.51.100.3", "AS14061", "NL", hosting: true)
            .After(TimeSpan.FromMinutes(2)).Setting(AccountSetting.LoginNotifications, enabled: false)
            .After(TimeSpan.FromMinutes(2)).Setting(AccountSetting.Email)
            .After(TimeSpan.FromMinutes(2)).Sell(Market.Toyota, 5_000_000m)
            .After(TimeSpan.FromMinutes(2)).Buy(Market.HkPenny, 1_000_000m, price: 0.6m);
        foreach (var e in timeline.Events)
        {
            detector.Evaluate(e);
        }

        // About 1 KB before detection v2; the per-customer behaviour profiles (now and at the start of the run, 2 × 68 B),
        // eight traded-symbol slots (33 B) and the login's weighed evidence (40 B) add about 180 B; the event times of the
        // 16 ids that are always remembered (issue 13 item 11) another 128 B.
        detector.SnapshotAccount(timeline.Account)!.Length.Should().BeLessThan(1408);
    }

    [Fact]
    public void A_busy_accounts_duplicate_memory_is_bounded_by_MaxDuplicateIds_at_16_bytes_an_id()
    {
        static int SnapshotLength(TimeSpan apart)
        {
            var detector = NewDetector();
            var timeline = new Timeline("busy");
            for (var i = 0; i < 1000; i++)
            {
                timeline.After(apart).Login();
            }

            detector.Learn(timeline.Events);
            return detector.SnapshotAccount("busy")!.Length;
        }

        var options = new DetectorOptions();
        var quiet = SnapshotLength(TimeSpan.FromHours(2));
        var busy = SnapshotLength(TimeSpan.FromSeconds(3));

        // 1,000 logins in 50 minutes are all within the 60-minute window, but only the newest MaxDuplicateIds are kept.
        busy.Should().Be(quiet + ((options.MaxDuplicateIds - options.DuplicateWindow) * 16));
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_problem_named()
    {
        var create = () => NewDetector(new DetectorOptions { ReviewThreshold = 70, FreezeThreshold = 50, LiquidationShare = 1.5, HomeCountry = "jp", DuplicateWindow = 2 });

        create.Should().Throw<TakeoverRulesOptionsException>()
            .Which.Errors.Should().Contain(e => e.StartsWith("Detection.FreezeThreshold:", StringComparison.Ordinal))
            .And.Contain("Detection.LiquidationShare: must be between 0.01 and 1 (was 1.5)")
            .And.Contain(e => e.StartsWith("Detection.HomeCountry:", StringComparison.Ordinal))
            .And.Contain(e => e.StartsWith("Detection.DuplicateWindow:", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_changed_after_creation_do_not_affect_the_detector()
    {
        var options = new DetectorOptions();
        var detector = NewDetector(options);
        var hash = detector.ConfigurationHash;

        options.HoldThreshold = 99;

        detector.ConfigurationHash.Should().Be(hash);
    }

    [Fact]
    public void AddTakeoverRules_registers_one_detector_using_the_hosts_instruments()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IInstrumentSource>(Market.Instruments);
        services.AddTakeoverRules(o => o.Detection.HoldThreshold = 61);
        using var provider = services.BuildServiceProvider();

        var detector = provider.GetRequiredService<TakeoverDetector>();

        detector.Should().BeSameAs(provider.GetRequiredService<TakeoverDetector>());
        detector.ConfigurationHash.Should().Be(NewDetector(new DetectorOptions { HoldThreshold = 61 }).ConfigurationHash);
    }

    [Fact]
    public void Invalid_detection_options_fail_AddTakeoverRules()
    {
        var add = () => new ServiceCollection().AddTakeoverRules(o => o.Detection.FreezeThreshold = 0);

        add.Should().Throw<TakeoverRulesOptionsException>().WithMessage("*Detection.FreezeThreshold*");
    }
}
