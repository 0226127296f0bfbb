using System.Buffers.Binary;
using TakeoverRules.Detection;

namespace TakeoverRules.Tests.Detection.Regressions;

/// <summary>Issue 13, item 11: a redelivery is recognised by a time window of ids, not only the last few, and memory stays bounded.</summary>
public sealed class LateRedeliveryTests
{
    private static TakeoverDetector NewDetector(DetectorOptions? options = null) => new(options ?? new DetectorOptions(), Market.Instruments);

    /// <summary>An honest history, then one buy followed by <paramref name="later"/> logins a few seconds apart.</summary>
    private static (Timeline Timeline, AccountEvent Buy) BuyThenBusyMinutes(string account, int later, TimeSpan span)
    {
        var timeline = new Timeline(account).HonestHistory().After(TimeSpan.FromHours(2)).Buy(Market.Toyota, 300_000m);
        var buy = timeline.Events[^1];
        for (var i = 0; i < later; i++)
        {
            timeline.After(span / later).Login();
        }

        return (timeline, buy);
    }

    [Fact]
    public void A_redelivery_15_minutes_late_after_many_later_events_is_ignored_as_a_duplicate()
    {
        var detector = NewDetector();
        var (timeline, buy) = BuyThenBusyMinutes("busy", later: 40, TimeSpan.FromMinutes(15));
        foreach (var e in timeline.Events)
        {
            detector.Evaluate(e);
        }

        var before = detector.SnapshotAccount("busy");
        var again = detector.Evaluate(buy);

        again.Status.Should().Be(DecisionStatus.Duplicate, "40 later events and 15 minutes are well within the 60-minute window");
        again.IsReportable.Should().BeFalse("a duplicate never gets a second decision line");
        detector.SnapshotAccount("busy").Should().Equal(before);
    }

    [Fact]
    public void The_window_is_the_later_of_the_minutes_and_the_last_ids_and_the_cap_bounds_it()
    {
        var options = new DetectorOptions { DuplicateWindow = 16, DuplicateWindowMinutes = 60, MaxDuplicateIds = 32 };
        var detector = NewDetector(options);
        var (timeline, buy) = BuyThenBusyMinutes("cap", later: 40, TimeSpan.FromMinutes(15));
        foreach (var e in timeline.Events)
        {
            detector.Evaluate(e);
        }

        detector.Evaluate(timeline.Events[^20]).Status.Should().Be(DecisionStatus.Duplicate, "the 32 newest ids are remembered");
        detector.Evaluate(buy).Status.Should().NotBe(DecisionStatus.Duplicate, "the cap of 32 ids forgot the 41st newest");
    }

    [Fact]
    public void Ids_older_than_the_window_are_forgotten_but_the_last_ones_are_always_kept()
    {
        var detector = NewDetector(new DetectorOptions { DuplicateWindow = 8, DuplicateWindowMinutes = 60 });
        var (timeline, _) = BuyThenBusyMinutes("slow", later: 30, TimeSpan.FromHours(45));
        foreach (var e in timeline.Events)
        {
            detector.Evaluate(e);
        }

        var small = detector.SnapshotAccount("slow")!.Length;
        detector.Evaluate(timeline.Events[^8]).Status.Should().Be(DecisionStatus.Duplicate, "the last 8 ids are kept whatever their age");
        detector.Evaluate(timeline.Events[^9]).Status.Should().Be(DecisionStatus.TooLate, "an hour and a half apart, the 9th newest is outside both the window and the last 8");
        var busy = NewDetector(new DetectorOptions { DuplicateWindow = 8, DuplicateWindowMinutes = 60 });
        foreach (var e in BuyThenBusyMinutes("slow", later: 30, TimeSpan.FromMinutes(30)).Timeline.Events)
        {
            busy.Evaluate(e);
        }

        busy.SnapshotAccount("slow")!.Length.Should().Be(small + (31 - 8) * 16, "each id within the window costs 16 bytes of state");
    }

    [Fact]
    public void The_remembered_ids_and_their_times_survive_a_snapshot()
    {
        var (timeline, buy) = BuyThenBusyMinutes("moved", later: 40, TimeSpan.FromMinutes(15));
        var first = NewDetector();
        foreach (var e in timeline.Events)
        {
            first.Evaluate(e);
        }

        var second = NewDetector();
        second.RestoreAccount("moved", first.SnapshotAccount("moved"));

        second.Evaluate(buy).Status.Should().Be(DecisionStatus.Duplicate);
        second.SnapshotAccount("moved").Should().Equal(first.SnapshotAccount("moved"));
    }

    [Fact]
    public void A_snapshot_of_the_previous_version_is_refused()
    {
        var detector = NewDetector();
        detector.Evaluate(new Timeline("old").Login().Events[0]);
        var snapshot = detector.SnapshotAccount("old")!;
        BinaryPrimitives.WriteInt32LittleEndian(snapshot.AsSpan(4), 4);

        var restore = () => detector.RestoreAccount("old", snapshot);

        restore.Should().Throw<DetectorSnapshotException>().WithMessage("*snapshot version 4 is not supported*");
    }

    [Theory]
    [InlineData(5, 10, 256, "Detection.DuplicateWindowMinutes:")]
    [InlineData(60, 10, 8, "Detection.MaxDuplicateIds:")]
    public void The_window_must_cover_the_grace_and_the_cap_the_last_ids(int minutes, int grace, int cap, string named)
    {
        var create = () => NewDetector(new DetectorOptions { DuplicateWindowMinutes = minutes, LateEventGraceMinutes = grace, MaxDuplicateIds = cap });

        create.Should().Throw<TakeoverRulesOptionsException>().Which.Message.Should().Contain(named);
    }
}
