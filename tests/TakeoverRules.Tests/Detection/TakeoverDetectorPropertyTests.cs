using CsCheck;
using TakeoverRules.Detection;

namespace TakeoverRules.Tests.Detection;

/// <summary>Properties of the detector's state handling, checked on random mixed event streams.</summary>
public sealed class TakeoverDetectorPropertyTests
{
    private static TakeoverDetector NewDetector() => new(new DetectorOptions(), Market.Instruments);

    private static List<Decision> RunAll(TakeoverDetector detector, IEnumerable<AccountEvent> events) => events.Select(detector.Evaluate).ToList();

    [Fact]
    public void Replaying_the_same_events_gives_the_same_decisions()
    {
        RandomEvents.Stream().Sample(events =>
            RunAll(NewDetector(), events).SequenceEqual(RunAll(NewDetector(), events)), iter: 200);
    }

    [Fact]
    public void A_redelivered_event_is_ignored_and_changes_nothing()
    {
        RandomEvents.Stream(150).Select(Gen.Int[0, 1000]).Sample((events, pick) =>
        {
            var original = RunAll(NewDetector(), events);
            var at = pick % events.Count;
            var withDuplicate = new List<AccountEvent>(events);
            withDuplicate.Insert(at + 1, events[at]);
            var replayed = RunAll(NewDetector(), withDuplicate);

            var duplicate = replayed[at + 1];
            replayed.RemoveAt(at + 1);
            var expectedStatus = original[at].Status == DecisionStatus.Evaluated ? DecisionStatus.Duplicate : original[at].Status;
            return duplicate.Status == expectedStatus && replayed.SequenceEqual(original);
        }, iter: 200);
    }

    [Fact]
    public void Snapshot_and_restore_of_the_whole_state_continues_exactly_like_an_uninterrupted_replay()
    {
        RandomEvents.Stream().Select(Gen.Int[0, 1000]).Sample((events, pick) =>
        {
            var split = pick % (events.Count + 1);
            var expected = RunAll(NewDetector(), events).Skip(split);

            var first = NewDetector();
            RunAll(first, events.Take(split));
            using var stream = new MemoryStream();
            first.SaveState(stream);
            stream.Position = 0;
            var second = NewDetector();
            second.LoadState(stream);

            return RunAll(second, events.Skip(split)).SequenceEqual(expected);
        }, iter: 200);
    }

    [Fact]
    public void Learning_a_history_then_judging_the_rest_decides_like_judging_everything()
    {
        RandomEvents.Stream().Select(Gen.Int[0, 1000]).Sample((events, pick) =>
        {
            var split = pick % (events.Count + 1);
            var expected = RunAll(NewDetector(), events).Skip(split);

            var warm = NewDetector();
            var learned = warm.Learn(events.Take(split));

            return learned <= split && RunAll(warm, events.Skip(split)).SequenceEqual(expected);
        }, iter: 200);
    }

    [Fact]
    public void Learning_reports_a_redelivered_event_as_a_duplicate_and_does_not_count_it()
    {
        RandomEvents.Stream(100).Sample(events =>
        {
            var detector = NewDetector();
            var first = detector.Learn(events);
            return detector.Learn(events) == 0 && first > 0;
        }, iter: 100);
    }

    [Fact]
    public void Per_account_and_per_symbol_snapshots_move_state_to_another_detector()
    {
        RandomEvents.Stream().Select(Gen.Int[0, 1000]).Sample((events, pick) =>
        {
            var split = pick % (events.Count + 1);
            var expected = RunAll(NewDetector(), events).Skip(split);

            var first = NewDetector();
            RunAll(first, events.Take(split));
            var second = NewDetector();
            foreach (var account in events.Take(split).Select(e => e.Account).Distinct())
            {
                second.RestoreAccount(account, first.SnapshotAccount(account));
            }

            foreach (var symbol in events.OfType<OrderEvent>().Select(o => o.Symbol).Distinct())
            {
                if (first.SnapshotSymbol(symbol) is { } snapshot)
                {
                    second.RestoreSymbol(symbol, snapshot);
                }
            }

            return RunAll(second, events.Skip(split)).SequenceEqual(expected);
        }, iter: 200);
    }

    [Fact]
    public void Decisions_do_not_depend_on_how_the_stream_is_chunked()
    {
        RandomEvents.Stream().Select(Gen.Int[1, 40].Array[1, 20]).Sample((events, chunks) =>
        {
            var expected = RunAll(NewDetector(), events);

            var chunked = NewDetector();
            var actual = new List<Decision>();
            var offset = 0;
            for (var c = 0; offset < events.Count; c++)
            {
                var length = Math.Min(chunks[c % chunks.Length], events.Count - offset);
                var buffer = new Decision[length];
                chunked.Evaluate(events.ToArray().AsSpan(offset, length), buffer);
                actual.AddRange(buffer);
                offset += length;
            }

            var streamed = NewDetector().EvaluateAll(events).ToList();
            return actual.SequenceEqual(expected) && streamed.SequenceEqual(expected);
        }, iter: 100);
    }

    [Fact]
    public async Task The_async_stream_gives_the_same_decisions_as_the_synchronous_one()
    {
        var events = RandomEvents.Stream(minLength: 100).Single();
        var expected = RunAll(NewDetector(), events);
        var actual = new List<Decision>();
        await foreach (var decision in NewDetector().EvaluateAllAsync(events.ToAsyncEnumerable(), TestContext.Current.CancellationToken))
        {
            actual.Add(decision);
        }

        actual.Should().Equal(expected);
    }

    [Fact]
    public void Random_streams_reach_the_indicators_the_properties_rely_on()
    {
        // Guards the generator: properties over streams where nothing fires would prove little.
        var fired = new HashSet<IndicatorId>();
        RandomEvents.Stream().Sample(events =>
        {
            var ids = RunAll(NewDetector(), events).SelectMany(d => d.Indicators).Select(i => i.Id).ToList();

            // Sample runs on several threads at once.
            lock (fired)
            {
                fired.UnionWith(ids);
            }
        }, iter: 200);

        fired.Should().Contain([IndicatorId.UnfamiliarDevice, IndicatorId.HostingNetwork, IndicatorId.ThinInstrument,
            IndicatorId.LiquidationBurst, IndicatorId.SellToBuyRotation, IndicatorId.WithdrawalAfterRisk, IndicatorId.MfaWeakened]);
    }
}
