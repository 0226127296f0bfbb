using BenchmarkDotNet.Running;

// One switcher for every benchmark class: `dotnet run -c Release --project benchmarks/TakeoverRules.Benchmarks -- --filter '*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
