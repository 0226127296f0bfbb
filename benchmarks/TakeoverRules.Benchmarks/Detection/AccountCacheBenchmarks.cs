using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using TakeoverRules.Detection;

namespace TakeoverRules.Benchmarks.Detection;

/// <summary>
/// What <see cref="DetectorOptions.MaxAccountsInMemory"/> costs on the allow path (30,000 honest events of 2,000
/// accounts on learned baselines, the events of one day interleaved across the accounts): no bound (baseline); a bound
/// every account fits under (the recency list is kept, nothing is evicted); and a bound of a tenth of the accounts,
/// where almost every event evicts the least recently active account and restores its own from the store (an
/// in-memory dictionary, so the numbers are the detector's cost, not a store's).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DetectionBenchmarkConfig))]
public class DetectionAccountCacheBenchmarks
{
    private const int Accounts = 2_000;
    private const int Events = Accounts * 5 * 3;
    private readonly DetectionWorkload _workload = new(accounts: Accounts, historyDays: 20, measuredDays: 5, attackedShare: 0);
    private TakeoverDetector _unbounded = null!;
    private TakeoverDetector _resident = null!;
    private TakeoverDetector _evicting = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (_workload.HonestTail.Length != Events)
        {
            throw new InvalidOperationException($"workload has {_workload.HonestTail.Length} honest events, the benchmark declares {Events}");
        }
    }

    [IterationSetup]
    public void LearnBaselines()
    {
        _unbounded = Learned(0);
        _resident = Learned(Accounts);
        _evicting = Learned(Accounts / 10);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public int NoBound() => _workload.AllowAll(_unbounded);

    [Benchmark(OperationsPerInvoke = Events)]
    public int BoundAboveTheAccounts() => _workload.AllowAll(_resident);

    [Benchmark(OperationsPerInvoke = Events)]
    public int BoundAtATenthEvicting() => _workload.AllowAll(_evicting);

    private TakeoverDetector Learned(int bound)
    {
        var detector = new TakeoverDetector(new DetectorOptions { MaxAccountsInMemory = bound }, _workload.Instruments, TimeProvider.System, new DictionaryStore());
        foreach (var e in _workload.History)
        {
            detector.Evaluate(e);
        }

        return detector;
    }

    private sealed class DictionaryStore : IAccountStateStore
    {
        private readonly Dictionary<string, byte[]> _snapshots = new(StringComparer.Ordinal);

        public void Save(string account, byte[] snapshot) => _snapshots[account] = snapshot;

        public bool TryLoad(string account, [NotNullWhen(true)] out byte[]? snapshot) => _snapshots.TryGetValue(account, out snapshot);

        public bool Remove(string account) => _snapshots.Remove(account);
    }
}
