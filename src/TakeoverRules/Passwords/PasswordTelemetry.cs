using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using TakeoverRules.Diagnostics;

namespace TakeoverRules.Passwords;

/// <summary>
/// Metrics, traces and logs of the password services registered by <c>AddTakeoverRules</c>. Never records a password,
/// its hash or its hash prefix: only the score, the breach-check outcome and the failure kind. Thread-safe.
/// </summary>
internal sealed partial class PasswordTelemetry
{
    internal static readonly ActivitySource Source = new(TakeoverRulesTelemetry.ActivitySourceName);

    private static readonly string[] ScoreTags = ["very_weak", "weak", "fair", "strong", "very_strong"];

    private readonly Counter<long>? _estimates;
    private readonly Counter<long>? _breachChecks;
    private readonly Histogram<double>? _breachDuration;
    private readonly ILogger _logger;

    public PasswordTelemetry(IMeterFactory? meterFactory, ILogger logger)
    {
        _logger = logger;
        if (meterFactory is null) return;
        var meter = meterFactory.Create(TakeoverRulesTelemetry.PasswordsMeterName);
        _estimates = meter.CreateCounter<long>(TakeoverRulesTelemetry.EstimatesInstrument, "{estimate}", "Password-strength estimates, by score.");
        _breachChecks = meter.CreateCounter<long>(TakeoverRulesTelemetry.BreachChecksInstrument, "{check}", "Breached-password checks, by outcome.");
        _breachDuration = meter.CreateHistogram<double>(TakeoverRulesTelemetry.BreachCheckDurationInstrument, "s", "Time one breached-password check takes.");
    }

    public void Estimated(PasswordEstimate estimate)
    {
        if (_estimates is { Enabled: true }) _estimates.Add(1, new KeyValuePair<string, object?>("takeoverrules.password.score", ScoreTags[(int)estimate.Score]));
        if (_logger.IsEnabled(LogLevel.Trace)) EstimateLogged(_logger, estimate.Score, estimate.GuessesLog10);
    }

    public long StartBreachCheck() => _breachDuration is { Enabled: true } ? Stopwatch.GetTimestamp() : 0;

    public void BreachChecked(BreachCheckResult result, long start, string source)
    {
        var outcome = result.Status switch
        {
            BreachStatus.Found => "found",
            BreachStatus.NotFound => "not_found",
            _ => "unavailable",
        };
        var failure = FailureTag(result.Failure);
        if (start != 0) _breachDuration!.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, new KeyValuePair<string, object?>("takeoverrules.breach_check.outcome", outcome));
        if (_breachChecks is { Enabled: true })
        {
            _breachChecks.Add(1, new("takeoverrules.breach_check.outcome", outcome), new("takeoverrules.breach_check.failure", failure));
        }

        if (result.Status == BreachStatus.Unavailable) BreachUnavailable(_logger, source, result.Failure, result.Detail ?? "");
        else BreachAnswered(_logger, source, outcome);
    }

    public void FallingBack(BreachCheckResult primary, string fallback) => FallbackUsed(_logger, primary.Failure, fallback);

    private static string FailureTag(BreachCheckFailure failure) => failure switch
    {
        BreachCheckFailure.None => "none",
        BreachCheckFailure.Timeout => "timeout",
        BreachCheckFailure.NetworkError => "network_error",
        BreachCheckFailure.HttpStatus => "http_status",
        BreachCheckFailure.ResponseTooLarge => "response_too_large",
        BreachCheckFailure.MalformedData => "malformed_data",
        BreachCheckFailure.FileError => "file_error",
        _ => "other",
    };

    [LoggerMessage(EventId = 2001, EventName = "Estimate", Level = LogLevel.Trace, Message = "Password estimate: score {Score}, log10 guesses {GuessesLog10}")]
    private static partial void EstimateLogged(ILogger logger, PasswordScore score, double guessesLog10);

    [LoggerMessage(EventId = 2002, EventName = "BreachCheck", Level = LogLevel.Debug, Message = "Breach check via {Source}: {Outcome}")]
    private static partial void BreachAnswered(ILogger logger, string source, string outcome);

    [LoggerMessage(EventId = 2003, EventName = "BreachCheckUnavailable", Level = LogLevel.Warning, Message = "Breach check via {Source} could not answer: {Failure} {Detail}")]
    private static partial void BreachUnavailable(ILogger logger, string source, BreachCheckFailure failure, string detail);

    [LoggerMessage(EventId = 2004, EventName = "BreachCheckFallback", Level = LogLevel.Warning, Message = "Breach check API unavailable ({Failure}); answering from the offline hash file {File}")]
    private static partial void FallbackUsed(ILogger logger, BreachCheckFailure failure, string file);
}
