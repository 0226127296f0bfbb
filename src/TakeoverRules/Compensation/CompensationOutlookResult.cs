using TakeoverRules.Facts;

namespace TakeoverRules.Compensation;

/// <summary>Whether a policy was found for the case.</summary>
public enum OutlookStatus
{
    /// <summary>A policy applies to the broker and incident date, as known on the date looked from.</summary>
    PolicyFound,

    /// <summary>The broker is known but no compensation policy covering the incident was known on that date.</summary>
    NoPolicyKnown,

    /// <summary>The facts data does not know the broker.</summary>
    UnknownBroker,
}

/// <summary>How firm an estimate is.</summary>
public enum EstimateCertainty
{
    /// <summary>The policy states a rule and the estimate applies it; the broker still decides ("in principle", 原則).</summary>
    InPrinciple,

    /// <summary>The policy is case by case or leaves part of the computation open: the estimate is a range.</summary>
    CaseByCase,
}

/// <summary>One part of an estimate, for example "50% of the loss on the stocks bought".</summary>
/// <param name="Label">What the part is.</param>
/// <param name="Amount">The amount in yen.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record EstimateComponent(BilingualText Label, decimal Amount);

/// <summary>An estimate of what the policy would pay, computed the way the policy computes it.</summary>
/// <param name="Low">The lowest amount the sources allow, in yen.</param>
/// <param name="High">The highest amount the sources allow, in yen, or <see langword="null"/> when they give no upper bound.</param>
/// <param name="Certainty">How firm the estimate is.</param>
/// <param name="Loss">The loss on the policy's basis, in yen.</param>
/// <param name="Components">The parts of the amount the policy states (for a point estimate they add up to <paramref name="Low"/>).</param>
/// <param name="Method">How the amount was computed.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CompensationEstimate(
    decimal Low,
    decimal? High,
    EstimateCertainty Certainty,
    decimal Loss,
    IReadOnlyList<EstimateComponent> Components,
    BilingualText Method)
{
    /// <summary>Whether the estimate is a single amount.</summary>
    public bool IsPoint => High == Low;
}

/// <summary>The outlook for one case: the policy in force, an estimate, what could change it, and the citations.</summary>
/// <param name="Status">Whether a policy was found.</param>
/// <param name="Broker">The broker, or <see langword="null"/> when unknown.</param>
/// <param name="IncidentDate">The incident date of the case.</param>
/// <param name="KnownOn">The date the facts were looked at from.</param>
/// <param name="Policy">The policy that applies, or <see langword="null"/>.</param>
/// <param name="OtherPolicies">Other policies of the broker known on that date that also cover the incident (older or more general ones).</param>
/// <param name="Estimate">The estimate, or <see langword="null"/> when the policy gives nothing to compute from.</param>
/// <param name="Conditions">What could change the outcome.</param>
/// <param name="Exclusions">What the policy does not cover.</param>
/// <param name="Citations">The sources of the policy and of every condition.</param>
/// <param name="Summary">One paragraph for a person or a bot to relay.</param>
/// <param name="Disclaimer">That this is not legal advice.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CompensationOutlookResult(
    OutlookStatus Status,
    Broker? Broker,
    DateOnly IncidentDate,
    DateOnly KnownOn,
    CompensationPolicy? Policy,
    IReadOnlyList<CompensationPolicy> OtherPolicies,
    CompensationEstimate? Estimate,
    IReadOnlyList<BilingualText> Conditions,
    IReadOnlyList<BilingualText> Exclusions,
    IReadOnlyList<FactSource> Citations,
    BilingualText Summary,
    BilingualText Disclaimer);
