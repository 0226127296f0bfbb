using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Cli.Commands;

/// <summary>
/// <c>takeover scan</c>: streams events (TakeoverRules event format v1) through the detector and writes the decisions
/// as JSON Lines. Malformed lines are reported on stderr with their line, field and reason, skipped and counted;
/// any of them makes the exit code 1. Each order gets one line, however late a redelivery of it comes. Memory grows with
/// accounts and symbols, not with the size of the input (beyond a bounded memory of the orders written).
/// </summary>
internal static class ScanCommand
{
    public static Command Create(CliConsole console)
    {
        var events = new Option<string>("--events") { Description = "Events file (JSON Lines, event format v1), or - for standard input", Required = true };
        var instruments = new Option<string>("--instruments") { Description = "Instrument reference data (JSON array or JSON Lines)", Required = true };
        var config = new Option<string?>("--config") { Description = "Detector options as JSON (DetectorOptions properties); defaults apply to absent ones" };
        var output = new Option<string>("--out") { Description = "Where to write decisions (JSON Lines), or - for standard output (default -)", DefaultValueFactory = _ => "-" };
        var history = new Option<string?>("--history") { Description = "Historical events to learn from first, without decisions (a warm start)" };
        var learnUntil = new Option<DateTimeOffset?>("--learn-until") { Description = "Learn from the events before this time (RFC 3339) without decisions; judge the rest" };
        var stateIn = new Option<string?>("--state-in") { Description = "Start from learned state written by --state-out (same detector options)" };
        var stateOut = new Option<string?>("--state-out") { Description = "Write the learned state at the end, for a later --state-in" };
        var language = CommonOptions.Language();

        var command = new Command("scan", "Evaluate events with the takeover detector and write one decision line per order and per flagged event.")
        {
            events, instruments, config, output, history, learnUntil, stateIn, stateOut, language,
        };
        command.SetAction(parse => new Scan(console, parse.GetValue(language)!)
            .Run(new ScanFiles(parse.GetValue(events)!, parse.GetValue(instruments)!, parse.GetValue(config), parse.GetValue(output)!,
                parse.GetValue(history), parse.GetValue(stateIn), parse.GetValue(stateOut)), parse.GetValue(learnUntil)));
        return command;
    }

    /// <summary>Instrument reference data is held in memory whole; a file beyond this is not reference data.</summary>
    private const long MaxInstrumentsBytes = 256L * 1024 * 1024;

    /// <summary>
    /// An events file is any length, but a stretch this long without a line break is not JSON Lines (each line is at
    /// most <see cref="EventReader.DefaultMaxLineBytes"/>): <c>/dev/zero</c> ends here instead of being skipped forever.
    /// </summary>
    private const long MaxEventsLineGap = 64L * EventReader.DefaultMaxLineBytes;

    private const int MaxConfigBytes = 1024 * 1024;

    /// <summary>The files a scan reads and writes.</summary>
    private sealed record ScanFiles(string Events, string Instruments, string? Config, string Out, string? History, string? StateIn, string? StateOut);

    private sealed class Scan(CliConsole console, CultureInfo culture)
    {
        private readonly TextWriter _error = console.Error;
        private readonly WrittenOrderIds _writtenOrders = new();
        private long _malformed;

