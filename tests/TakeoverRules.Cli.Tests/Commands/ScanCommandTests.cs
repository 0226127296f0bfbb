using System.Text.Json;

namespace TakeoverRules.Cli.Tests.Commands;

public sealed class ScanCommandTests : IDisposable
{
    private static readonly string SampleEvents = RepoFile("samples/data/events.jsonl");
    private static readonly string SampleInstruments = RepoFile("samples/data/instruments.json");

    private const string Order =
        """{"type":"order","id":"o1","time":"2025-03-21T09:15:00+09:00","account":"A1","orderId":"x1","side":"buy","symbol":"TSE:7203","quantity":100,"price":2900,"orderType":"limit","notionalJpy":290000}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("takeover-scan-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void An_event_with_an_account_over_the_id_cap_is_reported_and_the_rest_are_decided()
    {
        var longAccount = Order.Replace("\"account\":\"A1\"", "\"account\":\"" + new string('A', 300) + "\"", StringComparison.Ordinal).Replace("\"o1\"", "\"o2\"", StringComparison.Ordinal);

        var run = Cli.RunWithInput(longAccount + "\n" + Order + "\n", "scan", "--events", "-", "--instruments", SampleInstruments);

        run.ExitCode.Should().Be(1);
        run.StdoutLines.Should().ContainSingle().Which.Should().Contain("\"eventId\":\"o1\"");
        run.Stderr.Should().Contain("stdin: line 1: ").And.Contain("account has 300 characters, more than MaxIdLength (256)").And.Contain("1 malformed lines skipped");
    }

    [Fact]
    public void The_sample_holds_the_attacked_accounts_first_fraudulent_buy_and_lets_the_honest_account_trade()
    {
        var run = Cli.Run("scan", "--events", SampleEvents, "--instruments", SampleInstruments);

        run.ExitCode.Should().Be(0, run.Stderr);
        var decisions = run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        decisions.Select(d => d.GetProperty("risk").GetInt32()).Should().OnlyContain(r => r >= 0 && r <= 100);
        var firstFraudulentBuy = decisions.Single(d => d.GetProperty("eventId").GetString() == "evt-0058");
        firstFraudulentBuy.GetProperty("decision").GetString().Should().BeOneOf("hold", "freeze");
        decisions.Where(d => d.GetProperty("account").GetString() == "A-1001")
            .Should().OnlyContain(d => d.GetProperty("decision").GetString() == "allow" || d.GetProperty("decision").GetString() == "review");
        run.Stderr.Should().Contain("scan: 61 events").And.Contain("0 malformed lines skipped");
    }

    [Fact]
    public void Every_order_gets_a_decision_line_and_other_events_only_when_an_indicator_fires()
    {
        var orders = File.ReadLines(SampleEvents).Count(l => l.Contains("\"type\":\"order\"", StringComparison.Ordinal));

        var run = Cli.Run("scan", "--events", SampleEvents, "--instruments", SampleInstruments);

        var lines = run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Count(l => l.GetProperty("indicators").GetArrayLength() == 0).Should().BeLessThanOrEqualTo(orders);
        lines.Should().HaveCountGreaterThanOrEqualTo(orders);
    }

    [Fact]
    public void Events_are_read_from_standard_input_with_a_dash()
    {
        var run = Cli.RunWithInput(Order + "\n", "scan", "--events", "-", "--instruments", SampleInstruments);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.StdoutLines.Should().ContainSingle().Which.Should().StartWith("""{"eventId":"o1","account":"A1","time":"2025-03-21T09:15:00+09:00","decision":"allow",""");
    }

    [Fact]
    public void Malformed_lines_are_reported_with_line_and_field_skipped_counted_and_exit_1()
    {
        var input = string.Join('\n',
            Order,
            Order.Replace("\"quantity\":100", "\"quantity\":-100", StringComparison.Ordinal).Replace("o1", "o2", StringComparison.Ordinal),
            "{not json",
            Order.Replace("+09:00", "", StringComparison.Ordinal).Replace("o1", "o3", StringComparison.Ordinal),
            Order.Replace("o1", "o4", StringComparison.Ordinal));

        var run = Cli.RunWithInput(input, "scan", "--events", "-", "--instruments", SampleInstruments);

        run.ExitCode.Should().Be(1);
        run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("eventId").GetString()).Should().Equal("o1", "o4");
        run.Stderr.Should().Contain("stdin: line 2: field 'quantity': must be greater than zero (was -100)")
            .And.Contain("stdin: line 3: ")
            .And.Contain("stdin: line 4: field 'time': has no UTC offset")
            .And.Contain("3 malformed lines skipped");
    }

    [Fact]
    public void Duplicate_deliveries_are_ignored_and_counted()
    {
        var run = Cli.RunWithInput(Order + "\n" + Order + "\n", "scan", "--events", "-", "--instruments", SampleInstruments);

        run.ExitCode.Should().Be(0);
        run.StdoutLines.Should().ContainSingle();
        run.Stderr.Should().Contain("1 duplicates ignored");
    }

    [Fact]
    public void Events_later_than_the_grace_are_reported_with_the_reason_and_counted()
    {
        var late = Order.Replace("o1", "o2", StringComparison.Ordinal).Replace("09:15:00", "07:15:00", StringComparison.Ordinal);

        var run = Cli.RunWithInput(Order + "\n" + late + "\n", "scan", "--events", "-", "--instruments", SampleInstruments);

        run.ExitCode.Should().Be(0, "a late event is not malformed");
        run.StdoutLines.Should().HaveCount(2, "a late order still gets its decision line");
        run.Stderr.Should().Contain("stdin: line 2: event 'o2' not evaluated: event time 2025-03-21T07:15:00.0000000+09:00 is 120 min before")
            .And.Contain("1 too late");
    }

    [Fact]
    public void A_late_order_gets_a_review_line_that_says_why_it_was_not_judged_and_keeps_the_required_fields()
    {
        var late = Order.Replace("o1", "o2", StringComparison.Ordinal).Replace("09:15:00", "07:15:00", StringComparison.Ordinal);

        var run = Cli.RunWithInput(Order + "\n" + late + "\n", "scan", "--events", "-", "--instruments", SampleInstruments);

        var line = JsonDocument.Parse(run.StdoutLines[1]).RootElement;
        line.GetProperty("eventId").GetString().Should().Be("o2");
        line.GetProperty("account").GetString().Should().Be("A1");
        line.GetProperty("time").GetString().Should().Be("2025-03-21T07:15:00+09:00");
        line.GetProperty("decision").GetString().Should().Be("review", "by default a fraud team sees the orders the detector could not judge");
        line.GetProperty("risk").GetInt32().Should().Be(0);
        line.GetProperty("indicators").GetArrayLength().Should().Be(0);
        line.GetProperty("status").GetString().Should().Be("tooLate");
        line.GetProperty("reason").GetString().Should().Contain("120 min before the account's latest event");
        JsonDocument.Parse(run.StdoutLines[0]).RootElement.TryGetProperty("status", out _).Should().BeFalse("a judged order's line is unchanged");
        run.Stderr.Should().Contain("review 1");
    }

    [Fact]
    public void A_config_can_let_late_orders_through_as_allow_still_with_a_line()
    {
        var config = Path.Combine(_folder, "late.json");
        File.WriteAllText(config, """{"LateOrderDecision":"Allow"}""");
        var late = Order.Replace("o1", "o2", StringComparison.Ordinal).Replace("09:15:00", "07:15:00", StringComparison.Ordinal);

        var run = Cli.RunWithInput(Order + "\n" + late + "\n", "scan", "--events", "-", "--instruments", SampleInstruments, "--config", config);

        run.ExitCode.Should().Be(0, run.Stderr);
        var line = JsonDocument.Parse(run.StdoutLines[1]).RootElement;
        line.GetProperty("decision").GetString().Should().Be("allow");
        line.GetProperty("status").GetString().Should().Be("tooLate");
    }

    [Fact]
    public void A_late_login_gets_no_line_and_is_reported_on_stderr()
    {
        const string login = """{"type":"login","id":"l1","time":"2025-03-21T07:15:00+09:00","account":"A1","success":true,"ip":"198.51.100.1","device":"x","authMethod":"password","channel":"web"}""";

        var run = Cli.RunWithInput(Order + "\n" + login + "\n", "scan", "--events", "-", "--instruments", SampleInstruments);

        run.StdoutLines.Should().ContainSingle();
        run.Stderr.Should().Contain("event 'l1' not evaluated").And.Contain("1 too late");
    }

    [Fact]
    public void Out_writes_decisions_to_a_file_and_keeps_stdout_empty()
    {
        var outFile = Path.Combine(_folder, "decisions.jsonl");

        var run = Cli.Run("scan", "--events", SampleEvents, "--instruments", SampleInstruments, "--out", outFile);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().BeEmpty();
        File.ReadAllLines(outFile).Should().HaveCountGreaterThan(5).And.OnlyContain(l => l.StartsWith("{\"eventId\":", StringComparison.Ordinal));
    }

    [Fact]
    public void A_full_disk_while_writing_decisions_is_an_error_not_a_hang()
    {
        // /dev/full fails every write with "no space left on device"; other systems have no such file to test with.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Enough decisions to fill the output buffer several times, so the failure happens on the writing thread.
        var events = string.Join("\n", Enumerable.Range(0, 5_000).Select(i => Order.Replace("\"o1\"", $"\"o{i}\"", StringComparison.Ordinal)));
        var input = Path.Combine(_folder, "many.jsonl");
        File.WriteAllText(input, events);

        var run = Cli.Run("scan", "--events", input, "--instruments", SampleInstruments, "--out", "/dev/full");

        run.ExitCode.Should().Be(3, "a write failure is an I/O error (3), not bad input (2): " + run.Stderr);
        run.Stderr.Should().StartWith("error: ");
    }

    [Fact]
    public void Lang_ja_writes_japanese_explanations_as_utf8()
    {
        var run = Cli.Run("scan", "--events", SampleEvents, "--instruments", SampleInstruments, "--lang", "ja");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().MatchRegex("\"message\":\"[^\"]*[\u3040-\u30FF\u4E00-\u9FFF]");
    }

    [Fact]
    public void Config_changes_the_detector_options()
    {
        var strict = Path.Combine(_folder, "strict.json");
        File.WriteAllText(strict, """{ "reviewThreshold": 1, "HoldThreshold": 2, "freezeThreshold": 3 } // any case, comments allowed""");

        var run = Cli.Run("scan", "--events", SampleEvents, "--instruments", SampleInstruments, "--config", strict);

        run.ExitCode.Should().Be(0, run.Stderr);
        var honestHkBuy = run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).Single(d => d.GetProperty("eventId").GetString() == "evt-0049");
        honestHkBuy.GetProperty("decision").GetString().Should().NotBe("allow", "its risk of 25 is allowed by default but above the configured thresholds");
    }

    [Theory]
    [InlineData("""{ "holdThreshold": "high" }""", "holdThreshold")]
    [InlineData("""{ "holdTreshold": 50 }""", "holdTreshold")]
    [InlineData("""{ "holdThreshold": 500 }""", "HoldThreshold")]
    public void A_bad_config_is_a_usage_error_naming_the_problem(string json, string named)
    {
        var config = Path.Combine(_folder, "bad.json");
        File.WriteAllText(config, json);

        var run = Cli.Run("scan", "--events", SampleEvents, "--instruments", SampleInstruments, "--config", config);

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().StartWith("error: ").And.Contain(named);
    }

    [Fact]
    public void Bad_instruments_are_reported_and_counted_and_a_repeated_symbol_is_flagged()
    {
        var instruments = Path.Combine(_folder, "instruments.jsonl");
        File.WriteAllLines(instruments,
        [
            """{"symbol":"TSE:7203","market":"TSE","currency":"JPY","lastPrice":2900,"lastPriceJpy":2900,"avgDailyTurnoverJpy":150000000000,"lotSize":100}""",
            """{"symbol":"TSE:7203","market":"TSE","currency":"JPY","lastPrice":2950,"lastPriceJpy":2950,"avgDailyTurnoverJpy":150000000000,"lotSize":100}""",
            """{"symbol":"TSE:9432","market":"TSE","currency":"JPY","lastPrice":-1,"lastPriceJpy":155,"avgDailyTurnoverJpy":1,"lotSize":100}""",
        ]);

        var run = Cli.RunWithInput(Order, "scan", "--events", "-", "--instruments", instruments);

        run.ExitCode.Should().Be(1);
        run.StdoutLines.Should().ContainSingle();
        run.Stderr.Should().Contain("line 2: field 'symbol': repeats the instrument of line 1")
            .And.Contain("line 3: field 'lastPrice': must be greater than zero")
            .And.Contain("2 malformed lines skipped");
    }

    [Theory]
    [InlineData("--events", "no-such-events.jsonl")]
    [InlineData("--instruments", "no-such-instruments.json")]
    public void A_missing_file_is_a_usage_error(string option, string file)
    {
        var args = new List<string> { "scan", "--events", SampleEvents, "--instruments", SampleInstruments };
        args[args.IndexOf(option) + 1] = Path.Combine(_folder, file);

        var run = Cli.Run([.. args]);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("error: ").And.Contain(file);
    }

    [Fact]
    public void Required_options_are_enforced_and_help_describes_them()
    {
        Cli.Run("scan").ExitCode.Should().Be(2);

        var help = Cli.Run("scan", "--help");
        help.ExitCode.Should().Be(0);
        help.Stdout.Should().Contain("--events").And.Contain("--instruments").And.Contain("--config").And.Contain("--out");
    }

    [Fact]
    public void Binary_garbage_never_crashes_the_scan()
    {
        var random = new Random(42);
        var bytes = new byte[20_000];
        random.NextBytes(bytes);
        var events = Path.Combine(_folder, "garbage.bin");
        File.WriteAllBytes(events, bytes);

        var run = Cli.Run("scan", "--events", events, "--instruments", SampleInstruments);

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain("malformed lines skipped");
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
}
