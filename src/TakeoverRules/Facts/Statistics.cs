namespace TakeoverRules.Facts;

/// <summary>What an FSA statistics figure counts.</summary>
public enum StatisticMetric
{
    /// <summary>不正アクセス件数: unauthorized accesses.</summary>
    UnauthorizedAccesses,

    /// <summary>不正取引件数: fraudulent trades.</summary>
    FraudulentTrades,

    /// <summary>売却金額: amount of fraudulent sales (yen, cumulative within each account; not a loss).</summary>
    SalesAmount,

    /// <summary>買付金額: amount of fraudulent purchases (yen, cumulative within each account; not a loss).</summary>
    PurchaseAmount,

    /// <summary>Sales plus purchases (yen), as reported; not a loss.</summary>
    TradedAmount,

    /// <summary>Number of brokers with fraudulent trades in the period.</summary>
    BrokersWithFraud,
}

/// <summary>The period a figure covers, both ends inclusive.</summary>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct StatisticPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The period as <c>yyyy-MM</c> for a whole calendar month, else <c>yyyy-MM-dd..yyyy-MM-dd</c>.</summary>
    /// <returns>The formatted period.</returns>
    public override string ToString()
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var wholeMonth = From.Day == 1 && To == From.AddMonths(1).AddDays(-1);
        return wholeMonth ? From.ToString("yyyy-MM", c) : $"{From.ToString("yyyy-MM-dd", c)}..{To.ToString("yyyy-MM-dd", c)}";
    }
}

/// <summary>One figure of a statistics report.</summary>
/// <param name="Period">The period it covers.</param>
/// <param name="Metric">What it counts.</param>
/// <param name="Quantity">The value as reported.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record StatisticFigure(StatisticPeriod Period, StatisticMetric Metric, FactQuantity Quantity);

/// <summary>
/// One release of the FSA's statistics as a source reported it. Figures are provisional: the FSA counts by the date
/// the access or trade happened, so later releases revise earlier months; keep every (figure, release) pair.
/// </summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Published">The date of the release (or of the report, when the release date is not known).</param>
/// <param name="Figures">The figures it gives.</param>
/// <param name="Sources">Where they were read.</param>
/// <param name="Grade">The weight of the figures.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record StatisticsReport(string Id, DateOnly Published, IReadOnlyList<StatisticFigure> Figures, IReadOnlyList<FactSource> Sources, EvidenceGrade Grade);
