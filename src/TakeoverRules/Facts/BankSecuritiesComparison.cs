namespace TakeoverRules.Facts;

/// <summary>The sector a compensation regime belongs to.</summary>
public enum FinancialSector
{
    /// <summary>Banks and other deposit-taking institutions.</summary>
    Bank,

    /// <summary>Securities firms.</summary>
    Securities,
}

/// <summary>What share of the loss the victim gets back for a given degree of their own fault.</summary>
/// <param name="CustomerFault">The victim's fault (for example "none", "negligence", "gross negligence").</param>
/// <param name="Share">The share reimbursed (1 for 100%), or <see langword="null"/> when the rule leaves it to each institution.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FaultShare(BilingualText CustomerFault, decimal? Share);

/// <summary>Who pays a victim of one kind of fraud, under which rule and on which conditions.</summary>
/// <param name="Id">Stable identifier (for example <c>bank.stolen-card</c>).</param>
/// <param name="Sector">Bank or securities.</param>
/// <param name="Case">The kind of fraud it covers.</param>
/// <param name="WhoPays">Who pays.</param>
/// <param name="Rule">The rule and its legal nature (statute, association agreement, firm policy).</param>
/// <param name="Conditions">What the victim must do or show.</param>
/// <param name="Shares">Shares by the victim's fault, where the rule states them.</param>
/// <param name="Sources">Where it was read.</param>
/// <param name="AsOf">The date of the rule.</param>
/// <param name="Grade">The weight of the description.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CompensationRegime(
    string Id,
    FinancialSector Sector,
    BilingualText Case,
    BilingualText WhoPays,
    BilingualText Rule,
    IReadOnlyList<BilingualText> Conditions,
    IReadOnlyList<FaultShare> Shares,
    IReadOnlyList<FactSource> Sources,
    FactDate AsOf,
    EvidenceGrade Grade);

/// <summary>Bank versus securities: the regimes side by side and the differences that matter to a victim.</summary>
/// <param name="Regimes">Bank regimes first, then securities.</param>
/// <param name="Differences">The differences that matter to a victim, each a sourced fact.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record BankSecuritiesComparison(IReadOnlyList<CompensationRegime> Regimes, IReadOnlyList<Fact> Differences)
{
    /// <summary>The regimes of one sector.</summary>
    /// <param name="sector">The sector.</param>
    /// <returns>Its regimes, in data order.</returns>
    public IReadOnlyList<CompensationRegime> For(FinancialSector sector) => [.. Regimes.Where(r => r.Sector == sector)];
}
