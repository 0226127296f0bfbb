using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TakeoverRules.Detection;

namespace TakeoverRules.Benchmarks.Detection;

/// <summary>
/// Throughput of deciding on every event of a mixed stream (honest customers and 2% attacked accounts), decisions and
/// English explanations included, against the same rules on Microsoft RulesEngine 6.0.1 and on NRules 1.0.4, both with
/// host-side state (<see cref="HostStateBaseline"/>); the two engines are first checked to decide alike on this stream.
/// Per-event numbers: each invocation evaluates the whole stream and reports it as that many operations.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DetectionBenchmarkConfig))]
public class DetectionThroughputBenchmarks
{
    private const int Events = 2_000 * 25 * 3 + 2_000 + 40 * 6;
    private readonly DetectionWorkload _workload = new(accounts: 2_000, historyDays: 20, measuredDays: 5, attackedShare: 0.02);
    private RulesEngineBaseline _rulesEngine = null!;
    private NRulesBaseline _nrules = null!;
    private TakeoverDetector _detector = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (_workload.Mixed.Length != Events)
        {
            throw new InvalidOperationException($"workload has {_workload.Mixed.Length} events, the benchmark declares {Events}");
        }

        Console.WriteLine("// " + BaselineAgreement.Require(_workload.Instruments, _workload.Mixed));
        _rulesEngine = new RulesEngineBaseline(_workload.Instruments);
        _rulesEngine.Evaluate(_workload.Mixed[0]); // compiles the rules once, as a service would at start-up
        _nrules = new NRulesBaseline(_workload.Instruments); // compiles the session factory once
    }

    [IterationSetup]
    public void FreshState()
    {
        _rulesEngine.Reset();
        _nrules.Reset();
        _detector = new TakeoverDetector(new DetectorOptions(), _workload.Instruments);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public int RulesEngineSameRules() => DecideAll(_rulesEngine);

    [Benchmark(OperationsPerInvoke = Events)]
    public int NRulesSameRules() => DecideAll(_nrules);

    [Benchmark(OperationsPerInvoke = Events)]
    public int TakeoverDetector()
    {
        var held = 0;
        foreach (var e in _workload.Mixed)
        {
            var decision = _detector.Evaluate(e);
            held += decision.Kind >= DecisionKind.Hold ? 1 : 0;
            foreach (var hit in decision.Indicators)
            {
                held += hit.Message.Length > 9999 ? 1 : 0;
            }
        }

        return held;
    }

    private int DecideAll(HostStateBaseline engine)
    {
        var held = 0;
        foreach (var e in _workload.Mixed)
        {
            var (kind, _, explanations) = engine.Evaluate(e);
            held += kind >= DecisionKind.Hold ? 1 : 0;
            held += explanations?.Count > 99 ? 1 : 0;
        }

        return held;
    }
}

/// <summary>
/// The allow path: honest events on accounts whose baseline is already learned. Reports bytes allocated per event.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DetectionBenchmarkConfig))]
public class DetectionAllowPathBenchmarks
{
    private const int Events = 2_000 * 5 * 3;
    private readonly DetectionWorkload _workload = new(accounts: 2_000, historyDays: 20, measuredDays: 5, attackedShare: 0);
    private RulesEngineBaseline _rulesEngine = null!;
    private NRulesBaseline _nrules = null!;
    private TakeoverDetector _detector = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (_workload.HonestTail.Length != Events)
        {
            throw new InvalidOperationException($"workload has {_workload.HonestTail.Length} honest events, the benchmark declares {Events}");
        }

        _rulesEngine = new RulesEngineBaseline(_workload.Instruments);
        _nrules = new NRulesBaseline(_workload.Instruments);
    }

    [IterationSetup]
    public void LearnBaselines()
    {
        _rulesEngine.Reset();
        _nrules.Reset();
        _detector = new TakeoverDetector(new DetectorOptions(), _workload.Instruments);
        foreach (var e in _workload.History)
        {
            _rulesEngine.Evaluate(e);
            _nrules.Evaluate(e);
            _detector.Evaluate(e);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public int RulesEngineSameRules() => DecideAll(_rulesEngine);

    [Benchmark(OperationsPerInvoke = Events)]
    public int NRulesSameRules() => DecideAll(_nrules);

    [Benchmark(OperationsPerInvoke = Events)]
    public int TakeoverDetector()
    {
        var flagged = 0;
        foreach (var e in _workload.HonestTail)
        {
            flagged += _detector.Evaluate(e).Indicators.Count;
        }

        return flagged != 0 ? throw new InvalidOperationException($"the allow path fired {flagged} indicators") : flagged;
    }

    private int DecideAll(HostStateBaseline engine)
    {
        var flagged = 0;
        foreach (var e in _workload.HonestTail)
        {
            flagged += engine.Evaluate(e).Kind == DecisionKind.Allow ? 0 : 1;
        }

        return flagged;
    }
}

/// <summary>
/// Memory per account: allocations while building twenty days of baseline for each account, divided by the number of
/// accounts. The allow path allocates nothing, so this is the retained state plus dictionary growth.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DetectionBenchmarkConfig))]
public class DetectionStateBenchmarks
{
    private const int Accounts = 2_000;
    private readonly DetectionWorkload _workload = new(accounts: Accounts, historyDays: 20, measuredDays: 0, attackedShare: 0);
    private RulesEngineBaseline _rulesEngine = null!;
    private NRulesBaseline _nrules = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rulesEngine = new RulesEngineBaseline(_workload.Instruments);
        _rulesEngine.Evaluate(_workload.History[0]);
        _nrules = new NRulesBaseline(_workload.Instruments);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Accounts)]
    public int RulesEngineHostState() => LearnAll(_rulesEngine);

    /// <summary>Includes the session's working memory: one fact per account plus the Rete nodes' memories.</summary>
    [Benchmark(OperationsPerInvoke = Accounts)]
    public int NRulesHostState() => LearnAll(_nrules);

    [Benchmark(OperationsPerInvoke = Accounts)]
    public int TakeoverDetectorState()
    {
        var detector = new TakeoverDetector(new DetectorOptions(), _workload.Instruments);
        foreach (var e in _workload.History)
        {
            detector.Evaluate(e);
        }

        return detector.AccountCount;
    }

    private int LearnAll(HostStateBaseline engine)
    {
        engine.Reset();
        foreach (var e in _workload.History)
        {
            engine.Evaluate(e);
        }

        return 0;
    }
}

/// <summary>
/// A short in-process job: each invocation already covers tens of thousands of events, and on the shared 2-core build
/// machine the generated benchmark project does not build within BenchmarkDotNet's time-out.
/// </summary>
internal sealed class DetectionBenchmarkConfig : ManualConfig
{
    public DetectionBenchmarkConfig() =>
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(6).WithToolchain(InProcessEmitToolchain.Instance));
}
