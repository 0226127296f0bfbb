using Microsoft.Extensions.Compliance.Classification;

namespace TakeoverRules.Diagnostics;

/// <summary>
/// Names of the meters, instruments and activity sources TakeoverRules publishes, for dashboards and
/// <c>AddMeter</c>/<c>AddSource</c> calls. The meters are created through the host's <c>IMeterFactory</c>; nothing is
/// measured and nothing allocates while no listener is attached.
/// </summary>
/// <remarks>Thread-safe (constants and immutable values only).</remarks>
public static class TakeoverRulesTelemetry
{
    /// <summary>The detection meter: decisions, indicator hits, evaluation duration.</summary>
    public const string DetectionMeterName = "TakeoverRules.Detection";

    /// <summary>The passwords meter: estimates by score, breach-check outcomes and duration.</summary>
    public const string PasswordsMeterName = "TakeoverRules.Passwords";

    /// <summary>The activity source of the breach check (<c>takeoverrules.breach_check</c>) and the scan (<c>takeoverrules.scan</c>).</summary>
    public const string ActivitySourceName = "TakeoverRules";

    /// <summary>Counter of decisions, tagged <c>takeoverrules.decision.kind</c> (allow, review, hold, freeze) and <c>takeoverrules.decision.status</c>.</summary>
    public const string DecisionsInstrument = "takeoverrules.detection.decisions";

    /// <summary>Counter of indicator hits, tagged <c>takeoverrules.indicator.id</c> (the stable indicator id, e.g. <c>access.new_device</c>).</summary>
    public const string IndicatorHitsInstrument = "takeoverrules.detection.indicator_hits";

    /// <summary>Histogram of the time one <c>Evaluate</c> call takes, in seconds (includes waiting for the detector's lock).</summary>
    public const string EvaluateDurationInstrument = "takeoverrules.detection.evaluate.duration";

    /// <summary>Counter of strength estimates, tagged <c>takeoverrules.password.score</c> (very_weak … very_strong).</summary>
    public const string EstimatesInstrument = "takeoverrules.passwords.estimates";

    /// <summary>Counter of breach checks, tagged <c>takeoverrules.breach_check.outcome</c> (found, not_found, unavailable) and <c>takeoverrules.breach_check.failure</c>.</summary>
    public const string BreachChecksInstrument = "takeoverrules.passwords.breach_checks";

    /// <summary>Histogram of the time one breach check takes, in seconds, tagged with its outcome.</summary>
    public const string BreachCheckDurationInstrument = "takeoverrules.passwords.breach_check.duration";

    /// <summary>The taxonomy of TakeoverRules' data classifications.</summary>
    public const string TaxonomyName = "TakeoverRules";

    /// <summary>
    /// The classification of account ids in log messages. When the host registers redaction
    /// (<c>services.AddRedaction(...)</c> from Microsoft.Extensions.Compliance.Redaction), the redactor it maps to this
    /// classification is used; otherwise ids are logged as a keyed hash that changes with every process start.
    /// </summary>
    public static DataClassification AccountId { get; } = new(TaxonomyName, "AccountId");

    /// <summary>
    /// The classification of event ids in log messages (brokers often build them from the account number). When the
    /// host registers a redactor for this classification it is used; otherwise ids are logged as a keyed hash
    /// (<c>evt-</c> and 12 hex digits) that changes with every process start.
    /// </summary>
    public static DataClassification EventId { get; } = new(TaxonomyName, "EventId");
}
