using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Benchmarks.Detection;

/// <summary>
/// Event format v1 I/O, per event: parsing alone, and the whole of <c>takeover scan</c> on one thread (parse, detect,
/// write decisions), each against the naive System.Text.Json line-by-line pipeline in the same run.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class ScanBenchmarks
{
    private const int Events = 100_000;
    private const int Accounts = 10_000;
    private byte[] _input = [];

    [GlobalSetup]
    public void Setup() => _input = ScanWorkload.Build(Events, Accounts);

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    [BenchmarkCategory("Parse")]
    public int NaiveParse()
    {
        var n = 0;
        using var reader = new StreamReader(new MemoryStream(_input), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            n += NaiveEventJson.Parse(line) is null ? 0 : 1;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    [BenchmarkCategory("Parse")]
    public int EventReaderParse()
    {
        var n = 0;
        using var reader = new EventReader(new MemoryStream(_input));
        while (reader.TryRead(out var result))
        {
            n += result.IsSuccess ? 1 : 0;
        }

        return n;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    [BenchmarkCategory("Scan")]
    public int NaiveScan()
    {
        var detector = new TakeoverDetector(new DetectorOptions(), ScanWorkload.Instruments);
        var n = 0;
        using var reader = new StreamReader(new MemoryStream(_input), Encoding.UTF8);
        using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(false));
        while (reader.ReadLine() is { } line)
        {
            if (NaiveEventJson.Parse(line) is { } e && detector.Evaluate(e) is { IsReportable: true } decision)
            {
                writer.WriteLine(NaiveEventJson.Serialize(decision));
                n++;
            }
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    [BenchmarkCategory("Scan")]
    public int Scan()
    {
        var detector = new TakeoverDetector(new DetectorOptions(), ScanWorkload.Instruments);
        var n = 0;
        using var reader = new EventReader(new MemoryStream(_input));
        using var writer = new DecisionWriter(Stream.Null);
        while (reader.TryRead(out var result))
        {
            if (result.IsSuccess && writer.WriteIfReportable(detector.Evaluate(result.Value)))
            {
                n++;
            }
        }

        return n;
    }
}
