namespace TakeoverRules.Cli.Tests.Commands;

public sealed class HostHygieneTests : IDisposable
{
    private const string Order =
        """{"type":"order","id":"o1","time":"2025-03-21T09:15:00+09:00","account":"A1","orderId":"x1","side":"buy","symbol":"TSE:7203","quantity":100,"price":2900,"orderType":"limit","notionalJpy":290000}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("takeover-hygiene-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Scan_with_an_empty_instruments_file_warns_on_stderr_that_the_instrument_indicators_are_off()
    {
        var empty = Path.Combine(_folder, "instruments.json");
        File.WriteAllText(empty, "[]");

        var run = Cli.RunWithInput(Order + "\n", "scan", "--events", "-", "--instruments", empty);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().Contain("warning: ").And.Contain("has no instruments").And.Contain("OFF");
    }

    [Fact]
    public void Scan_is_traced_as_one_activity_of_the_TakeoverRules_source()
    {
        var instruments = Path.Combine(_folder, "one.json");
        File.WriteAllText(instruments, "[]");
        var scans = new System.Collections.Concurrent.ConcurrentBag<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = s => s.Name == TakeoverRules.Diagnostics.TakeoverRulesTelemetry.ActivitySourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (a.OperationName == "takeoverrules.scan") scans.Add(a); },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        Cli.RunWithInput(Order + "\n", "scan", "--events", "-", "--instruments", instruments).ExitCode.Should().Be(0);

        scans.Should().Contain(a => (string?)a.GetTagItem("takeoverrules.scan.input") == "stdin");
    }

    [Fact]
    public void Password_json_writes_Japanese_feedback_as_UTF_8_text_not_escapes()
    {
        var run = Cli.RunWithInput("password\n", "password", "--format", "json", "--lang", "ja");

        run.Stdout.Should().NotContain("\\u").And.MatchRegex("[\\u3040-\\u30FF\\u4E00-\\u9FFF]");
    }

    [Fact]
    public void Help_states_each_default_once()
    {
        var run = Cli.Run("password", "--help");

        run.Stdout.Should().NotContain("(default en)").And.NotContain("(default json)");
    }
}
