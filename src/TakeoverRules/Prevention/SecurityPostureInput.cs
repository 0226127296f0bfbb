using TakeoverRules.Detection;

namespace TakeoverRules.Prevention;

/// <summary>How the customer usually reaches the broker's login page.</summary>
public enum AccessRoute
{
    /// <summary>From a bookmark saved earlier or from the broker's official app.</summary>
    BookmarkOrOfficialApp,

    /// <summary>By searching for the broker's name and clicking a result.</summary>
    SearchResults,

    /// <summary>By following links in e-mail or SMS messages.</summary>
    LinksInMessages,
}

/// <summary>How often the customer looks at holdings, trade history and registered details.</summary>
public enum AccountCheckHabit
{
    /// <summary>Rarely or never.</summary>
    Rarely,

    /// <summary>About once a month.</summary>
    Monthly,

    /// <summary>About once a week.</summary>
    Weekly,

    /// <summary>Every day, or after every notification.</summary>
    Daily,
}

/// <summary>Which notifications the broker sends the customer.</summary>
public enum NotificationCoverage
{
    /// <summary>No notifications, or they are switched off.</summary>
    None,

    /// <summary>Notifications of logins only.</summary>
    LoginsOnly,

    /// <summary>Notifications of logins, trades and withdrawals.</summary>
    LoginsTradesAndWithdrawals,
}

/// <summary>Whether the login password is also used for other services.</summary>
public enum PasswordReuse
{
    /// <summary>The password is used somewhere else too.</summary>
    Reused,

    /// <summary>The customer does not know.</summary>
    NotSure,

    /// <summary>The password is used only for this broker.</summary>
    Unique,
}

/// <summary>The strength of the trading PIN (取引暗証番号), judged by the caller; the PIN itself never enters TakeoverRules.</summary>
public enum TradingPinStrength
{
    /// <summary>The PIN equals or is part of the login password.</summary>
    SameAsLoginPassword,

    /// <summary>A guessable PIN: a date, a repeat, a sequence or a keypad pattern.</summary>
    Guessable,

    /// <summary>A PIN with none of the weaknesses above.</summary>
    Strong,

    /// <summary>The broker asks for no trading PIN; the factor is left out of the assessment.</summary>
    NotUsedByBroker,
}

/// <summary>
/// What a customer says about their account security, as typed answers. Passwords and PINs are never part of it:
/// their strength comes in as a score or a category.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record SecurityPostureInput
{
    /// <summary>
    /// The example customer of the demo, the documentation's posture chart and the tests: SMS codes at login, a fair
    /// password (score 2) used elsewhere too, notices of logins only, the login page reached from links in messages,
    /// the account checked monthly and a guessable trading PIN. An illustration of common habits, not a measured average.
    /// </summary>
    public static SecurityPostureInput TypicalCustomer { get; } = new()
    {
        Mfa = AuthMethod.Sms,
        PasswordScore = 2,
        PasswordReuse = PasswordReuse.Reused,
        Notifications = NotificationCoverage.LoginsOnly,
        Access = AccessRoute.LinksInMessages,
        AccountChecks = AccountCheckHabit.Monthly,
        TradingPin = TradingPinStrength.Guessable,
    };

    /// <summary>The strongest second factor used at login; <see cref="AuthMethod.Password"/> means none. Default: <see cref="AuthMethod.Password"/>.</summary>
    public AuthMethod Mfa { get; init; } = AuthMethod.Password;

    /// <summary>The login password's strength score, 0 (too guessable) to 4 (very unguessable), as zxcvbn-family estimators report it. Default: 0.</summary>
    public int PasswordScore { get; init; }

    /// <summary>Whether the login password is used elsewhere. Default: <see cref="Prevention.PasswordReuse.NotSure"/>.</summary>
    public PasswordReuse PasswordReuse { get; init; } = PasswordReuse.NotSure;

    /// <summary>Which notifications are switched on. Default: <see cref="NotificationCoverage.None"/>.</summary>
    public NotificationCoverage Notifications { get; init; } = NotificationCoverage.None;

    /// <summary>How the login page is reached. Default: <see cref="AccessRoute.LinksInMessages"/>.</summary>
    public AccessRoute Access { get; init; } = AccessRoute.LinksInMessages;

    /// <summary>How often the account is checked. Default: <see cref="AccountCheckHabit.Rarely"/>.</summary>
    public AccountCheckHabit AccountChecks { get; init; } = AccountCheckHabit.Rarely;

    /// <summary>The trading PIN's strength. Default: <see cref="TradingPinStrength.Guessable"/>.</summary>
    public TradingPinStrength TradingPin { get; init; } = TradingPinStrength.Guessable;
}
