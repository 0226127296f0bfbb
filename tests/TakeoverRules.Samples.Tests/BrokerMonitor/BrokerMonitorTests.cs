using BrokerMonitor;
using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Samples.Tests.BrokerMonitor;

public sealed class BrokerMonitorTests : IDisposable
{
    private static readonly string Events = Path.Combine(RepositoryPaths.Root, "samples", "data", "events.jsonl");
    private static readonly string Instruments = Path.Combine(RepositoryPaths.Root, "samples", "data", "instruments.json");

    private readonly string _folder = Directory.CreateTempSubdirectory("broker-monitor-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Once_over_the_sample_writes_the_decisions_scan_would_and_names_the_taken_over_account_first()
    {
        var (expected, kinds) = InProcess(File.ReadAllBytes(Events));
        var decisions = Path.Combine(_folder, "decisions.jsonl");
        var screen = new StringWriter();

        var code = new EventMonitor(Options(Events, decisions), screen, TextWriter.Null, live: false).Run(CancellationToken.None);

        code.Should().Be(0);
        File.ReadAllBytes(decisions).Should().Equal(expected, "the monitor writes every reportable decision once, in order");
        var text = screen.ToString();
        text.Should().Contain($"events {File.ReadLines(Events).Count(l => l.Length > 0):N0}")
            .And.Contain($"freeze {kinds[DecisionKind.Freeze]}").And.Contain($"hold {kinds[DecisionKind.Hold]}")
            .And.Contain($"review {kinds[DecisionKind.Review]}").And.Contain("[##############################] 100.0%");
        var top = text.Split('\n').SkipWhile(l => !l.StartsWith("top risky accounts", StringComparison.Ordinal)).ElementAt(1);
        top.Should().Contain("A-2002").And.Contain("freeze").And.Contain(nameof(IndicatorId.RotationTypology),
            "the most severe indicator names the case, not the one with the most points");
    }

    [Fact]
    public async Task A_followed_file_is_judged_as_it_grows_and_ends_with_the_same_decisions()
    {
        var lines = File.ReadAllLines(Events).Where(l => l.Length > 0).ToArray();
        var input = Path.Combine(_folder, "growing.jsonl");
        var decisions = Path.Combine(_folder, "decisions.jsonl");
        File.WriteAllLines(input, lines[..20]);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var monitor = new EventMonitor(Options(input, decisions) with { Follow = true, Once = false }, TextWriter.Null, TextWriter.Null, live: false);

        var run = Task.Run(() => monitor.Run(stop.Token));
        await WaitFor(() => monitor.Summary.Events >= 20, stop.Token);
        using (var append = new StreamWriter(input, append: true))
        {
            // Half a line first: the monitor must wait for its end instead of reporting it as malformed.
            append.Write(lines[20][..10]);
            append.Flush();
            await Task.Delay(300, stop.Token);
            append.WriteLine(lines[20][10..]);
            foreach (var line in lines[21..]) append.WriteLine(line);
        }

        await WaitFor(() => monitor.Summary.Events >= lines.Length, stop.Token);
        stop.Cancel();
        (await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Should().Be(0, "cancelling a followed file ends the monitor");

        monitor.Summary.Malformed.Should().Be(0);
        File.ReadAllBytes(decisions).Should().Equal(InProcess(File.ReadAllBytes(Events)).Lines);
    }

    [Fact]
    public void A_malformed_line_is_skipped_with_its_line_number_and_the_rest_is_still_judged()
    {
        var lines = File.ReadAllLines(Events).Where(l => l.Length > 0).ToList();
        lines.Insert(5, """{"type":"order","id":"bad-1","time":"not a time","account":"A-2002"}""");
        var input = Path.Combine(_folder, "with-bad-line.jsonl");
        File.WriteAllLines(input, lines);
        var screen = new StringWriter();

        new EventMonitor(Options(input, Path.Combine(_folder, "d.jsonl")), screen, TextWriter.Null, live: false).Run(CancellationToken.None)
            .Should().Be(0);

        screen.ToString().Should().Contain("malformed 1").And.MatchRegex(@"skipped: .*line 6.*time");
        File.ReadAllBytes(Path.Combine(_folder, "d.jsonl")).Should().Equal(InProcess(File.ReadAllBytes(Events)).Lines);
    }

    [Theory]
    [InlineData("--lang", "fr")]
    [InlineData("--follow")]
    [InlineData("--events")]
    [InlineData("--frobnicate")]
    public void Bad_arguments_are_refused_with_a_reason(params string[] args)
    {
        var error = new StringWriter();

        MonitorOptions.Parse(args, error).Should().BeNull();

        error.ToString().Should().StartWith("error: ").And.Contain(args[0]);
    }

    private static MonitorOptions Options(string events, string decisions) =>
        new() { Events = events, Instruments = Instruments, Decisions = decisions, Once = true };

    // Summary.Events is written by the monitor's thread; the test only polls it (a 64-bit read is atomic).
    private static async Task WaitFor(Func<bool> condition, CancellationToken stop)
    {
        while (!condition()) await Task.Delay(20, stop);
    }

    /// <summary>The decisions an in-process detector writes for the same events, and the count of each kind.</summary>
    private static (byte[] Lines, Dictionary<DecisionKind, int> Kinds) InProcess(byte[] events)
    {
        var instruments = new List<Instrument>();
        using (var file = File.OpenRead(Instruments))
        using (var reader = new InstrumentReader(file))
        {
            while (reader.TryRead(out var result)) instruments.Add(result.Value!);
        }

        var detector = new TakeoverDetector(new DetectorOptions(), new InstrumentTable(instruments));
        var kinds = Enum.GetValues<DecisionKind>().ToDictionary(k => k, _ => 0);
        using var output = new MemoryStream();
        using (var writer = new DecisionWriter(output, leaveOpen: true))
        using (var reader = new EventReader(new MemoryStream(events)))
        {
            while (reader.TryRead(out var result))
            {
                var decision = detector.Evaluate(result.Value!);
                kinds[decision.Kind]++;
                writer.WriteIfReportable(decision);
            }
        }

        return (output.ToArray(), kinds);
    }
}
