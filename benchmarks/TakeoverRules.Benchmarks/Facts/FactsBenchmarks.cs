using BenchmarkDotNet.Attributes;
using TakeoverRules.Compensation;
using TakeoverRules.Facts;

namespace TakeoverRules.Benchmarks.Facts;

/// <summary>
/// Facts queries and the compensation outlook, as ratios against a single-key lookup (<see cref="Latest"/>).
/// Loading the whole embedded file (parse + validate + index) is the start-up cost paid once per process.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class FactsBenchmarks
{
    private static readonly DateOnly June2025 = new(2025, 6, 1);
    private readonly FactsRegistry _facts = FactsRegistry.Embedded;
    private readonly CompensationOutlook _outlook = new(FactsRegistry.Embedded);
    private readonly string _json = ReadEmbedded();

    private readonly CompensationCase _case = CompensationCase.Example;

    [Benchmark(Baseline = true)]
    public Fact? Latest() => _facts.Latest("brokers.affected-count");

    [Benchmark]
    public int KnownOn() => _facts.KnownOn(June2025).Count;

    [Benchmark]
    public int Conflicts() => _facts.Conflicts().Count;

    [Benchmark]
    public decimal? AssessLatest() => _outlook.Assess(_case).Estimate?.Low;

    [Benchmark]
    public OutlookStatus AssessBeforeAgreement() => _outlook.Assess(_case with { KnownOn = new DateOnly(2025, 5, 1) }).Status;

    [Benchmark]
    public int LoadEmbeddedFile() => FactsRegistry.FromJson(_json).Registry!.Facts.Count;

    private static string ReadEmbedded()
    {
        using var stream = typeof(FactsRegistry).Assembly.GetManifestResourceStream("TakeoverRules.Facts.Data.facts.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