        public int Run(ScanFiles files, DateTimeOffset? learnUntil)
        {
            var (eventsPath, instrumentsPath, configPath, outPath) = (files.Events, files.Instruments, files.Config, files.Out);

            // Checked before anything is opened for writing: --out (or --state-out) naming an input would truncate it to nothing.
            var inputs = new[] { (eventsPath, "--events"), (instrumentsPath, "--instruments"), (configPath, "--config"), (files.History, "--history"), (files.StateIn, "--state-in") };
            foreach (var (written, flag) in new[] { (outPath, "--out"), (files.StateOut, "--state-out") })
            {
                foreach (var (inputPath, what) in inputs)
                {
                    if (written is not null && written != "-" && inputPath is not null && inputPath != "-" && InputFiles.SameFile(inputPath, written))
                    {
                        _error.WriteLine($"error: {flag} {written} is the {what} file; refusing to overwrite an input");
                        return ExitCodes.UsageError;
                    }
                }
            }

            if (files.History == "-" && eventsPath == "-")
            {
                _error.WriteLine("error: --history and --events cannot both be standard input");
                return ExitCodes.UsageError;
            }

            DetectorOptions options;
            TakeoverDetector detector;
            try
            {
                options = configPath is null ? new DetectorOptions() : LoadOptions(configPath);
                detector = new TakeoverDetector(options, LoadInstruments(instrumentsPath));
                if (files.StateIn is { } statePath)
                {
                    using var state = InputFiles.Open(statePath, "--state-in");
                    detector.LoadState(state);
                }
            }
            catch (DetectorSnapshotException ex)
            {
                _error.WriteLine($"error: --state-in {files.StateIn}: {ex.Message}");
                return ExitCodes.UsageError;
            }
            catch (Exception ex) when (ex is InputFileException or UnauthorizedAccessException or JsonException or TakeoverRulesOptionsException)
            {
                _error.WriteLine($"error: {ex.Message}");
                return ExitCodes.UsageError;
            }
            catch (IOException ex)
            {
                _error.WriteLine($"error: reading failed: {ex.Message}");
                return ExitCodes.IoError;
            }

            Stream input, outputStream;
            try
            {
                input = OpenInput(eventsPath, "--events");
                outputStream = OpenOutput(outPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _error.WriteLine($"error: {ex.Message}");
                return ExitCodes.UsageError;
            }

            try
            {
                using (input)
                using (outputStream)
                {
                    if (files.History is { } historyPath)
                    {
                        using var history = OpenInput(historyPath, "--history");
                        Evaluate(detector, history, historyPath == "-" ? "stdin" : historyPath, sink: null, DateTimeOffset.MaxValue);
                    }

                    var rc = Evaluate(detector, input, eventsPath == "-" ? "stdin" : eventsPath, outputStream, learnUntil ?? DateTimeOffset.MinValue);
                    if (files.StateOut is { } stateOutPath)
                    {
                        using var state = new FileStream(stateOutPath, FileMode.Create, FileAccess.Write, FileShare.None);
                        detector.SaveState(state);
                    }

                    return rc;
                }
            }
            catch (InputFileException ex)
            {
                _error.WriteLine($"error: {ex.Message}");
                return ExitCodes.UsageError;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _error.WriteLine($"error: input/output failed, the decisions are incomplete: {ex.Message}");
                return ExitCodes.IoError;
            }
        }

        // One span per scan for hosts that trace the tool (OpenTelemetry's dotnet auto-instrumentation, dotnet-trace).
        private static readonly ActivitySource Tracing = new(TakeoverRules.Diagnostics.TakeoverRulesTelemetry.ActivitySourceName);

        /// <summary>
        /// Runs one events file through the detector: events before <paramref name="learnUntil"/> are learned without a
        /// decision, the rest are judged and written to <paramref name="sink"/> (a history file has no sink: all learned).
        /// </summary>
        private int Evaluate(TakeoverDetector detector, Stream input, string inputName, Stream? sink, DateTimeOffset learnUntil)
        {
            using var activity = Tracing.StartActivity("takeoverrules.scan");
            activity?.SetTag("takeoverrules.scan.input", inputName);
            var clock = Stopwatch.StartNew();
            var progress = new Progress(_error, console.ErrorIsTerminal, input.CanSeek ? input.Length : -1);
            long events = 0, duplicates = 0, late = 0, early = 0, learned = 0;
            using var writer = new DecisionWriter(sink ?? Stream.Null, culture, leaveOpen: true);
            using var lines = new DecisionLines(writer);
            using (var batches = new ParsedBatches(input))
            {
                foreach (var batch in batches.Read())
                {
                    var decisions = lines.Take();
                    foreach (var result in batch.Results.AsSpan(0, batch.Count))
                    {
                        if (!result.IsSuccess)
                        {
                            Malformed(inputName, result.Error);
                            continue;
                        }

                        // Counted once the detector has taken the event: a line it refuses is a malformed line, not an event.
                        Decision decision;
                        try
                        {
                            if (result.Value.Time < learnUntil)
                            {
                                var status = detector.Learn(result.Value);
                                events++;
                                learned += status == DecisionStatus.Evaluated ? 1 : 0;
                                duplicates += status == DecisionStatus.Duplicate ? 1 : 0;
                                continue;
                            }

                            if (sink is not null && result.Value.Type == AccountEventType.Order && _writtenOrders.Contains(result.Value.Account, result.Value.Id))
                            {
                                // A redelivery of an order already written, too late for the detector's memory: one id, one line.
                                events++;
                                duplicates++;
                                continue;
                            }

                            decision = detector.Evaluate(result.Value);
                        }
                        catch (ArgumentException ex)
                        {
                            // A line the reader accepts but the detector refuses (a text over MaxIdLength): reported, never applied.
                            Malformed(inputName, new EventFormatError(result.Line, ex.ParamName ?? "event", null, ex.Message));
                            continue;
                        }

                        events++;

                        if (sink is not null && decision.EventType == AccountEventType.Order && decision.IsReportable)
                        {
                            _writtenOrders.Add(decision.Account, decision.EventId);
                        }

                        switch (decision.Status)
                        {
                            case DecisionStatus.Duplicate:
                                duplicates++;
                                break;
                            case DecisionStatus.TooLate or DecisionStatus.TooEarly:
                                late += decision.Status == DecisionStatus.TooLate ? 1 : 0;
                                early += decision.Status == DecisionStatus.TooEarly ? 1 : 0;
                                _error.WriteLine($"{inputName}: line {result.Line}: event '{result.Value.Id}' not evaluated: {decision.RejectionReason}");
                                // The writer keeps an order's line (LateOrderDecision, with status and reason): never a silent allow.
                                decisions.Add(decision);
                                break;
                            default:
                                decisions.Add(decision);
                                break;
                        }
                    }

                    progress.Report(events, batch.BytesRead, clock.Elapsed);
                    batches.Recycle(batch);
                    lines.Write(decisions);
                }

                lines.Complete();
            }

            // Written out before the summary, so that a failure of the last write is reported instead of a success.
            writer.Flush();
            sink?.Flush();

            var (written, kinds) = (lines.Written, lines.Kinds);
            progress.Clear();
            var seconds = clock.Elapsed.TotalSeconds;
            _error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(sink is null ? "history" : "scan")}: {events:N0} events in {seconds:0.00} s ({(seconds > 0 ? events / seconds : 0):N0} events/s); {learned:N0} learned without decisions; {written:N0} decisions written " +
                $"(allow {kinds[0]:N0}, review {kinds[1]:N0}, hold {kinds[2]:N0}, freeze {kinds[3]:N0}); {duplicates:N0} duplicates ignored; " +
                $"{late:N0} too late; {early:N0} too early; {_malformed:N0} malformed lines skipped; {detector.AccountCount:N0} accounts"));
            return _malformed > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        }

        private void Malformed(string source, EventFormatError error)
        {
            _malformed++;
            _error.WriteLine($"{source}: {error}");
        }

        private InstrumentTable LoadInstruments(string path)
        {
            var instruments = new List<Instrument>();
            var lineOf = new Dictionary<string, long>(StringComparer.Ordinal);
            using var reader = new InstrumentReader(new BoundedInputStream(InputFiles.Open(path, "--instruments"), "--instruments " + path, MaxInstrumentsBytes, MaxInstrumentsBytes));
            while (reader.TryRead(out var result))
            {
                if (!result.IsSuccess)
                {
                    Malformed(path, result.Error);
                    continue;
                }

                if (lineOf.TryGetValue(result.Value.Symbol, out var first))
                {
                    // The later entry wins (as in InstrumentTable), but a repeated symbol is a data problem worth seeing.
                    Malformed(path, new EventFormatError(result.Line, "symbol", result.Value.Symbol, $"repeats the instrument of line {first}; this later entry is used"));
                }

                lineOf[result.Value.Symbol] = result.Line;
                instruments.Add(result.Value);
            }

            if (instruments.Count == 0)
            {
                _error.WriteLine($"warning: {path} has no instruments: the thin-stock, price-limit and cross-account indicators are OFF for this scan");
            }

            return new InstrumentTable(instruments);
        }

        private static DetectorOptions LoadOptions(string path)
        {
            var json = InputFiles.ReadAllText(path, "--config", MaxConfigBytes);
            try
            {
                return JsonSerializer.Deserialize(json, ScanJson.Default.DetectorOptions)
                    ?? throw new JsonException("the file holds null, not an object of detector options");
            }
            catch (JsonException ex)
            {
                throw new JsonException($"config {path}: {ex.Message}", ex);
            }
        }

        private BoundedInputStream OpenInput(string path, string flag)
        {
            var stream = path == "-"
                ? console.In is StreamReader { BaseStream: var stdin } ? stdin : new MemoryStream(System.Text.Encoding.UTF8.GetBytes(console.In.ReadToEnd()))
                : InputFiles.Open(path, flag);
            return new BoundedInputStream(stream, flag + " " + (path == "-" ? "stdin" : path), long.MaxValue, MaxEventsLineGap);
        }

        private Stream OpenOutput(string path)
        {
            if (path != "-")
            {
                return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1);
            }

            if (console.Out is StreamWriter { BaseStream: var stdout } writer)
            {
                writer.Flush();
                return new NonClosingStream(stdout);
            }

            return new TextWriterStream(console.Out);
        }
    }

    /// <summary>
    /// Parses events on a second thread while the caller detects and writes, so that a scan uses both cores of a small
    /// machine. Batches are recycled and at most <see cref="InFlight"/> are queued, so memory stays bounded.
    /// </summary>
    private sealed class ParsedBatches : IDisposable
    {
        public const int BatchSize = 1024;
        private const int InFlight = 4;

        private readonly BlockingCollection<Batch> _full = new(InFlight);
        private readonly ConcurrentBag<Batch> _empty = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Stream _input;
        private Thread? _thread;
        private ExceptionDispatchInfo? _failure;

        public ParsedBatches(Stream input) => _input = input;

        public IEnumerable<Batch> Read()
        {
            _thread = new Thread(Produce) { IsBackground = true, Name = "takeover scan reader" };
            _thread.Start();
            foreach (var batch in _full.GetConsumingEnumerable())
            {
                yield return batch;
            }

            _failure?.Throw();
        }

        public void Recycle(Batch batch)
        {
            // Cleared here rather than when reused, so that a batch waiting for reuse keeps no parsed event alive.
            Array.Clear(batch.Results, 0, batch.Count);
            batch.Count = 0;
            _empty.Add(batch);
        }

        public void Dispose()
        {
            // Stops the reader if the consumer failed (e.g. the output disk is full) so the thread does not wait forever.
            _stop.Cancel();
            _thread?.Join();
            _stop.Dispose();
            _full.Dispose();
        }

        private void Produce()
        {
            try
            {
                using var reader = new EventReader(_input, leaveOpen: true);
                var batch = Take();
                while (reader.TryRead(out var result))
                {
                    batch.Results[batch.Count++] = result;
                    if (batch.Count == BatchSize)
                    {
                        batch.BytesRead = reader.BytesRead;
                        _full.Add(batch, _stop.Token);
                        batch = Take();
                    }
                }

                batch.BytesRead = reader.BytesRead;
                _full.Add(batch, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                _full.CompleteAdding();
            }
        }

        private Batch Take() => _empty.TryTake(out var batch) ? batch : new Batch(new ReadResult<AccountEvent>[BatchSize]);
    }

    /// <summary>
    /// Writes the decisions on a third thread, so that detection (the busier of the two stages) does not also format
    /// them as JSON while the parsing thread has time to spare. Batches keep their order through one bounded queue.
    /// </summary>
    private sealed class DecisionLines : IDisposable
    {
        private const int InFlight = 4;

        private readonly BlockingCollection<DecisionBatch> _full = new(InFlight);
        private readonly ConcurrentBag<DecisionBatch> _empty = [];
        private readonly CancellationTokenSource _failed = new();
        private readonly DecisionWriter _writer;
        private readonly Thread _thread;
        private ExceptionDispatchInfo? _failure;

        public DecisionLines(DecisionWriter writer)
        {
            _writer = writer;
            _thread = new Thread(Run) { IsBackground = true, Name = "takeover scan writer" };
            _thread.Start();
        }

        public long Written { get; private set; }

        public long[] Kinds { get; } = new long[4];

        public DecisionBatch Take() => _empty.TryTake(out var batch) ? batch : new DecisionBatch();

        public void Write(DecisionBatch batch)
        {
            try
            {
                _full.Add(batch, _failed.Token);
            }
            catch (OperationCanceledException)
            {
                _failure!.Throw();
            }
        }

        /// <summary>Waits until every decision is written; rethrows the writer's failure (e.g. a full disk) on this thread.</summary>
        public void Complete()
        {
            _full.CompleteAdding();
            _thread.Join();
            _failure?.Throw();
        }

        public void Dispose()
        {
            if (!_full.IsAddingCompleted)
            {
                _full.CompleteAdding();
            }

            _thread.Join();
            _failed.Dispose();
            _full.Dispose();
        }

        private void Run()
        {
            try
            {
                foreach (var batch in _full.GetConsumingEnumerable())
                {
                    foreach (var decision in batch.Decisions.AsSpan(0, batch.Count))
                    {
                        if (_writer.WriteIfReportable(decision))
                        {
                            Written++;
                            Kinds[(int)decision.Kind]++;
                        }
                    }

                    Array.Clear(batch.Decisions, 0, batch.Count);
                    batch.Count = 0;
                    _empty.Add(batch);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _failure = ExceptionDispatchInfo.Capture(ex);
                _failed.Cancel();

                // Drains the queue so that the detecting thread is never left waiting on a full one.
                foreach (var _ in _full.GetConsumingEnumerable())
                {
                }
            }
        }
    }

    private sealed class DecisionBatch
    {
        public Decision[] Decisions { get; } = new Decision[ParsedBatches.BatchSize];

        public int Count { get; set; }

        public void Add(in Decision decision) => Decisions[Count++] = decision;
    }

    private sealed class Batch(ReadResult<AccountEvent>[] results)
    {
        public ReadResult<AccountEvent>[] Results { get; } = results;

        public int Count { get; set; }

        public long BytesRead { get; set; }
    }

    /// <summary>A progress line on stderr, only on a terminal and only once a scan has run for a second.</summary>
    private sealed class Progress(TextWriter error, bool enabled, long totalBytes)
    {
        private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
        private TimeSpan _last;
        private bool _shown;

        public void Report(long events, long bytes, TimeSpan elapsed)
        {
            if (!enabled || elapsed < Delay || elapsed - _last < Interval)
            {
                return;
            }

            _last = elapsed;
            _shown = true;
            var share = totalBytes > 0 ? string.Create(CultureInfo.InvariantCulture, $", {100.0 * bytes / totalBytes:0}%") : "";
            error.Write(string.Create(CultureInfo.InvariantCulture, $"\rscan: {events:N0} events, {bytes / (1024.0 * 1024):N0} MiB{share}   "));
        }

        public void Clear()
        {
            if (_shown)
            {
                error.Write("\r" + new string(' ', 60) + "\r");
            }
        }
    }
}

/// <summary>Binds <c>--config</c> files: property names as in <see cref="DetectorOptions"/>, any case; unknown names are errors so typos surface.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(DetectorOptions))]
internal sealed partial class ScanJson : JsonSerializerContext;
