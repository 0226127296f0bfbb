using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using TakeoverRules;
using TakeoverRules.Benchmarks.Detection;
using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;
using TakeoverRules.Orleans;

namespace OrleansGateway;

/// <summary>
/// <c>--load N</c>: N allow-path order decisions from many concurrent callers, through the in-process detector, through
/// one local silo with Orleans' in-memory storage and (with <c>--postgres</c>) with PostgreSQL storage, in one run.
/// The callers use the silo's own <see cref="IOrderDecisions"/> (its grain factory, no network hop). Each caller owns a
/// share of the accounts and sends their orders in order, so every run's decisions can be checked line for line
/// against one sequential in-process detector. Prints throughput, p50/p99 latency and where the CPU time went.
/// </summary>
internal sealed class LoadRun(GatewaySettings settings, TextWriter output)
{
    /// <summary>Days of each account's history, ingested before the timed orders so every account has a baseline.</summary>
    private const int HistoryDays = 5;

    private const int IngestBatch = 1024;

    public async Task<int> RunAsync()
    {
        var accounts = settings.Accounts;
        var measuredDays = 1 + ((settings.Load + accounts - 1) / accounts);
        var workload = new DetectionWorkload(accounts, HistoryDays, measuredDays, attackedShare: 0);
        var orders = workload.HonestTail.OfType<OrderEvent>().ToArray();
        var warm = orders[..accounts];
        var timed = orders[accounts..(accounts + settings.Load)];
        var lanes = Lanes(timed, settings.Concurrency);

        var (expected, allows) = Reference(workload, warm, timed);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {timed.Length:N0} timed orders of {accounts:N0} accounts (after {workload.History.Length:N0} history events and {warm.Length:N0} warm-up orders), {settings.Concurrency} concurrent callers; " +
            $"{allows:N0} of them allowed in process; write-behind {settings.MaxUnpersistedEvents}; {Environment.ProcessorCount} cores; load average {LoadAverage()}"));

        var runs = new List<Measured> { InProcess(workload, warm, timed, lanes, expected) };
        runs.Add(await SiloAsync("memory", null, workload, warm, timed, lanes, expected));
        if (settings.Postgres is { } postgres)
        {
            runs.Add(await SiloAsync("PostgreSQL", postgres, workload, warm, timed, lanes, expected));
        }

        output.WriteLine();
        output.WriteLine("| host | storage | decisions/s | p50 ms | p99 ms | p99.9 ms | max ms | CPU µs/decision (gateway+silo) | CPU µs/decision (PostgreSQL) | allocated B/decision | GC pause ms (GCs) | storage writes/decision | write ms mean / p50 / p99 | lines = in process |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var run in runs)
        {
            output.WriteLine(run.Row());
        }

        output.WriteLine();
        output.WriteLine(Breakdown(timed));
        output.WriteLine($"load average after: {LoadAverage()}");
        return runs.All(r => r.Mismatches == 0) ? 0 : 1;
    }

    /// <summary>One sequential in-process detector: the decision line of every timed order, and how many were allowed.</summary>
    private static (byte[][] Lines, int Allows) Reference(DetectionWorkload workload, OrderEvent[] warm, OrderEvent[] timed)
    {
        var detector = new TakeoverDetector(new DetectorOptions(), workload.Instruments);
        foreach (var e in workload.History.Concat(warm))
        {
            detector.Evaluate(e);
        }

        var decisions = timed.Select(e => detector.Evaluate(e)).ToArray();
        return ([.. decisions.Select(d => DecisionLines.Of(d))], decisions.Count(d => d.Kind == DecisionKind.Allow && d.Status == DecisionStatus.Evaluated));
    }

    private Measured InProcess(DetectionWorkload workload, OrderEvent[] warm, OrderEvent[] timed, int[][] lanes, byte[][] expected)
    {
        var detector = new TakeoverDetector(new DetectorOptions(), workload.Instruments);
        foreach (var e in workload.History.Concat(warm))
        {
            detector.Evaluate(e);
        }

        var probe = Probe.Start();
        var (decisions, latencies, elapsed) = DriveAsync(timed, lanes, e => ValueTask.FromResult(detector.Evaluate(e))).GetAwaiter().GetResult();
        return new Measured("in process (TakeoverDetector)", "—", timed.Length, elapsed, latencies, probe.Stop(), null, Mismatches(decisions, expected));
    }

    private async Task<Measured> SiloAsync(string storage, string? postgres, DetectionWorkload workload, OrderEvent[] warm, OrderEvent[] timed, int[][] lanes, byte[][] expected)
    {
        var meter = new StorageMeter();
        var silo = settings with
        {
            Postgres = postgres,
            ServiceId = "load-" + Guid.NewGuid().ToString("N")[..12],
            SiloPort = FreePort(),
            GatewayPort = FreePort(),
        };
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddTakeoverRules();
        builder.Services.AddSingleton<IInstrumentSource>(workload.Instruments);
        builder.UseOrleans(s => GatewaySilo.Configure(s, silo, meter));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var decisions = host.Services.GetRequiredService<IOrderDecisions>();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < workload.History.Length; i += IngestBatch)
            {
                await decisions.IngestAsync(workload.History[i..Math.Min(i + IngestBatch, workload.History.Length)]);
            }

            await DriveAsync(warm, Lanes(warm, settings.Concurrency), e => new ValueTask<Decision>(decisions.DecideAsync(e)));
            var grainOptions = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DetectionGrainOptions>>().Value;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"silo ({storage}, write-behind {grainOptions.MaxUnpersistedEvents}): history and warm-up in {clock.Elapsed.TotalSeconds:0.0} s, {meter.Writes:N0} storage writes"));

            meter.Reset();
            var probe = Probe.Start();
            var (decided, latencies, elapsed) = await DriveAsync(timed, lanes, e => new ValueTask<Decision>(decisions.DecideAsync(e)));
            var cpu = probe.Stop();
            var writes = new StorageCounts(meter.Writes, meter.WriteTime, meter.Reads, meter.WriteDurations()); // before the stop writes every account's tail
            var inFlight = meter.InFlight;
            await Task.Delay(TimeSpan.FromSeconds(2));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"silo ({storage}): {inFlight:N0} storage writes unfinished when the last decision returned, {meter.InFlight:N0} two seconds later with no calls"));
            return new Measured("one local silo (IOrderDecisions)", storage, timed.Length, elapsed, latencies, cpu, writes, Mismatches(decided, expected));
        }
        finally
        {
            await host.StopAsync();
            if (postgres is not null)
            {
                await DeleteStateAsync(postgres, silo.ServiceId);
            }
        }
    }

    /// <summary>Runs every lane as one caller, each awaiting its decision before sending its next order.</summary>
    private static async Task<(Decision[] Decisions, long[] Latencies, TimeSpan Elapsed)> DriveAsync(OrderEvent[] events, int[][] lanes, Func<OrderEvent, ValueTask<Decision>> decide)
    {
        var decisions = new Decision[events.Length];
        var latencies = new long[events.Length];
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(lanes.Select(lane => Task.Run(async () =>
        {
            foreach (var i in lane)
            {
                var t = Stopwatch.GetTimestamp();
                decisions[i] = await decide(events[i]);
                latencies[i] = Stopwatch.GetTimestamp() - t;
            }
        })));
        return (decisions, latencies, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>Positions of the events per caller: caller k owns the accounts whose number is k modulo the callers.</summary>
    private static int[][] Lanes(OrderEvent[] events, int callers)
    {
        var lanes = Enumerable.Range(0, callers).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < events.Length; i++)
        {
            var number = int.Parse(events[i].Account.AsSpan("acct-".Length), CultureInfo.InvariantCulture);
            lanes[number % callers].Add(i);
        }

        return [.. lanes.Where(l => l.Count > 0).Select(l => l.ToArray())];
    }

    private static int Mismatches(Decision[] decisions, byte[][] expected) =>
        decisions.Where((d, i) => !DecisionLines.Of(d).AsSpan().SequenceEqual(expected[i])).Count();

    /// <summary>Single-threaded costs of the steps around the detector on the silo path, per order.</summary>
    private static string Breakdown(OrderEvent[] timed)
    {
        var sample = timed[..Math.Min(timed.Length, 50_000)];
        var lines = new byte[sample.Length][];
        var stream = new MemoryStream(256);
        using var writer = new EventWriter(stream, leaveOpen: true);
        var encode = Time(() =>
        {
            for (var i = 0; i < sample.Length; i++)
            {
                // What the gateway side of IOrderDecisions does to every event: one event-format v1 line (one writer per thread).
                stream.SetLength(0);
                writer.Write(sample[i]);
                writer.Flush();
                lines[i] = stream.ToArray();
            }
        });
        var parse = Time(() =>
        {
            foreach (var line in lines)
            {
                // What the account grain does with it.
                _ = EventReader.Parse(line.AsSpan(0, line.Length - 1));
            }
        });
        return string.Create(CultureInfo.InvariantCulture,
            $"per order, one thread: event line written {encode.Time.TotalMicroseconds / sample.Length:0.0} µs and {encode.Bytes / sample.Length:N0} B allocated, " +
            $"read back {parse.Time.TotalMicroseconds / sample.Length:0.0} µs and {parse.Bytes / sample.Length:N0} B (the rest of the silo's CPU per decision above the in-process detector's is Orleans: the call, its scheduling, the copy of the arguments and the decision, and the storage writes)");

        static (TimeSpan Time, long Bytes) Time(Action action)
        {
            action();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            action();
            return (Stopwatch.GetElapsedTime(start), GC.GetAllocatedBytesForCurrentThread() - bytes);
        }
    }

    private static async Task DeleteStateAsync(string connectionString, string serviceId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("DELETE FROM orleansstorage WHERE serviceid = @s", connection);
        command.Parameters.AddWithValue("s", serviceId);
        await command.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>CPU time of this process and of every PostgreSQL server process over a measured stretch.</summary>
    private readonly record struct Probe(TimeSpan Process, TimeSpan Postgres, TimeSpan GcPause, int Gcs, long Allocated)
    {
        public static Probe Start() => new(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime, PostgresCpu(), GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.GetTotalAllocatedBytes());

        public Probe Stop() => new(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - Process, PostgresCpu() - Postgres,
            GC.GetTotalPauseDuration() - GcPause, GC.CollectionCount(0) - Gcs, GC.GetTotalAllocatedBytes() - Allocated);

        /// <summary>utime + stime of the processes named postgres (Linux /proc; 100 ticks per second).</summary>
        private static TimeSpan PostgresCpu()
        {
            long ticks = 0;
            foreach (var dir in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var close = stat.LastIndexOf(')');
                    if (close < 0 || !stat.AsSpan(0, close).EndsWith("(postgres", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var fields = stat[(close + 2)..].Split(' ');
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
                {
                }
            }

            return TimeSpan.FromSeconds(ticks / 100.0);
        }
    }

    private sealed record StorageCounts(long Writes, TimeSpan WriteTime, long Reads, TimeSpan[] Durations);

    private sealed record Measured(string Host, string Storage, int Count, TimeSpan Elapsed, long[] Latencies, Probe Cpu, StorageCounts? Meter, int Mismatches)
    {
        private static string WriteLatency(StorageCounts m)
        {
            var sorted = m.Durations.Order().ToArray();
            return string.Create(CultureInfo.InvariantCulture,
                $"{m.WriteTime.TotalMilliseconds / m.Writes:0.00} / {sorted[sorted.Length / 2].TotalMilliseconds:0.00} / {sorted[(int)(0.99 * (sorted.Length - 1))].TotalMilliseconds:0.00}");
        }

        public string Row()
        {
            var sorted = Latencies.Order().ToArray();
            double Ms(double q) => Stopwatch.GetElapsedTime(0, sorted[(int)Math.Round(q * (sorted.Length - 1))]).TotalMilliseconds;
            var writes = Meter is null ? "—" : string.Create(CultureInfo.InvariantCulture, $"{(double)Meter.Writes / Count:0.000} ({Meter.Reads:N0} reads)");
            var writeMs = Meter is { Writes: > 0 } m ? WriteLatency(m) : "—";
            return string.Create(CultureInfo.InvariantCulture,
                $"| {Host} | {Storage} | {Count / Elapsed.TotalSeconds:N0} | {Ms(0.50):0.000} | {Ms(0.99):0.000} | {Ms(0.999):0.000} | {Ms(1):0.000} | " +
                $"{Cpu.Process.TotalMicroseconds / Count:0.0} | {Cpu.Postgres.TotalMicroseconds / Count:0.0} | {Cpu.Allocated / Count:N0} | {Cpu.GcPause.TotalMilliseconds:0} ({Cpu.Gcs:N0}) | {writes} | {writeMs} | " +
                $"{(Mismatches == 0 ? "yes" : $"NO: {Mismatches:N0} differ")} |");
        }
    }
}
