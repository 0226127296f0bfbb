using System.Diagnostics;
using System.Runtime;
using System.Runtime.CompilerServices;
using TakeoverRules.Passwords;

/// <summary>
/// <c>--cold-start [PASSWORD [USER-INPUT]...]</c> prints the milliseconds of the first estimate in this fresh process, from before the
/// first touch of the library to the returned estimate: assembly load, dictionary load, type initialisation and the
/// JIT of every method on the way are included (the JIT share is printed too). <c>--cold-start-no-model</c> does the
/// same with the learned model switched off (the pattern decomposition alone, so markov.bin is never loaded);
/// <c>--cold-start-baseline</c> runs the same process without the estimate; PasswordColdStartBenchmarks launches them
/// as processes.
/// </summary>
internal static class ColdStart
{
    public static int Run(string[] args)
    {
        var jitBefore = JitInfo.GetCompilationTime(currentThread: true);
        var methodsBefore = JitInfo.GetCompiledMethodCount(currentThread: true);
        var clock = Stopwatch.StartNew();
        var model = args[0] == "--cold-start";
        var score = args[0] == "--cold-start-baseline" ? -1
            : args.Length == 1 ? FirstScore("tanaka19850412", [], model)
            : FirstScore(args[1], args[2..], model);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var jit = (JitInfo.GetCompilationTime(currentThread: true) - jitBefore).TotalMilliseconds;
        var methods = JitInfo.GetCompiledMethodCount(currentThread: true) - methodsBefore;
        Console.WriteLine(FormattableString.Invariant($"{elapsed:F1} ms (score {score}; JIT {jit:F1} ms for {methods} methods)"));
        return 0;
    }

    // Not inlined, so that the library is first touched when this method is compiled, after the clock has started.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FirstScore(string password, string[] userInputs, bool model) => model
        ? (int)PasswordStrength.Estimate(password, userInputs).Score
        : (int)new PasswordStrengthEstimator { UseLearnedModel = false }.Estimate(password, userInputs).Score;
}
