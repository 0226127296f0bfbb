using System.Diagnostics;
using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;

namespace BrokerMonitor;

/// <summary>
/// Reads events, asks the detector for a decision on each, writes the decisions and keeps the summary; redraws the
/// screen a few times a second when live, or prints the summary once at the end.
/// </summary>
public sealed class EventMonitor(MonitorOptions options, TextWriter screen, TextWriter errors, bool live)
{
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(250);

    /// <summary>The summary so far.</summary>
    public MonitorSummary Summary { get; } = new();

    /// <summary>Runs until the input ends (or, when following, until <paramref name="stop"/>); returns the exit code.</summary>
    public int Run(CancellationToken stop)
    {
        var instruments = LoadInstruments();
        if (instruments is null) return 2;
        var detector = new TakeoverDetector(new DetectorOptions(), instruments);

        using var input = OpenEvents(stop, out var length);
        using var output = options.Decisions == "-" ? Console.OpenStandardOutput() : File.Create(options.Decisions);
        using var decisions = new DecisionWriter(output, options.Culture, leaveOpen: true);
        using var reader = new EventReader(input);

        var clock = Stopwatch.StartNew();
        var lastDraw = TimeSpan.Zero;
        var rate = new RateWindow();
        while (!stop.IsCancellationRequested && reader.TryRead(out var result))
        {
            if (!result.IsSuccess)
            {
                Summary.RecordError(result.Error);
                continue;
            }

            var decision = detector.Evaluate(result.Value);
            var written = options.All ? Write(decisions, decision) : decisions.WriteIfReportable(decision);
            Summary.Record(result.Value, decision, written);
            rate.Add(clock.Elapsed);
            if (live && clock.Elapsed - lastDraw >= Redraw)
            {
                lastDraw = clock.Elapsed;
                decisions.Flush();
                Draw(reader.BytesRead, length, rate.PerSecond(clock.Elapsed), clear: true);
            }
        }

        decisions.Flush();
        var elapsed = clock.Elapsed.TotalSeconds;
        Draw(reader.BytesRead, length, elapsed > 0 ? Summary.Events / elapsed : 0, clear: live);
        return 0;
    }

    private static bool Write(DecisionWriter writer, in Decision decision)
    {
        writer.Write(decision);
        return true;
    }

    private void Draw(long bytesRead, long? length, double perSecond, bool clear)
    {
        double? progress = length is > 0 ? (double)bytesRead / length.Value : null;
        // ESC[H ESC[J: cursor home, clear to the end: the summary is redrawn in place.
        screen.Write((clear ? "\u001b[H\u001b[J" : "") + SummaryView.Render(Summary, options.Events == "-" ? "standard input" : options.Events, progress, perSecond));
        screen.Flush();
    }

    private Stream OpenEvents(CancellationToken stop, out long? length)
    {
        if (options.Events == "-")
        {
            length = null;
            return Console.OpenStandardInput();
        }

        var file = new FileStream(options.Events, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        length = options.Follow ? null : file.Length;
        return options.Follow ? new FollowingStream(file, stop) : file;
    }

    private InstrumentTable? LoadInstruments()
    {
        if (options.Instruments is null) return InstrumentTable.Empty;
        var instruments = new List<Instrument>();
        using var file = File.OpenRead(options.Instruments);
        using var reader = new InstrumentReader(file);
        while (reader.TryRead(out var result))
        {
            if (result.IsSuccess) instruments.Add(result.Value);
            else errors.WriteLine($"{options.Instruments}: {result.Error}");
        }

        return new InstrumentTable(instruments);
    }

    /// <summary>Events in the last few seconds, for a rate that follows the stream rather than the whole run.</summary>
    private sealed class RateWindow
    {
        private static readonly TimeSpan Span = TimeSpan.FromSeconds(3);
        private readonly Queue<TimeSpan> _times = new();

        public void Add(TimeSpan at)
        {
            _times.Enqueue(at);
            while (_times.Count > 100_000 || (_times.Count > 0 && at - _times.Peek() > Span)) _times.Dequeue();
        }

        public double PerSecond(TimeSpan now)
        {
            while (_times.Count > 0 && now - _times.Peek() > Span) _times.Dequeue();
            return _times.Count / Math.Max(Span.TotalSeconds, 0.001);
        }
    }
}
