using System.Globalization;

namespace TakeoverRules.Detection;

/// <summary>
/// One indicator that fired on an event: its id, severity, the points it added to the risk, the ids of the events
/// it rests on, and the observed value against its threshold. <see cref="Message"/> explains it in English and
/// <see cref="Describe"/> in a culture's language (<see cref="TextLanguage"/>); the text is rendered on first use, not on the decision path.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class IndicatorHit : IEquatable<IndicatorHit>
{
    private string? _english;

    /// <summary>Creates a hit.</summary>
    /// <param name="id">The indicator.</param>
    /// <param name="severity">Its severity.</param>
    /// <param name="points">Points added to the risk score.</param>
    /// <param name="evidence">Ids of the events the indicator rests on, oldest first.</param>
    /// <param name="observed">The observed value (unit depends on the indicator; see <see cref="IndicatorCatalog"/>).</param>
    /// <param name="threshold">The threshold it was compared with, in the same unit.</param>
    public IndicatorHit(IndicatorId id, IndicatorSeverity severity, int points, IReadOnlyList<string> evidence, double observed, double threshold)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        Id = id;
        Severity = severity;
        Points = points;
        Evidence = evidence;
        Observed = observed;
        Threshold = threshold;
    }

    /// <summary>The indicator.</summary>
    public IndicatorId Id { get; }

    /// <summary>Its severity.</summary>
    public IndicatorSeverity Severity { get; }

    /// <summary>Points this hit added to the risk score.</summary>
    public int Points { get; }

    /// <summary>Ids of the events the indicator rests on, oldest first (the decided event last when it is part of the evidence).</summary>
    public IReadOnlyList<string> Evidence { get; }

    /// <summary>The observed value, e.g. 0.92 for "92% of holdings sold".</summary>
    public double Observed { get; }

    /// <summary>The threshold the observed value was compared with.</summary>
    public double Threshold { get; }

    /// <summary>Minutes between the first piece of evidence and the decided event, when relevant.</summary>
    public double? Minutes { get; init; }

    /// <summary>What the indicator is about: a symbol, market, setting, country, device or network.</summary>
    public string? Subject { get; init; }

    /// <summary>An amount in yen the explanation cites (an order or withdrawal value), when relevant.</summary>
    public double? AmountJpy { get; init; }

    /// <summary>For behaviour after a risky login: the strongest access indicator of that login.</summary>
    public IndicatorId? Cause { get; init; }

    /// <summary>
    /// This customer's own rate of the trait the indicator judged (a share of their logins or buys, shrunk towards the
    /// population while the detector knows them little), when the indicator weighs the event against it; a rare trait
    /// for this customer weighs more.
    /// </summary>
    public double? Baseline { get; init; }

    /// <summary>The explanation in English, with the observed value and the threshold.</summary>
    public string Message => _english ??= IndicatorCatalog.Render(this, en: true);

    /// <summary>The explanation in the culture's language (Japanese for a <c>ja</c> culture, otherwise English), with the observed value and the threshold.</summary>
    /// <param name="culture">The culture; <see langword="null"/> means <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The explanation.</returns>
    public string Describe(CultureInfo? culture = null) =>
        TextLanguage.IsJapanese(culture) ? IndicatorCatalog.Render(this, en: false) : Message;

    /// <inheritdoc />
    public bool Equals(IndicatorHit? other) =>
        other is not null && Id == other.Id && Severity == other.Severity && Points == other.Points &&
        Observed.Equals(other.Observed) && Threshold.Equals(other.Threshold) && Minutes == other.Minutes &&
        Subject == other.Subject && AmountJpy == other.AmountJpy && Cause == other.Cause && Baseline == other.Baseline && Evidence.SequenceEqual(other.Evidence);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as IndicatorHit);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Points, Observed, Subject);

    /// <inheritdoc />
    public override string ToString() => $"{IndicatorCatalog.Get(Id).Code} ({Severity}, +{Points}): {Message}";
}
