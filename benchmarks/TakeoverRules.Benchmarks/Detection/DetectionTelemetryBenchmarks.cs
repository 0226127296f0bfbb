using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using TakeoverRules.Detection;
using TakeoverRules.Diagnostics;

namespace TakeoverRules.Benchmarks.Detection;

/// <summary>
/// The cost of detection telemetry on the allow path: a detector created with <c>new</c> (no telemetry, the baseline),
/// one with telemetry as <c>AddTakeoverRules</c> wires it but nobody listening, and one with a meter listener attached.
/// The first two must allocate nothing per event.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DetectionBenchmarkConfig))]
public class DetectionTelemetryBenchmarks
{
    private const int Events = 2_000 * 5 * 3;
    private readonly DetectionWorkload _workload = new(accounts: 2_000, historyDays: 20, measuredDays: 5, attackedShare: 0);
    private TakeoverDetector _plain = null!;
    private TakeoverDetector _unobserved = null!;
    private TakeoverDetector _observed = null!;
    private MeterListener? _listener;
    private long _measurements;

    [IterationSetup]
    public void LearnBaselines()
    {
        _listener?.Dispose();
        _plain = new TakeoverDetector(new DetectorOptions(), _workload.Instruments);
        _unobserved = WithTelemetry(new MeterFactory());
        var listened = new MeterFactory();
        _observed = WithTelemetry(listened);
        foreach (var e in _workload.History)
        {
            _plain.Evaluate(e);
            _unobserved.Evaluate(e);
            _observed.Evaluate(e);
        }

        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (listened.Owns(instrument.Meter)) listener.EnableMeasurementEvents(instrument);
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => _measurements += value);
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => _measurements++);
        _listener.Start();
    }

    [GlobalCleanup]
    public void Cleanup() => _listener?.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public int NoTelemetry() => DecideAll(_plain);

    [Benchmark(OperationsPerInvoke = Events)]
    public int TelemetryNobodyListening() => DecideAll(_unobserved);

    [Benchmark(OperationsPerInvoke = Events)]
    public int TelemetryWithMeterListener() => DecideAll(_observed);

    private TakeoverDetector WithTelemetry(IMeterFactory meters) => new(new DetectorOptions(), _workload.Instruments)
    {
        Telemetry = new DetectionTelemetry(meters, NullLogger.Instance, new IdRedaction(null)),
    };

    private int DecideAll(TakeoverDetector detector) => _workload.AllowAll(detector);

    /// <summary>The host's meter factory, reduced to what the detector uses.</summary>
    private sealed class MeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, this);
            _meters.Add(meter);
            return meter;
        }

        public bool Owns(Meter meter) => _meters.Contains(meter);

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
