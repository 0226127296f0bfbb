namespace TakeoverRules.Detection;

/// <summary>What the broker should do with the event that was evaluated.</summary>
public enum DecisionKind
{
    /// <summary>Let it through.</summary>
    Allow,

    /// <summary>Let it through and raise an alert for the fraud team.</summary>
    Review,

    /// <summary>Do not execute until the customer confirms out of band.</summary>
    Hold,

    /// <summary>Block trading and withdrawals on the account.</summary>
    Freeze,
}

/// <summary>Whether an event was evaluated or set aside, and why.</summary>
public enum DecisionStatus
{
    /// <summary>The event was evaluated and applied to the account's state.</summary>
    Evaluated,

    /// <summary>The event's id was already seen for this account; the event was ignored and the state is unchanged.</summary>
    Duplicate,

    /// <summary>The event is older than the account's latest event time minus the configured grace; it was rejected and the state is unchanged.</summary>
    TooLate,

    /// <summary>
    /// The event is dated more than <see cref="DetectorOptions.MaxFutureMinutes"/> after the host's now; it was rejected
    /// and the state is unchanged, so it cannot push the account's event time ahead and switch its detection off.
    /// </summary>
    TooEarly,
}

/// <summary>
/// The detector's verdict on one event: what to do, the risk, and the indicators that explain it.
/// A value type so that the allow path allocates nothing.
/// </summary>
public readonly struct Decision : IEquatable<Decision>
{
    private static readonly IndicatorHit[] NoIndicators = [];
    private readonly IReadOnlyList<IndicatorHit>? _indicators;

    /// <summary>Creates a decision.</summary>
    /// <param name="eventId">Id of the event decided on.</param>
    /// <param name="account">Account of the event.</param>
    /// <param name="time">Event time.</param>
    /// <param name="eventType">Type of the event.</param>
    /// <param name="kind">What to do.</param>
    /// <param name="risk">Risk score, 0–100.</param>
    /// <param name="indicators">Indicators that fired, strongest first; <see langword="null"/> for none.</param>
    public Decision(string eventId, string account, DateTimeOffset time, AccountEventType eventType, DecisionKind kind, int risk, IReadOnlyList<IndicatorHit>? indicators)
    {
        EventId = eventId;
        Account = account;
        Time = time;
        EventType = eventType;
        Kind = kind;
        Risk = Math.Clamp(risk, 0, 100);
        _indicators = indicators;
    }

    /// <summary>Id of the event decided on.</summary>
    public string EventId { get; }

    /// <summary>Account of the event.</summary>
    public string Account { get; }

    /// <summary>Event time of the event decided on.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>Type of the event decided on.</summary>
    public AccountEventType EventType { get; }

    /// <summary>What the broker should do.</summary>
    public DecisionKind Kind { get; }

    /// <summary>Risk score from 0 (nothing unusual) to 100.</summary>
    public int Risk { get; }

    /// <summary>Indicators that fired, strongest first; empty when none did.</summary>
    public IReadOnlyList<IndicatorHit> Indicators => _indicators ?? NoIndicators;

    /// <summary>Whether the event was evaluated, or ignored as a duplicate or a too-late event.</summary>
    public DecisionStatus Status { get; init; }

    /// <summary>Why the event was not evaluated (for <see cref="DecisionStatus.TooLate"/> and <see cref="DecisionStatus.TooEarly"/>); <see langword="null"/> otherwise.</summary>
    public string? RejectionReason { get; init; }

    /// <summary>
    /// Whether the decision belongs in the decisions stream of event format v1: every order that was evaluated or
    /// rejected as <see cref="DecisionStatus.TooLate"/> or <see cref="DecisionStatus.TooEarly"/> (its
    /// <see cref="Kind"/> is then <see cref="DetectorOptions.LateOrderDecision"/> and its line carries the reason), and
    /// any other evaluated event on which an indicator fired. Duplicates never are.
    /// </summary>
    public bool IsReportable => EventType == AccountEventType.Order
        ? Status is DecisionStatus.Evaluated or DecisionStatus.TooLate or DecisionStatus.TooEarly
        : Status == DecisionStatus.Evaluated && Indicators.Count > 0;

    /// <inheritdoc />
    public bool Equals(Decision other) =>
        EventId == other.EventId && Account == other.Account && Time == other.Time && EventType == other.EventType &&
        Kind == other.Kind && Risk == other.Risk && Status == other.Status && RejectionReason == other.RejectionReason &&
        Indicators.SequenceEqual(other.Indicators);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Decision other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EventId, Account, Time, Kind, Risk, Status);

    /// <summary>Compares two decisions by value, indicators included.</summary>
    public static bool operator ==(Decision left, Decision right) => left.Equals(right);

    /// <summary>Compares two decisions by value, indicators included.</summary>
    public static bool operator !=(Decision left, Decision right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() =>
        Status != DecisionStatus.Evaluated
            ? $"{EventId} {Account} {Status}: {RejectionReason}"
            : $"{EventId} {Account} {Kind} risk {Risk}" + (Indicators.Count == 0 ? "" : ": " + string.Join("; ", Indicators.Select(i => i.Id + " " + i.Message)));
}
