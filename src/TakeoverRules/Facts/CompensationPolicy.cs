namespace TakeoverRules.Facts;

/// <summary>How a compensation policy decides what a victim gets.</summary>
public enum PolicyKind
{
    /// <summary>No compensation rule: the broker's terms (約款) treat trades made with valid credentials as the customer's own.</summary>
    TermsOnly,

    /// <summary>"A certain compensation" decided case by case; no rate or formula is published.</summary>
    CaseByCase,

    /// <summary>A published share of a defined loss, paid in money.</summary>
    CashShareOfLoss,

    /// <summary>原状回復: the account is put back to its state before the fraud (in kind), at most.</summary>
    Restoration,

    /// <summary>The broker pays "a certain compensation" but has not disclosed how.</summary>
    Undisclosed,

    /// <summary>The broker said its response was under consideration.</summary>
    UnderConsideration,

    /// <summary>The broker published no policy of its own; the JSDA asked it to respond like the ten agreement firms.</summary>
    RequestedByJsda,
}

/// <summary>The loss a policy's payment is computed from.</summary>
public enum LossBasis
{
    /// <summary>The sources do not state the basis.</summary>
    NotStated,

    /// <summary>The loss or unrealized loss on the stocks bought fraudulently (purchase cost minus their value).</summary>
    BoughtStockLoss,

    /// <summary>The loss on the stocks bought fraudulently plus the loss from the forced sale of the customer's own holdings.</summary>
    BoughtStockAndForcedSaleLoss,

    /// <summary>The difference between the buy and sell contract values (約定代金 = quantity × price) of the fraudulent trades.</summary>
    BuyMinusSellContractValue,

    /// <summary>The gap between the account now and its state before the fraud.</summary>
    PreFraudState,
}

/// <summary>
/// A compensation policy as the sources report it: who it covers, for which incident dates, how it computes a payment,
/// and what can change or exclude it.
/// </summary>
/// <param name="Id">Stable identifier (for example <c>rakuten-sbi.2025-07-25</c>).</param>
/// <param name="BrokerIds">The brokers it applies to.</param>
/// <param name="Title">A short description.</param>
/// <param name="Kind">How it decides the payment.</param>
/// <param name="AsOf">The date of the policy (announcement), or the date before which a <see cref="PolicyKind.TermsOnly"/> state held.</param>
/// <param name="AsOfBasis">What <paramref name="AsOf"/> refers to.</param>
/// <param name="IncidentsFrom">First incident date covered, or <see langword="null"/> when the sources state none.</param>
/// <param name="IncidentsTo">Last incident date covered, or <see langword="null"/> when open-ended or not stated.</param>
/// <param name="CashShare">The share of the loss paid in money (0.5 for 50%), or <see langword="null"/> when not stated.</param>
/// <param name="FeesRefunded">Whether fees of the fraudulent trades are refunded; <see langword="null"/> when not stated.</param>
/// <param name="SympathyPaymentYen">A fixed 見舞金 per victim, or <see langword="null"/> when none is stated.</param>
/// <param name="CoversSaleOnly">Whether a case where holdings were only sold (nothing bought) is covered; <see langword="null"/> when not stated.</param>
/// <param name="MayBeReducedOrRefused">Whether the policy says payment may be reduced or refused depending on the circumstances.</param>
/// <param name="LossBasis">The loss the payment is computed from.</param>
/// <param name="Rules">The rules, as the sources give them.</param>
/// <param name="Exclusions">What is not covered.</param>
/// <param name="Conditions">What the broker weighs or requires.</param>
/// <param name="Sources">Where it was read.</param>
/// <param name="Grade">The weight of the policy's description.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CompensationPolicy(
    string Id,
    IReadOnlyList<string> BrokerIds,
    BilingualText Title,
    PolicyKind Kind,
    FactDate AsOf,
    AsOfBasis AsOfBasis,
    DateOnly? IncidentsFrom,
    DateOnly? IncidentsTo,
    decimal? CashShare,
    bool? FeesRefunded,
    long? SympathyPaymentYen,
    bool? CoversSaleOnly,
    bool MayBeReducedOrRefused,
    LossBasis LossBasis,
    IReadOnlyList<BilingualText> Rules,
    IReadOnlyList<BilingualText> Exclusions,
    IReadOnlyList<BilingualText> Conditions,
    IReadOnlyList<FactSource> Sources,
    EvidenceGrade Grade)
{
    /// <summary>The first day the policy counts as known (see <see cref="Fact.KnownFrom"/>).</summary>
    public DateOnly KnownFrom => AsOfBasis == AsOfBasis.Before
        ? DateOnly.MinValue
        : AsOf.LastDay;

    /// <summary>Whether an incident on <paramref name="incidentDate"/> falls in the period the policy covers.</summary>
    /// <param name="incidentDate">The date of the incident.</param>
    /// <returns><see langword="true"/> when no stated bound excludes it.</returns>
    public bool CoversIncidentOn(DateOnly incidentDate) =>
        (IncidentsFrom is not { } from || incidentDate >= from) && (IncidentsTo is not { } to || incidentDate <= to);
}
