using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using TakeoverRules.Diagnostics;

namespace TakeoverRules.Detection;

/// <summary>
/// Metrics and logs of a <see cref="TakeoverDetector"/> created by <c>AddTakeoverRules</c>. Every path first asks
/// whether anyone listens (<c>Instrument.Enabled</c>, <see cref="ILogger.IsEnabled"/>), so with no listener
/// an allowed event costs two branches and allocates nothing. Thread-safe.
/// </summary>
internal sealed partial class DetectionTelemetry
{
    private static readonly string[] KindTags = ["allow", "review", "hold", "freeze"];
    private static readonly string[] StatusTags = ["evaluated", "duplicate", "too_late"];

    private readonly Counter<long>? _decisions;
    private readonly Counter<long>? _indicatorHits;
    private readonly Histogram<double>? _duration;
    private readonly ILogger _logger;
    private readonly IdRedaction _ids;

    public DetectionTelemetry(IMeterFactory? meterFactory, ILogger logger, IdRedaction ids)
    {
        _logger = logger;
        _ids = ids;
        if (meterFactory is null) return;
        var meter = meterFactory.Create(TakeoverRulesTelemetry.DetectionMeterName);
        _decisions = meter.CreateCounter<long>(TakeoverRulesTelemetry.DecisionsInstrument, "{decision}", "Decisions of the takeover detector, by kind.");
        _indicatorHits = meter.CreateCounter<long>(TakeoverRulesTelemetry.IndicatorHitsInstrument, "{hit}", "Takeover indicators that fired, by indicator id.");
        _duration = meter.CreateHistogram<double>(TakeoverRulesTelemetry.EvaluateDurationInstrument, "s", "Time one Evaluate call takes.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.000_001, 0.000_005, 0.000_01, 0.000_05, 0.000_1, 0.000_5, 0.001, 0.005, 0.01] });
    }

    /// <summary>A timestamp to pass to <see cref="Record"/>, or 0 when nobody listens to the duration.</summary>
    public long Start() => _duration is { Enabled: true } ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Records one decision.</summary>
    public void Record(in Decision decision, long start)
    {
        if (start != 0) _duration!.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, new KeyValuePair<string, object?>("takeoverrules.decision.kind", KindTags[(int)decision.Kind]));
        if (_decisions is { Enabled: true })
        {
            _decisions.Add(1, new("takeoverrules.decision.kind", KindTags[(int)decision.Kind]), new("takeoverrules.decision.status", StatusTags[(int)decision.Status]));
        }

        var indicators = decision.Indicators;
        if (indicators.Count == 0) return;
        if (_indicatorHits is { Enabled: true })
        {
            for (var i = 0; i < indicators.Count; i++)
            {
                _indicatorHits.Add(1, new KeyValuePair<string, object?>("takeoverrules.indicator.id", IndicatorCatalog.Get(indicators[i].Id).Code));
            }
        }

        LogDecision(decision);
    }

    private void LogDecision(in Decision decision)
    {
        var level = decision.Kind switch
        {
            DecisionKind.Allow => LogLevel.Debug,
            DecisionKind.Review => LogLevel.Information,
            _ => LogLevel.Warning,
        };
        if (!_logger.IsEnabled(level)) return;
        var indicators = string.Join(',', decision.Indicators.Select(h => IndicatorCatalog.Get(h.Id).Code));
#pragma warning disable CA1873 // guarded by IsEnabled above
        Decided(_logger, level, decision.Kind, decision.Risk, _ids.Event(decision.EventId), _ids.Account(decision.Account), indicators);
#pragma warning restore CA1873
    }

    /// <summary>Warns that instrument-based indicators are off; called once, when the detector is created.</summary>
    public void WarnIfNoInstruments(IInstrumentSource instruments)
    {
        if (ReferenceEquals(instruments, InstrumentTable.Empty)) NoInstruments(_logger);
    }

    [LoggerMessage(EventId = 1001, EventName = "Decision", Message = "Takeover detector decided {Kind} (risk {Risk}) on event {EventId} of account {Account}; indicators {Indicators}")]
    private static partial void Decided(ILogger logger, LogLevel level, DecisionKind kind, int risk, string eventId, string account, string indicators);

    [LoggerMessage(EventId = 1002, EventName = "NoInstruments", Level = LogLevel.Warning,
        Message = "The takeover detector has no instrument reference data: the thin-stock, price-limit and cross-account indicators are OFF. Register an IInstrumentSource (for example InstrumentReader over your instruments file) before resolving TakeoverDetector.")]
    private static partial void NoInstruments(ILogger logger);
}
