using BenchmarkDotNet.Attributes;
using TakeoverRules.Passwords;
using TakeoverRules.Passwords.Matching;

namespace TakeoverRules.Benchmarks.Passwords;

/// <summary>
/// What the learned model (Data/markov.bin) adds to an estimate, as a ratio against the pattern decomposition alone
/// (<c>UseLearnedModel = false</c>) on the typical corpus in the same run; the model's own share is measured on its
/// own (cost walk plus Monte Carlo rank lookup of the normalised text, which is what the estimator calls).
/// Each operation is one password.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PasswordLearnedModelBenchmarks
{
    private readonly PasswordStrengthEstimator _withModel = new();
    private readonly PasswordStrengthEstimator _patternsOnly = new() { UseLearnedModel = false };
    private readonly string[] _normalized = [.. PasswordCorpus.Typical.Select(p => PasswordNormalization.Normalize(p))];

    [GlobalSetup]
    public void Setup()
    {
        // Load the dictionaries and the model before measuring.
        _withModel.Estimate("warm-up");
        _patternsOnly.Estimate("warm-up");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 53)]
    public double PatternsOnly() => PasswordCorpus.EstimateTypical(_patternsOnly);

    [Benchmark(OperationsPerInvoke = 53)]
    public double WithLearnedModel() => PasswordCorpus.EstimateTypical(_withModel);

    [Benchmark(OperationsPerInvoke = 53)]
    public double LearnedModelAlone()
    {
        var sum = 0.0;
        foreach (var text in _normalized)
        {
            if (MarkovModel.Instance.TryGuessesLog10(text, out var log10)) sum += log10;
        }

        return sum;
    }
}
