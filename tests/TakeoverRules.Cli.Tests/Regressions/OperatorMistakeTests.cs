namespace TakeoverRules.Cli.Tests.Regressions;

/// <summary>Issue 13, item 8: mistakes an operator makes with files and pipes lose no data and end with a clear error.</summary>
public sealed class OperatorMistakeTests : IDisposable
{
    private const int UsageError = 2;
    private const int IoError = 3;

    private const string Order =
        """{"type":"order","id":"o1","time":"2025-03-21T09:15:00+09:00","account":"A1","orderId":"x1","side":"buy","symbol":"TSE:7203","quantity":100,"price":2900,"orderType":"limit","notionalJpy":290000}""";

    private static readonly string SampleEvents = RepoFile("samples/data/events.jsonl");
    private static readonly string SampleInstruments = RepoFile("samples/data/instruments.json");

    private readonly string _folder = Directory.CreateTempSubdirectory("takeover-mistakes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public enum Naming
    {
        SamePath,
        OtherSpelling,
        SymbolicLink,
        HardLink,
    }

    [Theory]
    [InlineData(Naming.SamePath)]
    [InlineData(Naming.OtherSpelling)]
    [InlineData(Naming.SymbolicLink)]
    [InlineData(Naming.HardLink)]
    public void Out_naming_the_events_file_is_refused_and_the_events_are_left_intact(Naming naming)
    {
        var events = Copy(SampleEvents, "events.jsonl");
        var before = File.ReadAllBytes(events);
        var output = OtherName(events, naming);

        var run = Cli.Run("scan", "--events", events, "--instruments", SampleInstruments, "--out", output);

        run.ExitCode.Should().Be(UsageError, run.Stderr);
        run.Stderr.Should().Contain("is the --events file");
        File.ReadAllBytes(events).Should().Equal(before);
    }

    [Theory]
    [InlineData(Naming.SamePath)]
    [InlineData(Naming.HardLink)]
    public void Out_naming_the_instruments_file_is_refused_and_the_instruments_are_left_intact(Naming naming)
    {
        var instruments = Copy(SampleInstruments, "instruments.json");
        var before = File.ReadAllBytes(instruments);

        var run = Cli.Run("scan", "--events", SampleEvents, "--instruments", instruments, "--out", OtherName(instruments, naming));

        run.ExitCode.Should().Be(UsageError, run.Stderr);
        run.Stderr.Should().Contain("is the --instruments file");
        File.ReadAllBytes(instruments).Should().Equal(before);
    }

    [Fact]
    public void Out_naming_a_new_file_beside_the_events_still_works()
    {
        var events = Copy(SampleEvents, "events.jsonl");

        var run = Cli.Run("scan", "--events", events, "--instruments", SampleInstruments, "--out", Path.Combine(_folder, "decisions.jsonl"));

        run.ExitCode.Should().Be(0, run.Stderr);
    }

    [Fact]
    public void A_closed_standard_output_during_a_scan_is_an_io_error_not_a_success()
    {
        var run = Cli.RunWithOutput(new FailingWriter(), "scan", "--events", SampleEvents, "--instruments", SampleInstruments);

        run.ExitCode.Should().Be(IoError, run.Stderr);
        run.Stderr.Should().StartWith("error: ").And.Contain("incomplete").And.NotContain("decisions written");
    }

    [Theory]
    [InlineData("facts", "--topic", "contacts")]
    [InlineData("respond", "--broker", "rakuten")]
    [InlineData("demo")]
    public void A_closed_standard_output_is_an_io_error_for_every_command(params string[] args)
    {
        var run = Cli.RunWithOutput(new FailingWriter(), args);

        run.ExitCode.Should().Be(IoError, run.Stderr);
        run.Stderr.Should().StartWith("error: input/output failed");
    }

    [Fact]
    public void A_closed_pipe_on_the_real_standard_output_is_an_io_error()
    {
        // The console stream on Unix swallows EPIPE; only a real process with a closed pipe shows it.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var tool = Path.Combine(AppContext.BaseDirectory, "takeover.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { tool, "scan", "--events", Many(20_000), "--instruments", SampleInstruments })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardOutput.ReadLine().Should().StartWith("{\"eventId\":");
        process.StandardOutput.Close();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit(TimeSpan.FromMinutes(2)).Should().BeTrue();

        process.ExitCode.Should().Be(IoError, stderr);
        stderr.Should().NotContain("decisions written");
    }

    [Theory]
    [InlineData("--events")]
    [InlineData("--instruments")]
    public void Dev_zero_as_a_scan_input_is_a_clear_error_not_a_hang(string option)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var args = new List<string> { "scan", "--events", SampleEvents, "--instruments", SampleInstruments };
        args[args.IndexOf(option) + 1] = "/dev/zero";

        var run = RunBounded([.. args]);

        run.ExitCode.Should().Be(UsageError, run.Stderr);
        run.Stderr.Should().StartWith("error: " + option + " /dev/zero: ");
    }

