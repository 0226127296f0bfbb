using BenchmarkDotNet.Attributes;
using TakeoverRules.Passwords;

namespace TakeoverRules.Benchmarks.Passwords;

/// <summary>
/// Cost bound for long input: 100 and 256 random characters and a 1 MB paste, against zxcvbn-core 1.1.17 on the
/// 100-character input (the longest it finishes in reasonable time). The 1 MB case must stay under 50 ms.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PasswordLongInputBenchmarks
{
    private readonly PasswordStrengthEstimator _estimator = new();
    private readonly Zxcvbn.Zxcvbn _zxcvbn = new();
    private readonly string _random100 = PasswordCorpus.Random(100);
    private readonly string _random256 = PasswordCorpus.Random(256);
    private readonly string _oneMegabyte = PasswordCorpus.Random(1 << 20);
    private readonly string _fullWidthMegabyte = new('Ａ', 1 << 20);

    [GlobalSetup]
    public void Setup()
    {
        _estimator.Estimate("warm-up");
        _zxcvbn.EvaluatePassword("warm-up");
    }

    [Benchmark(Baseline = true)]
    public double ZxcvbnCore1117Random100() => _zxcvbn.EvaluatePassword(_random100).Entropy;

    [Benchmark]
    public double Random100() => _estimator.Estimate(_random100).GuessesLog10;

    [Benchmark]
    public double Random256() => _estimator.Estimate(_random256).GuessesLog10;

    [Benchmark]
    public double OneMegabyteAscii() => _estimator.Estimate(_oneMegabyte).GuessesLog10;

    [Benchmark]
    public double OneMegabyteFullWidth() => _estimator.Estimate(_fullWidthMegabyte).GuessesLog10;
}
