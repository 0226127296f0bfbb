using TakeoverRules.Detection;

namespace TakeoverRules.Orleans;

// The core library's types carry no Orleans attributes; these surrogates carry them across the wire.

[GenerateSerializer]
[Alias("TakeoverRules.RiskyBuy")]
internal struct RiskyBuySurrogate
{
    [Id(0)] public ulong AccountKey;
    [Id(1)] public DateTimeOffset Time;
    [Id(2)] public string EventId;
}

[RegisterConverter]
internal sealed class RiskyBuyConverter : IConverter<RiskyBuy, RiskyBuySurrogate>
{
    public RiskyBuy ConvertFromSurrogate(in RiskyBuySurrogate surrogate) => new(surrogate.AccountKey, surrogate.Time, surrogate.EventId);

    public RiskyBuySurrogate ConvertToSurrogate(in RiskyBuy value) => new() { AccountKey = value.AccountKey, Time = value.Time, EventId = value.EventId };
}

[GenerateSerializer]
[Alias("TakeoverRules.Decision")]
internal struct DecisionSurrogate
{
    [Id(0)] public string EventId;
    [Id(1)] public string Account;
    [Id(2)] public DateTimeOffset Time;
    [Id(3)] public int EventType;
    [Id(4)] public int Kind;
    [Id(5)] public int Risk;
    [Id(6)] public int Status;
    [Id(7)] public string? RejectionReason;
    [Id(8)] public IndicatorHitSurrogate[]? Indicators;
}

[GenerateSerializer]
[Alias("TakeoverRules.IndicatorHit")]
internal struct IndicatorHitSurrogate
{
    [Id(0)] public int Id;
    [Id(1)] public int Severity;
    [Id(2)] public int Points;
    [Id(3)] public string[] Evidence;
    [Id(4)] public double Observed;
    [Id(5)] public double Threshold;
    [Id(6)] public double? Minutes;
    [Id(7)] public string? Subject;
    [Id(8)] public double? AmountJpy;
    [Id(9)] public int? Cause;
    [Id(10)] public double? Baseline;
}

[RegisterConverter]
internal sealed class DecisionConverter : IConverter<Decision, DecisionSurrogate>
{
    public Decision ConvertFromSurrogate(in DecisionSurrogate surrogate)
    {
        IndicatorHit[]? hits = null;
        if (surrogate.Indicators is { Length: > 0 } indicators)
        {
            hits = new IndicatorHit[indicators.Length];
            for (var i = 0; i < indicators.Length; i++)
            {
                var h = indicators[i];
                hits[i] = new IndicatorHit((IndicatorId)h.Id, (IndicatorSeverity)h.Severity, h.Points, h.Evidence, h.Observed, h.Threshold)
                {
                    Minutes = h.Minutes,
                    Subject = h.Subject,
                    AmountJpy = h.AmountJpy,
                    Cause = (IndicatorId?)h.Cause,
                    Baseline = h.Baseline,
                };
            }
        }

        return new Decision(surrogate.EventId, surrogate.Account, surrogate.Time, (AccountEventType)surrogate.EventType, (DecisionKind)surrogate.Kind, surrogate.Risk, hits)
        {
            Status = (DecisionStatus)surrogate.Status,
            RejectionReason = surrogate.RejectionReason,
        };
    }

    public DecisionSurrogate ConvertToSurrogate(in Decision value)
    {
        IndicatorHitSurrogate[]? hits = null;
        if (value.Indicators.Count > 0)
        {
            hits = new IndicatorHitSurrogate[value.Indicators.Count];
            for (var i = 0; i < hits.Length; i++)
            {
                var h = value.Indicators[i];
                hits[i] = new IndicatorHitSurrogate
                {
                    Id = (int)h.Id,
                    Severity = (int)h.Severity,
                    Points = h.Points,
                    Evidence = [.. h.Evidence],
                    Observed = h.Observed,
                    Threshold = h.Threshold,
                    Minutes = h.Minutes,
                    Subject = h.Subject,
                    AmountJpy = h.AmountJpy,
                    Cause = (int?)h.Cause,
                    Baseline = h.Baseline,
                };
            }
        }

        return new DecisionSurrogate
        {
            EventId = value.EventId,
            Account = value.Account,
            Time = value.Time,
            EventType = (int)value.EventType,
            Kind = (int)value.Kind,
            Risk = value.Risk,
            Status = (int)value.Status,
            RejectionReason = value.RejectionReason,
            Indicators = hits,
        };
    }
}
