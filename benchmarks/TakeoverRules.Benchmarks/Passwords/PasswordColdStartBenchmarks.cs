using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace TakeoverRules.Benchmarks.Passwords;

/// <summary>
/// The first estimate in a fresh process (bar: ≤ 50 ms), measured on whole processes, because no in-process
/// benchmark can be cold: every operation launches <c>dotnet TakeoverRules.PasswordEvaluation.dll --cold-start</c>
/// (runtime start-up, then the first estimate with assembly load, dictionary load, type initialisation and JIT, then
/// exit). The baseline launches the same program with <c>--cold-start-baseline</c>: the same start-up and exit without
/// the estimate. The difference of the two means is what the first estimate adds to a process; the probe also
/// prints its own in-process time (clock started before the library is first touched), summarised in the log at the
/// end of the run. Warm-up launches only warm the OS file cache, as a restarted service finds it.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 21)]
[MedianColumn]
[MinColumn]
[MaxColumn]
public class PasswordColdStartBenchmarks
{
    private const string ProbePath = "benchmarks/TakeoverRules.PasswordEvaluation/bin/Release/net10.0/TakeoverRules.PasswordEvaluation.dll";

    // Runtime knobs that would change what a default process compiles; the probe must run with the defaults.
    private static readonly string[] RuntimeKnobs = ["TieredCompilation", "TC_QuickJit", "TC_QuickJitForLoops", "TieredPGO", "ReadyToRun", "OSR_HitLimit"];

    private readonly List<double> _inProcessMilliseconds = [];
    private string _probe = "";

    [GlobalSetup]
    public void Setup() => _probe = FindProbe();

    [Benchmark(Baseline = true)]
    public int ProcessWithoutEstimate() => Launch("--cold-start-baseline");

    [Benchmark]
    public int ProcessWithFirstEstimate() => Launch("--cold-start");

    // The same first estimate with the learned model off: what loading and first scoring markov.bin adds.
    [Benchmark]
    public int ProcessWithFirstEstimateWithoutModel() => Launch("--cold-start-no-model");

    [GlobalCleanup(Targets = [nameof(ProcessWithFirstEstimate), nameof(ProcessWithFirstEstimateWithoutModel)])]
    public void Report()
    {
        var sorted = _inProcessMilliseconds.Order().ToArray();
        _inProcessMilliseconds.Clear();
        if (sorted.Length == 0) return;
        Console.WriteLine(FormattableString.Invariant(
            $"// First estimate as timed inside each probe process: median {sorted[sorted.Length / 2]:F1} ms, min {sorted[0]:F1} ms, max {sorted[^1]:F1} ms over {sorted.Length} processes"));
    }

    private int Launch(string mode)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(_probe);
        start.ArgumentList.Add(mode);
        foreach (var knob in RuntimeKnobs)
        {
            start.Environment.Remove("DOTNET_" + knob);
            start.Environment.Remove("COMPlus_" + knob);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"The probe exited with {process.ExitCode}: {output}");
        if (mode != "--cold-start-baseline")
            _inProcessMilliseconds.Add(double.Parse(output.AsSpan(0, output.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture));
        return output.Length;
    }

    // The probe is built with this project (ProjectReference without its assembly); BenchmarkDotNet runs from a
    // generated folder below the repository, so walk up to it.
    private static string FindProbe()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ProbePath);
            if (File.Exists(candidate)) return candidate;
        }

        throw new InvalidOperationException(
            $"{ProbePath} not found above {AppContext.BaseDirectory}; build it with `dotnet build benchmarks/TakeoverRules.PasswordEvaluation -c Release`.");
    }
}
