using BenchmarkDotNet.Attributes;
using TakeoverRules.Passwords;

namespace TakeoverRules.Benchmarks.Passwords;

/// <summary>
/// Throughput and allocation per estimate on the typical corpus (≤ 64 characters): TakeoverRules against the .NET
/// zxcvbn port served here (zxcvbn-core 1.1.17) on the same inputs. Each operation is one password.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PasswordEstimatorBenchmarks
{
    private readonly PasswordStrengthEstimator _estimator = new();

    // One instance, as a service would hold it (the static MatchPassword builds a new one, dictionaries included, per call).
    private readonly Zxcvbn.Zxcvbn _zxcvbn = new();

    [GlobalSetup]
    public void Setup()
    {
        // Load both libraries' dictionaries before measuring.
        _estimator.Estimate("warm-up");
        _zxcvbn.EvaluatePassword("warm-up");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 53)]
    public double ZxcvbnCore1117()
    {
        var sum = 0.0;
        foreach (var password in PasswordCorpus.Typical) sum += _zxcvbn.EvaluatePassword(password).Entropy;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = 53)]
    public double TakeoverRules() => PasswordCorpus.EstimateTypical(_estimator);
}
