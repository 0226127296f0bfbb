using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;
using TakeoverRules.Testing;
using TakeoverRules.Testing.Simulation;

namespace TakeoverRules.Orleans.Tests;

/// <summary>The streams the cluster is held against: the sample file and a generated population, each with its instruments.</summary>
internal static class TestStreams
{
    private static readonly Lazy<Population> Generated = new(() =>
    {
        // Enough coordinated-wave victims for at least one wave, so the symbol grains decide cross-account ramps.
        var options = new PopulationOptions { Seed = 18, Accounts = 120, Days = 21, AttackShare = 0.1 };
        options.AttackMix["coordinated-wave"] = 100;
        return PopulationGenerator.Generate(options);
    });

    /// <summary>Every instrument of both streams; the cluster and the in-process reference use the same table.</summary>
    public static InstrumentTable Instruments { get; } = new([.. SampleInstruments(), .. Generated.Value.Scenario.Instruments, .. HandWrittenThin()]);

    /// <summary>samples/data/events.jsonl, accounts prefixed so that streams never share an account.</summary>
    public static IReadOnlyList<AccountEvent> Sample(string prefix)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "data", "events.jsonl"));
        return [.. EventReader.ReadAll(stream).Where(r => r.IsSuccess).Select(r => r.Value! with { Account = prefix + r.Value!.Account })];
    }

    /// <summary>A generated population (history and timeline, with its delivery noise: duplicates and late events).</summary>
    public static IReadOnlyList<AccountEvent> Population(string prefix) =>
        [.. Generated.Value.Scenario.Events.Select(e => e.Event with { Account = prefix + e.Event.Account })];

    /// <summary>The decision lines of one in-process detector fed <paramref name="events"/> in order.</summary>
    public static byte[] InProcessLines(IEnumerable<AccountEvent> events)
    {
        var detector = new TakeoverDetector(new DetectorOptions(), Instruments);
        return Lines(events.Select(detector.Evaluate));
    }

    public static byte[] Lines(IEnumerable<Decision> decisions)
    {
        using var stream = new MemoryStream();
        using (var writer = new DecisionWriter(stream, leaveOpen: true))
        {
            foreach (var decision in decisions)
            {
                writer.Write(decision);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The thin symbols of the hand-written <see cref="TakeoverRules.Tests.Detection.Timeline"/> scenarios (the others are in the sample file).</summary>
    private static IEnumerable<Instrument> HandWrittenThin() =>
        [.. new[] { TakeoverRules.Tests.Detection.Market.TseThin, TakeoverRules.Tests.Detection.Market.TseThin2 }
            .Select(s => TakeoverRules.Tests.Detection.Market.Instruments.TryGet(s, out var i) ? i : throw new InvalidOperationException(s))];

    private static IEnumerable<Instrument> SampleInstruments()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "data", "instruments.json"));
        return [.. InstrumentReader.ReadAll(stream).Where(r => r.IsSuccess).Select(r => r.Value!)];
    }
}
