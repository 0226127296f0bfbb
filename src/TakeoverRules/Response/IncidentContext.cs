namespace TakeoverRules.Response;

/// <summary>Who first noticed the unauthorized activity.</summary>
public enum NoticedBy
{
    /// <summary>The customer noticed it (unexpected trades, a notification, a changed holding).</summary>
    Customer,

    /// <summary>The broker noticed it and contacted the customer or restricted the account.</summary>
    Broker,
}

/// <summary>How soon a <see cref="ResponseStep"/> should be done.</summary>
public enum Urgency
{
    /// <summary>Right away, before anything else.</summary>
    Now,

    /// <summary>The same day.</summary>
    Today,

    /// <summary>Within the next few days.</summary>
    WithinDays,
}

/// <summary>
/// What is known about an incident when a victim or a support desk asks what to do. Unknown answers are
/// <see langword="null"/>; the plan then assumes the case that needs more care.
/// </summary>
/// <remarks>Immutable; thread-safe. Holds no password, PIN or account number.</remarks>
public sealed record IncidentContext
{
    /// <summary>Who noticed first. Default: <see cref="NoticedBy.Customer"/>.</summary>
    public NoticedBy NoticedBy { get; init; } = NoticedBy.Customer;

    /// <summary>The broker's id in the facts data (for example <c>rakuten</c>), or <see langword="null"/> when not given. Default: null.</summary>
    public string? BrokerId { get; init; }

    /// <summary>Whether the account can still trade (not yet restricted); null when unknown. Default: null.</summary>
    public bool? TradingStillPossible { get; init; }

    /// <summary>Whether a withdrawal the customer did not make was seen. Default: false.</summary>
    public bool WithdrawalSeen { get; init; }

    /// <summary>Whether a change of the registered withdrawal bank account (出金先口座) was seen. Default: false.</summary>
    public bool WithdrawalAccountChangeSeen { get; init; }

    /// <summary>Whether the broker password is also used for other services; null when unknown. Default: null.</summary>
    public bool? PasswordReusedElsewhere { get; init; }

    /// <summary>Whether the loss is large enough to consider a lawyer; null when unknown. Default: null.</summary>
    public bool? LargeLoss { get; init; }

    /// <summary>When the incident was discovered, with its UTC offset; null when not given. Default: null.</summary>
    public DateTimeOffset? DiscoveredAt { get; init; }
}
