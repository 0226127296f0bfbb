using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;

namespace TakeoverRules.Cli.Tests.Commands;

/// <summary>
/// Issue 13, "Done when": for any stream of events for a few accounts (valid, late, future-dated, redelivered, with
/// invalid fields or malformed), <c>takeover scan</c> (run in process: its reader, the detector and its writer) gives
/// every order exactly one decision line or one reported error, duplicates none, and a summary whose counts add up.
/// The expected outcome of each line comes from the documented rules (event-format.md, detection.md), not from the
/// detector: an order already written is a duplicate; a time more than a day after now is too early; an id the account
/// applied is a duplicate; a time more than the grace before the account's latest applied event is too late.
/// </summary>
public sealed partial class ScanPropertyTests
{
    private static readonly string SampleInstruments = Path.Combine(RepoRoot(), "samples", "data", "instruments.json");
    private static readonly string[] Symbols = ["TSE:7203", "TSE:9432", "HKEX:00700", "HKEX:08365"];
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);

    private enum Step
    {
        Login,
        Order,
        Portfolio,
        Setting,
        LateEvent,
        FutureEvent,
        RedeliverAnyOrder,
        RedeliverRecentLine,
        InvalidField,
        Malformed,
        IdOverTheCap,
    }

    /// <summary>What one input line is, as the generator made it.</summary>
    private sealed record Line(string Text, string? Account = null, string? Id = null, bool IsOrder = false, DateTimeOffset Time = default, bool IsError = false);

    /// <summary>Streams of 1–80 lines over three accounts; a step's numbers choose its account, time, variant and what it repeats.</summary>
    private static readonly Gen<List<Line>> Streams =
        Gen.Select(Gen.Int[0, 2], Gen.Frequency((6, Gen.Const(Step.Login)), (6, Gen.Const(Step.Order)), (1, Gen.Const(Step.Portfolio)), (1, Gen.Const(Step.Setting)),
                (3, Gen.Const(Step.LateEvent)), (1, Gen.Const(Step.FutureEvent)), (2, Gen.Const(Step.RedeliverAnyOrder)), (2, Gen.Const(Step.RedeliverRecentLine)),
                (1, Gen.Const(Step.InvalidField)), (1, Gen.Const(Step.Malformed)), (1, Gen.Const(Step.IdOverTheCap))),
                Gen.Int[0, 40], Gen.Int[0, 3], Gen.Int[0, 1000])
            .List[1, 80]
            .Select(Build);

    [Fact]
    public void Every_order_gets_one_decision_line_or_one_error_duplicates_none_and_the_summary_adds_up()
    {
        Streams.Sample(Check, iter: 150);
    }

    private static List<Line> Build(List<(int Account, Step Step, int Minutes, int Variant, int Pick)> steps)
    {
        var clock = new DateTimeOffset(2025, 3, 21, 9, 0, 0, TimeSpan.FromHours(9));
        var lines = new List<Line>(steps.Count);
        for (var n = 0; n < steps.Count; n++)
        {
            var (accountIndex, step, minutes, variant, pick) = steps[n];
            var account = "A" + accountIndex.ToString(CultureInfo.InvariantCulture);
            var id = "e" + n.ToString(CultureInfo.InvariantCulture);
            if (step is not (Step.LateEvent or Step.FutureEvent))
            {
                clock = clock.AddMinutes(minutes);
            }

            var orders = lines.Where(l => l.IsOrder).ToList();
            var recent = lines.Where(l => l.Account == account).TakeLast(8).ToList();
            lines.Add(step switch
            {
                Step.Login => LoginLine(id, clock, account, variant),
                Step.Order => OrderLine(id, clock, account, variant),
                Step.Portfolio => Event($$"""{"type":"portfolio","id":"{{id}}","time":"{{Time(clock)}}","account":"{{account}}","positions":[{"symbol":"TSE:7203","quantity":300,"valueJpy":870000}],"cashJpy":450000,"buyingPowerJpy":450000}""", account, id, clock),
                Step.Setting => Event($$"""{"type":"settingChanged","id":"{{id}}","time":"{{Time(clock)}}","account":"{{account}}","setting":"loginNotifications","enabled":false}""", account, id, clock),

                // Back by 0 to 200 minutes: within the 10-minute grace or beyond it.
                Step.LateEvent => variant % 2 == 0 ? OrderLine(id, clock.AddMinutes(-5 * minutes), account, variant) : LoginLine(id, clock.AddMinutes(-5 * minutes), account, variant),
                Step.FutureEvent => variant % 2 == 0 ? OrderLine(id, Future(minutes), account, variant) : LoginLine(id, Future(minutes), account, variant),

                // An order is redelivered however late; another event only soon (the detector remembers an account's newest ids).
                Step.RedeliverAnyOrder when orders.Count > 0 => orders[pick % orders.Count],
                Step.RedeliverRecentLine when recent.Count > 0 => recent[pick % recent.Count],
                Step.RedeliverAnyOrder or Step.RedeliverRecentLine => LoginLine(id, clock, account, variant),

                Step.InvalidField => variant % 2 == 0
                    ? Error($$"""{"type":"order","id":"{{id}}","time":"{{Time(clock)}}","account":"{{account}}","orderId":"x{{id}}","side":"buy","symbol":"TSE:7203","quantity":-100,"orderType":"market","notionalJpy":290000}""", account)
                    : Error($$"""{"type":"login","id":"{{id}}","time":"{{Time(clock)[..19]}}","account":"{{account}}","success":true,"ip":"203.0.113.7","device":"d","authMethod":"password","channel":"web"}""", account),
                Step.Malformed => Error($$"""{"type":"order","id":"{{id}}","time":"{{Time(clock)}}","account":"{{account}}","orderId":""", account),
                _ => OrderLine(id + new string('x', 300), clock, account, variant) with { IsError = true, IsOrder = false },
            });
        }

        return lines;
    }

    /// <summary>What the documented rules expect of a stream: each order's line status, the ids applied, the stderr reports and the counts.</summary>
    private sealed record Expected(Dictionary<(string, string), string> Orders, HashSet<(string, string)> Applied, List<string> Reports,
        int Errors, int OrderDuplicates, int OtherDuplicates, int Late, int Early);

    private static Expected Expect(List<Line> lines)
    {
        var written = new HashSet<(string, string)>();
        var applied = new HashSet<(string, string)>();
        var latest = new Dictionary<string, DateTimeOffset>();
        var orders = new Dictionary<(string, string), string>();
        var (errors, orderDuplicates, otherDuplicates, late, early) = (0, 0, 0, 0, 0);
        var reports = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (line.IsError)
            {
                errors++;
                reports.Add($"stdin: line {number}: ");
                continue;
            }

            var key = (line.Account!, line.Id!);
            string status;
            if (line.IsOrder && written.Contains(key))
            {
                orderDuplicates++;
                continue;
            }

            if (line.Time > DateTimeOffset.UtcNow.AddDays(1))
            {
                (early, status) = (early + 1, "tooEarly");
                reports.Add($"stdin: line {number}: event '{line.Id}' not evaluated");
            }
            else if (applied.Contains(key))
            {
                otherDuplicates++;
                continue;
            }
            else if (latest.TryGetValue(line.Account!, out var last) && line.Time < last - Grace)
            {
                (late, status) = (late + 1, "tooLate");
                reports.Add($"stdin: line {number}: event '{line.Id}' not evaluated");
            }
            else
            {
                applied.Add(key);
                latest[line.Account!] = line.Time > last ? line.Time : last;
                status = "evaluated";
            }

            if (line.IsOrder)
            {
                written.Add(key);
                orders.Add(key, status);
            }
        }

        return new Expected(orders, applied, reports, errors, orderDuplicates, otherDuplicates, late, early);
    }

    [Fact]
    public void The_streams_reach_every_outcome()
    {
        var totals = new int[7];
        Streams.Sample(lines =>
        {
            var e = Expect(lines);
            int[] outcomes = [e.Errors, e.OrderDuplicates, e.OtherDuplicates, e.Orders.Values.Count(s => s == "tooLate"), e.Orders.Values.Count(s => s == "tooEarly"), e.Late, e.Orders.Count];
            for (var i = 0; i < totals.Length; i++)
            {
                totals[i] += outcomes[i];
            }
        }, iter: 150, threads: 1);

        totals.Should().OnlyContain(t => t > 0, "errors, order and other duplicates, late and early orders, late events and orders all occur");
    }

    private static void Check(List<Line> lines)
    {
        var run = Cli.RunWithInput(string.Concat(lines.Select(l => l.Text + "\n")), "scan", "--events", "-", "--instruments", SampleInstruments);
        var expected = Expect(lines);
        var (applied, reports, errors) = (expected.Applied, expected.Reports, expected.Errors);
        var expectedOrders = expected.Orders;

        var summary = Summary().Match(run.Stderr);
        summary.Success.Should().BeTrue(run.Stderr);
        int Count(string name) => int.Parse(summary.Groups[name].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

        var decisions = run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement)
            .Select(d => (Key: (d.GetProperty("account").GetString()!, d.GetProperty("eventId").GetString()!),
                Status: d.TryGetProperty("status", out var s) ? s.GetString()! : "evaluated"))
            .ToList();
        decisions.Select(d => d.Key).Should().OnlyHaveUniqueItems("one id, one decision line");
        foreach (var (key, status) in expectedOrders)
        {
            decisions.Should().ContainSingle(d => d.Key.Equals(key), $"order {key} gets exactly one line").Which.Status.Should().Be(status, $"order {key}");
        }

        decisions.Where(d => !expectedOrders.ContainsKey(d.Key)).Should()
            .NotContain(d => !applied.Contains(d.Key) || d.Status != "evaluated", "an event other than an order gets a line only when it was evaluated");
        foreach (var report in reports)
        {
            run.Stderr.Should().Contain(report);
        }

        run.Stderr.Split('\n').Count(l => l.StartsWith("stdin: line ", StringComparison.Ordinal)).Should().Be(reports.Count, "one report per bad or rejected line");
        Count("written").Should().Be(decisions.Count).And.Be(Count("allow") + Count("review") + Count("hold") + Count("freeze"));
        (Count("events"), Count("malformed")).Should().Be((lines.Count - errors, errors), "every line is an event or a malformed line");
        (Count("duplicates"), Count("late"), Count("early")).Should().Be((expected.OrderDuplicates + expected.OtherDuplicates, expected.Late, expected.Early));
        run.ExitCode.Should().Be(errors > 0 ? 1 : 0);
    }

    private static Line LoginLine(string id, DateTimeOffset time, string account, int variant) =>
        Event($$"""{"type":"login","id":"{{id}}","time":"{{Time(time)}}","account":"{{account}}","success":{{(variant == 3 ? "false" : "true")}},"ip":"198.51.100.{{variant}}","device":"device-{{variant}}","country":"{{(variant == 2 ? "SG" : "JP")}}","hosting":{{(variant == 2 ? "true" : "false")}},"authMethod":"password","channel":"web"}""", account, id, time);

    private static Line OrderLine(string id, DateTimeOffset time, string account, int variant) =>
        Event($$"""{"type":"order","id":"{{id}}","time":"{{Time(time)}}","account":"{{account}}","orderId":"x{{id}}","side":"{{(variant == 1 ? "sell" : "buy")}}","symbol":"{{Symbols[variant]}}","quantity":100,"orderType":"market","notionalJpy":290000}""", account, id, time) with { IsOrder = true };

    private static Line Event(string text, string account, string id, DateTimeOffset time) => new(text, account, id, Time: time);

    private static Line Error(string text, string account) => new(text, account, IsError: true);

    private static DateTimeOffset Future(int minutes) => new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minutes);

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"scan: (?<events>[\d,]+) events .*; (?<written>[\d,]+) decisions written \(allow (?<allow>[\d,]+), review (?<review>[\d,]+), hold (?<hold>[\d,]+), freeze (?<freeze>[\d,]+)\); (?<duplicates>[\d,]+) duplicates ignored; (?<late>[\d,]+) too late; (?<early>[\d,]+) too early; (?<malformed>[\d,]+) malformed lines skipped")]
    private static partial Regex Summary();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TakeoverRules.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