    [Theory]
    [InlineData("facts", "--facts-file")]
    [InlineData("respond", "--progress")]
    [InlineData("password", "--policy")]
    public void Dev_zero_as_a_whole_file_input_is_a_clear_error_not_an_out_of_memory(string command, string option)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var run = RunBounded(command, option, "/dev/zero");

        run.ExitCode.Should().Be(UsageError, run.Stderr);
        run.Stderr.Should().Contain("/dev/zero").And.MatchRegex("too large|larger than");
    }

    [Theory]
    [InlineData("scan", "--events")]
    [InlineData("scan", "--instruments")]
    [InlineData("scan", "--config")]
    [InlineData("facts", "--facts-file")]
    [InlineData("respond", "--progress")]
    public void A_directory_named_as_a_file_says_so(string command, string option)
    {
        var args = command == "scan" ? new List<string> { "scan", "--events", SampleEvents, "--instruments", SampleInstruments } : [command];
        if (args.Contains(option)) args[args.IndexOf(option) + 1] = _folder;
        else args.AddRange([option, _folder]);

        var run = Cli.Run([.. args]);

        run.ExitCode.Should().Be(UsageError, run.Stderr);
        run.Stderr.Should().Contain(_folder).And.Contain("is a directory").And.NotContain("denied");
    }

    [Fact]
    public void Cr_only_line_endings_are_line_breaks()
    {
        var events = Path.Combine(_folder, "cr.jsonl");
        File.WriteAllText(events, string.Join("\r", Order, Order.Replace("\"o1\"", "\"o2\"", StringComparison.Ordinal), Order.Replace("\"o1\"", "\"o3\"", StringComparison.Ordinal)));

        var run = Cli.Run("scan", "--events", events, "--instruments", SampleInstruments);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.StdoutLines.Should().HaveCount(3);
        run.Stderr.Should().Contain("scan: 3 events");
    }

    [Fact]
    public void Crlf_and_cr_line_endings_mixed_count_lines_as_an_editor_does()
    {
        var events = Path.Combine(_folder, "mixed.jsonl");
        File.WriteAllText(events, Order + "\r\n{bad\r" + Order.Replace("\"o1\"", "\"o2\"", StringComparison.Ordinal) + "\n{bad\r\n");

        var run = Cli.Run("scan", "--events", events, "--instruments", SampleInstruments);

        run.ExitCode.Should().Be(1, run.Stderr);
        run.StdoutLines.Should().HaveCount(2);
        run.Stderr.Should().Contain("line 2:").And.Contain("line 4:").And.NotContain("line 5:");
    }

    private static CliRun RunBounded(params string[] args)
    {
        var run = Task.Run(() => Cli.Run(args));
        run.Wait(TimeSpan.FromMinutes(1)).Should().BeTrue("reading /dev/zero must end with an error, not hang");
        return run.Result;
    }

    private string Many(int count)
    {
        var path = Path.Combine(_folder, "many.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, count).Select(i => Order.Replace("\"o1\"", $"\"o{i}\"", StringComparison.Ordinal)));
        return path;
    }

    private string Copy(string source, string name)
    {
        var path = Path.Combine(_folder, name);
        File.Copy(source, path);
        return path;
    }

    private string OtherName(string path, Naming naming)
    {
        var other = Path.Combine(_folder, "other-" + Path.GetFileName(path));
        switch (naming)
        {
            case Naming.SamePath:
                return path;
            case Naming.OtherSpelling:
                return Path.Combine(_folder, ".", "..", Path.GetFileName(_folder), Path.GetFileName(path));
            case Naming.SymbolicLink:
                File.CreateSymbolicLink(other, path);
                return other;
            default:
                HardLink(path, other);
                return other;
        }
    }

    private static void HardLink(string existing, string link)
    {
        using var ln = System.Diagnostics.Process.Start("ln", [existing, link]);
        ln.WaitForExit();
        ln.ExitCode.Should().Be(0);
    }

    private static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TakeoverRules.sln")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new InvalidOperationException("TakeoverRules.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Standard output after the reader went away: every write fails as a closed pipe does.</summary>
    private sealed class FailingWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("Broken pipe");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("Broken pipe");

        public override void Write(string? value) => throw new IOException("Broken pipe");
    }
}
