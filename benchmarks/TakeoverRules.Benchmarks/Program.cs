using BenchmarkDotNet.Running;
using TakeoverRules.Benchmarks.Detection;

// One switcher for every benchmark class: `dotnet run -c Release --project benchmarks/TakeoverRules.Benchmarks -- --filter '*'`.
// `-- --account-memory ACCOUNTS BOUND [DIR]` is not a benchmark: it measures the detector's peak memory (AccountMemoryProbe).
if (args is ["--account-memory", .. var probe])
{
    return AccountMemoryProbe.Run(probe);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
