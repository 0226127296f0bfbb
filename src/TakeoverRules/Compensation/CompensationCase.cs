using System.Globalization;

namespace TakeoverRules.Compensation;

/// <summary>What the attacker did in the account.</summary>
[Flags]
public enum TakeoverActions
{
    /// <summary>Nothing recorded.</summary>
    None = 0,

    /// <summary>The customer's holdings were sold.</summary>
    HoldingsSold = 1,

    /// <summary>Stocks were bought (typically with the sale proceeds).</summary>
    StocksBought = 2,

    /// <summary>Margin (信用取引) was used.</summary>
    MarginUsed = 4,

    /// <summary>Cash was withdrawn from the account.</summary>
    CashWithdrawn = 8,
}

/// <summary>
/// One victim's case, as input to <see cref="CompensationOutlook.Assess"/>. Amounts are in yen. Circumstances left
/// <see langword="null"/> are unknown and are reported as such rather than assumed.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CompensationCase
{
    /// <summary>
    /// The example case of the samples, the benchmarks and the tests: at SBI, on 2025-04-20, the customer's holdings
    /// were sold for ¥5,000,000 and ¥5,000,000 of stocks bought that are now worth ¥2,000,000; every circumstance is
    /// unknown. An illustration, not a real customer; build your own case with an object initializer.
    /// </summary>
    public static CompensationCase Example { get; } = new()
    {
        BrokerId = "sbi",
        IncidentDate = new DateOnly(2025, 4, 20),
        Actions = TakeoverActions.HoldingsSold | TakeoverActions.StocksBought,
        SaleProceeds = 5_000_000m,
        PurchaseCost = 5_000_000m,
        CurrentValueOfPurchases = 2_000_000m,
    };

    /// <summary>The broker's id (see <see cref="Facts.FactsRegistry.Brokers"/>), for example <c>rakuten</c>.</summary>
    public required string BrokerId { get; init; }

    /// <summary>The date of the fraudulent trades.</summary>
    public required DateOnly IncidentDate { get; init; }

    /// <summary>What the attacker did. Default <see cref="TakeoverActions.None"/>.</summary>
    public TakeoverActions Actions { get; init; }

    /// <summary>Proceeds of the fraudulent sales of the customer's holdings, in yen. Default 0.</summary>
    public decimal SaleProceeds { get; init; }

    /// <summary>Cost of the stocks the attacker bought, in yen. Default 0.</summary>
    public decimal PurchaseCost { get; init; }

    /// <summary>Current market value of the stocks the attacker bought (or what they were sold for), in yen. Default 0.</summary>
    public decimal CurrentValueOfPurchases { get; init; }

    /// <summary>Trading fees charged on the fraudulent trades, in yen. Default 0.</summary>
    public decimal Fees { get; init; }

    /// <summary>
    /// Current market value of the holdings that were sold, in yen, if known; used for policies that cover the loss
    /// from the forced sale or restore the account. Default <see langword="null"/> (unknown: the sale proceeds stand in).
    /// </summary>
    public decimal? CurrentValueOfSoldHoldings { get; init; }

    /// <summary>Whether multi-factor authentication was on. Default <see langword="null"/> (unknown).</summary>
    public bool? MfaEnabled { get; init; }

    /// <summary>Whether the customer typed the credentials into a phishing site. Default <see langword="null"/> (unknown).</summary>
    public bool? CredentialsEnteredOnPhishingSite { get; init; }

    /// <summary>Whether a report was filed with the police. Default <see langword="null"/> (unknown).</summary>
    public bool? PoliceReportFiled { get; init; }

    /// <summary>How long after the fraud the broker was told. Default <see langword="null"/> (unknown).</summary>
    public TimeSpan? ReportedToBrokerAfter { get; init; }

    /// <summary>
    /// Look at the case with what was known on this date (for example to show what a victim would have been told
    /// in April 2025). Default <see langword="null"/>: the latest facts.
    /// </summary>
    public DateOnly? KnownOn { get; init; }

    /// <summary>Returns every problem with the case as <c>Field: reason (was value)</c>; empty when valid.</summary>
    /// <returns>The problems found.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(BrokerId)) errors.Add($"BrokerId: must not be empty (was '{BrokerId}')");
        NonNegative(errors, nameof(SaleProceeds), SaleProceeds);
        NonNegative(errors, nameof(PurchaseCost), PurchaseCost);
        NonNegative(errors, nameof(CurrentValueOfPurchases), CurrentValueOfPurchases);
        NonNegative(errors, nameof(Fees), Fees);
        if (CurrentValueOfSoldHoldings is { } sold) NonNegative(errors, nameof(CurrentValueOfSoldHoldings), sold);
        if (ReportedToBrokerAfter is { } delay && delay < TimeSpan.Zero) errors.Add($"ReportedToBrokerAfter: must not be negative (was {delay})");
        if ((Actions & ~(TakeoverActions.HoldingsSold | TakeoverActions.StocksBought | TakeoverActions.MarginUsed | TakeoverActions.CashWithdrawn)) != 0)
        {
            errors.Add($"Actions: unknown flags (was {(int)Actions})");
        }

        if (!Actions.HasFlag(TakeoverActions.StocksBought) && (PurchaseCost > 0 || CurrentValueOfPurchases > 0))
        {
            errors.Add($"Actions: a purchase cost or value is given but StocksBought is not set (was {Actions})");
        }

        if (!Actions.HasFlag(TakeoverActions.HoldingsSold) && SaleProceeds > 0)
        {
            errors.Add($"Actions: sale proceeds are given but HoldingsSold is not set (was {Actions})");
        }

        return errors;
    }

    private static void NonNegative(List<string> errors, string field, decimal value)
    {
        if (value < 0) errors.Add($"{field}: must not be negative (was {value.ToString(CultureInfo.InvariantCulture)})");
    }
}
