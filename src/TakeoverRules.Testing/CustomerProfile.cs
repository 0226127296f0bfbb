using TakeoverRules.Detection;

namespace TakeoverRules.Testing;

/// <summary>
/// How an honest customer normally uses the account: the devices, networks and hours of the logins and the size and markets
/// of the orders that the scenario's generated history (weeks of normal activity before the timeline) is made of.
/// Also the defaults of the timeline: a plain <see cref="ScenarioBuilder.Login"/> comes from the first device and network.
/// </summary>
/// <remarks>An immutable record; change it with <c>with</c>: <c>CustomerProfile.Default with { Markets = ["TSE", "HKEX"] }</c>.</remarks>
public sealed record CustomerProfile
{
    /// <summary>The profile of a typical domestic retail customer (every property at its default).</summary>
    public static CustomerProfile Default { get; } = new();

    /// <summary>Device fingerprint ids the customer uses. Default: <see langword="null"/>, which means a phone and a PC named after the account (<c>{account}-phone</c>, <c>{account}-pc</c>).</summary>
    public IReadOnlyList<string>? Devices { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country the customer logs in from. Default: <c>JP</c>.</summary>
    public string Country { get; init; } = "JP";

    /// <summary>How many residential/mobile networks (ASNs) the customer uses, home first. Default: 2 (home broadband and a mobile carrier).</summary>
    public int Networks { get; init; } = 2;

    /// <summary>First local (JST) hour of the customer's usual activity, 0–23. Default: 9.</summary>
    public int UsualHoursStart { get; init; } = 9;

    /// <summary>Local (JST) hour at which the usual activity ends, exclusive, 1–24; a value not greater than <see cref="UsualHoursStart"/> wraps past midnight. Default: 15.</summary>
    public int UsualHoursEnd { get; init; } = 15;

    /// <summary>Median order value in yen; history orders vary log-normally around it. Default: ¥300,000.</summary>
    public decimal TypicalOrderJpy { get; init; } = 300_000m;

    /// <summary>Markets the customer trades (<c>TSE</c>, <c>HKEX</c>, <c>NASDAQ</c>). Default: <c>TSE</c> only.</summary>
    public IReadOnlyList<string> Markets { get; init; } = ["TSE"];

    /// <summary>Whether the customer's history includes thin, low-priced stocks (a speculator). Default: <see langword="false"/>.</summary>
    public bool TradesThinStocks { get; init; }

    /// <summary>Whether the customer's history includes margin orders. Default: <see langword="false"/>.</summary>
    public bool TradesOnMargin { get; init; }

    /// <summary>Successful logins per week in the history. Default: 4.</summary>
    public double LoginsPerWeek { get; init; } = 4;

    /// <summary>Orders per week in the history. Default: 1.5.</summary>
    public double OrdersPerWeek { get; init; } = 1.5;

    /// <summary>Length of the generated history in weeks; 0 for a new account. Default: 8.</summary>
    public int HistoryWeeks { get; init; } = 8;

    /// <summary>Time without any activity between the end of the history and the timeline (a dormant account). Default: zero (the history runs up to the day before).</summary>
    public TimeSpan DormantFor { get; init; }

    /// <summary>How the customer authenticates. Default: <see cref="AuthMethod.Sms"/>.</summary>
    public AuthMethod AuthMethod { get; init; } = AuthMethod.Sms;

    /// <summary>Seed of the history's randomness; <see langword="null"/> derives it from the account id. Default: <see langword="null"/>.</summary>
    public int? Seed { get; init; }

    internal void Validate(string account)
    {
        static void Require(bool ok, string account, string property, object? value, string reason)
        {
            if (!ok)
            {
                throw new ArgumentException($"Profile of account '{account}': {property} {reason} (was {value}).");
            }
        }

        Require(UsualHoursStart is >= 0 and <= 23, account, nameof(UsualHoursStart), UsualHoursStart, "must be 0–23");
        Require(UsualHoursEnd is >= 1 and <= 24, account, nameof(UsualHoursEnd), UsualHoursEnd, "must be 1–24");
        Require(TypicalOrderJpy > 0, account, nameof(TypicalOrderJpy), TypicalOrderJpy, "must be positive");
        Require(Markets.Count > 0, account, nameof(Markets), Markets.Count, "must name at least one market");
        Require(Networks is >= 1 and <= 8, account, nameof(Networks), Networks, "must be 1–8");
        Require(LoginsPerWeek is >= 0 and <= 200, account, nameof(LoginsPerWeek), LoginsPerWeek, "must be 0–200");
        Require(OrdersPerWeek is >= 0 and <= 500, account, nameof(OrdersPerWeek), OrdersPerWeek, "must be 0–500");
        Require(HistoryWeeks is >= 0 and <= 104, account, nameof(HistoryWeeks), HistoryWeeks, "must be 0–104");
        Require(DormantFor >= TimeSpan.Zero, account, nameof(DormantFor), DormantFor, "must not be negative");
        Require(Devices is null || Devices.Count > 0, account, nameof(Devices), Devices?.Count, "must name at least one device when set");
        Require(Country.Length == 2, account, nameof(Country), Country, "must be an ISO 3166-1 alpha-2 code");
    }

    internal bool IsUsualHour(int hour) =>
        UsualHoursEnd > UsualHoursStart
            ? hour >= UsualHoursStart && hour < UsualHoursEnd
            : hour >= UsualHoursStart || hour < UsualHoursEnd;

    internal int UsualHoursLength => UsualHoursEnd > UsualHoursStart ? UsualHoursEnd - UsualHoursStart : 24 - UsualHoursStart + UsualHoursEnd;
}
