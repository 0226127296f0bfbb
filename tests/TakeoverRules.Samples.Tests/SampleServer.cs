using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace TakeoverRules.Samples.Tests;

/// <summary>
/// A web sample started as its own process on a free loopback port (<c>--urls http://127.0.0.1:0</c>), as a user
/// would run it, with everything it writes kept so a test can read its log.
/// </summary>
internal sealed partial class SampleServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log;

    private SampleServer(Process process, Uri address, StringBuilder log)
    {
        _process = process;
        Address = address;
        _log = log;
    }

    /// <summary>The server's base address, http://127.0.0.1:port/.</summary>
    public Uri Address { get; }

    /// <summary>Everything the server wrote to stdout and stderr so far.</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>The SignupForm sample, logging at Trace level, so a test can check that no secret it typed reached the log.</summary>
    public static Task<SampleServer> SignupFormAsync() => StartAsync("SignupForm", [], new Dictionary<string, string>
    {
        ["Logging__LogLevel__Default"] = "Trace",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
        ["Logging__Console__FormatterName"] = "simple",
    });

    /// <summary>Starts the built <paramref name="sample"/> with <paramref name="arguments"/> and waits until it listens.</summary>
    public static async Task<SampleServer> StartAsync(string sample, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var dll = RepositoryPaths.SampleAssembly(sample);
        File.Exists(dll).Should().BeTrue($"the sample is built with the tests ({dll})");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Sample(sample),
        };
        foreach (var arg in new[] { dll, "--urls", "http://127.0.0.1:0", "--contentRoot", RepositoryPaths.Sample(sample) }.Concat(arguments)) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        void OnLine(string? line)
        {
            if (line is null) return;
            lock (log) log.AppendLine(line);
            if (ListeningLine().Match(line) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != listening.Task)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{sample} did not start listening within 60 s:\n" + log);
        }

        return new SampleServer(process, listening.Task.Result, log);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
