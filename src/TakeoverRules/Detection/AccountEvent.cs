namespace TakeoverRules.Detection;

/// <summary>
/// One event of an account's stream, in TakeoverRules event format v1 (see <c>docs/event-format.md</c>).
/// Events are immutable values; detection uses <see cref="Time"/> (event time), never the wall clock.
/// </summary>
/// <param name="Id">Unique id of the event; a repeated id is a duplicate delivery and is ignored.</param>
/// <param name="Time">When the event happened (event time), with its UTC offset.</param>
/// <param name="Account">The broker's account identifier.</param>
public abstract record AccountEvent(string Id, DateTimeOffset Time, string Account)
{
    /// <summary>The event's type, as written in the <c>type</c> field of the wire format.</summary>
    public abstract AccountEventType Type { get; }
}

/// <summary>The types of <see cref="AccountEvent"/>.</summary>
public enum AccountEventType
{
    /// <summary>A login attempt (<see cref="LoginEvent"/>).</summary>
    Login,

    /// <summary>A change of an account setting (<see cref="SettingChangedEvent"/>).</summary>
    SettingChanged,

    /// <summary>An order placed (<see cref="OrderEvent"/>).</summary>
    Order,

    /// <summary>An order (partly) executed (<see cref="ExecutionEvent"/>).</summary>
    Execution,

    /// <summary>A currency conversion (<see cref="FxConversionEvent"/>).</summary>
    FxConversion,

    /// <summary>A request to withdraw cash (<see cref="WithdrawalRequestEvent"/>).</summary>
    WithdrawalRequest,

    /// <summary>A snapshot of holdings and cash (<see cref="PortfolioEvent"/>).</summary>
    Portfolio,
}

/// <summary>How a login was authenticated.</summary>
public enum AuthMethod
{
    /// <summary>Password only.</summary>
    Password,

    /// <summary>One-time code by SMS (phishable).</summary>
    Sms,

    /// <summary>Authenticator-app one-time code (phishable).</summary>
    Totp,

    /// <summary>One-time code by e-mail (phishable).</summary>
    EmailOtp,

    /// <summary>Push approval in an app.</summary>
    Push,

    /// <summary>Passkey / FIDO2 (phishing-resistant).</summary>
    Passkey,
}

/// <summary>The channel a session uses.</summary>
public enum LoginChannel
{
    /// <summary>Web browser.</summary>
    Web,

    /// <summary>The broker's official app.</summary>
    App,

    /// <summary>A programmatic API.</summary>
    Api,
}

/// <summary>An account setting whose change is reported by <see cref="SettingChangedEvent"/>.</summary>
public enum AccountSetting
{
    /// <summary>Registered e-mail address.</summary>
    Email,

    /// <summary>Registered phone number.</summary>
    Phone,

    /// <summary>Login password.</summary>
    Password,

    /// <summary>Trading PIN (取引暗証番号).</summary>
    TradingPin,

    /// <summary>Multi-factor authentication.</summary>
    Mfa,

    /// <summary>Login notifications.</summary>
    LoginNotifications,

    /// <summary>The bank account that withdrawals go to (出金先口座).</summary>
    WithdrawalAccount,

    /// <summary>Permission to trade foreign stocks.</summary>
    ForeignTrading,

    /// <summary>Margin trading (信用取引).</summary>
    MarginTrading,

    /// <summary>Postal address.</summary>
    Address,
}

/// <summary>Buy or sell.</summary>
public enum OrderSide
{
    /// <summary>Buy.</summary>
    Buy,

    /// <summary>Sell.</summary>
    Sell,
}

/// <summary>Limit or market order.</summary>
public enum OrderType
{
    /// <summary>Limit order (has a price).</summary>
    Limit,

    /// <summary>Market order (no price).</summary>
    Market,
}

/// <summary>A login attempt.</summary>
/// <param name="Id">Event id.</param>
/// <param name="Time">Event time.</param>
/// <param name="Account">Account id.</param>
/// <param name="Success">Whether the login succeeded.</param>
/// <param name="Ip">Source IP address.</param>
/// <param name="Device">Device fingerprint id.</param>
/// <param name="AuthMethod">How the login was authenticated.</param>
/// <param name="Channel">Web, app or API.</param>
public sealed record LoginEvent(
    string Id,
    DateTimeOffset Time,
    string Account,
    bool Success,
    string Ip,
    string Device,
    AuthMethod AuthMethod,
    LoginChannel Channel) : AccountEvent(Id, Time, Account)
{
    /// <summary>ISO 3166-1 alpha-2 country of the IP, when known.</summary>
    public string? Country { get; init; }

    /// <summary>Autonomous system number of the IP, when known.</summary>
    public string? Asn { get; init; }

    /// <summary>Whether the IP belongs to a hosting, VPN or proxy range, when known.</summary>
    public bool? Hosting { get; init; }

    /// <inheritdoc />
    public override AccountEventType Type => AccountEventType.Login;
}

/// <summary>A change of an account setting.</summary>
/// <param name="Id">Event id.</param>
/// <param name="Time">Event time.</param>
/// <param name="Account">Account id.</param>
/// <param name="Setting">The setting that changed.</param>
public sealed record SettingChangedEvent(
    string Id,
    DateTimeOffset Time,
    string Account,
    AccountSetting Setting) : AccountEvent(Id, Time, Account)
{
    /// <summary>For on/off settings, the new state; <see langword="null"/> for value changes such as a new e-mail address.</summary>
    public bool? Enabled { get; init; }

    /// <inheritdoc />
    public override AccountEventType Type => AccountEventType.SettingChanged;
}

/// <summary>An order as it arrives, before execution (the pre-trade decision point).</summary>
/// <param name="Id">Event id.</param>
/// <param name="Time">Event time.</param>
/// <param name="Account">Account id.</param>
/// <param name="OrderId">The broker's order id.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Symbol">Instrument as <c>MARKET:CODE</c>, e.g. <c>TSE:7203</c> or <c>HKEX:08365</c>.</param>
/// <param name="Quantity">Number of shares.</param>
/// <param name="OrderType">Limit or market.</param>
/// <param name="NotionalJpy">Order value in yen.</param>
public sealed record OrderEvent(
    string Id,
    DateTimeOffset Time,
    string Account,
    string OrderId,
    OrderSide Side,
    string Symbol,
    long Quantity,
    OrderType OrderType,
    decimal NotionalJpy) : AccountEvent(Id, Time, Account)
{
    /// <summary>Limit price in the instrument's currency; <see langword="null"/> for market orders.</summary>
    public decimal? Price { get; init; }

    /// <summary>Whether the order uses margin (信用取引), when known.</summary>
    public bool? Margin { get; init; }

    /// <summary>Buying power in yen before this order, when known.</summary>
    public decimal? BuyingPowerJpy { get; init; }

    /// <inheritdoc />
    public override AccountEventType Type => AccountEventType.Order;
}

/// <summary>An execution (fill) of an order.</summary>
/// <param name="Id">Event id.</param>
/// <param name="Time">Event time.</param>
/// <param name="Account">Account id.</param>
/// <param name="OrderId">The order that was filled.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Symbol">Instrument as <c>MARKET:CODE</c>.</param>
/// <param name="Quantity">Shares filled.</param>
/// <param name="Price">Fill price in the instrument's currency.</param>
/// <param name="NotionalJpy">Fill value in yen.</param>
public sealed record ExecutionEvent(
    string Id,
    DateTimeOffset Time,
    string Account,
    string OrderId,
    OrderSide Side,
    string Symbol,
    long Quantity,
    decimal Price,
    decimal NotionalJpy) : AccountEvent(Id, Time, Account)
{
    /// <inheritdoc />
    public override AccountEventType Type => AccountEventType.Execution;
}

/// <summary>A currency conversion, e.g. yen to Hong Kong dollars before buying HK stocks.</summary>
/// <param name="Id">Event id.</param>
/// <param name="Time">Event time.</param>
/// <param name="Account">Account id.</param>
/// <param name="FromCurrency">ISO 4217 code converted from.</param>
/// <param name="ToCurrency">ISO 4217 code converted to.</param>
/// <param name="AmountJpy">Amount in yen.</param>
public sealed record FxConversionEvent(
    string Id,
    DateTimeOffset Time,
    string Account,
    string FromCurrency,
    string ToCurrency,
    decimal AmountJpy) : AccountEvent(Id, Time, Account)
{
    /// <inheritdoc />
    public override AccountEventType Type => AccountEventType.FxConversion;
}

/// <summary>A request to withdraw cash from the account.</summary>
/// <param name="Id">Event id.</param>
/// <param name="Time">Event time.</param>
/// <param name="Account">Account id.</param>
/// <param name="AmountJpy">Amount in yen.</param>
/// <param name="Destination">Identifier of the destination bank account.</param>
public sealed record WithdrawalRequestEvent(
    string Id,
    DateTimeOffset Time,
    string Account,
    decimal AmountJpy,
    string Destination) : AccountEvent(Id, Time, Account)
{
    /// <inheritdoc />
    public override AccountEventType Type => AccountEventType.WithdrawalRequest;
}

/// <summary>A snapshot of an account's holdings, cash and buying power.</summary>
/// <param name="Id">Event id.</param>
/// <param name="Time">Event time.</param>
/// <param name="Account">Account id.</param>
/// <param name="Positions">Holdings at that time.</param>
/// <param name="CashJpy">Cash in yen.</param>
/// <param name="BuyingPowerJpy">Buying power in yen (may include margin).</param>
public sealed record PortfolioEvent(
    string Id,
    DateTimeOffset Time,
    string Account,
    IReadOnlyList<Position> Positions,
    decimal CashJpy,
    decimal BuyingPowerJpy) : AccountEvent(Id, Time, Account)
{
    /// <inheritdoc />
    public override AccountEventType Type => AccountEventType.Portfolio;
}

/// <summary>One holding in a <see cref="PortfolioEvent"/>.</summary>
/// <param name="Symbol">Instrument as <c>MARKET:CODE</c>.</param>
/// <param name="Quantity">Shares held.</param>
/// <param name="ValueJpy">Market value in yen.</param>
public readonly record struct Position(string Symbol, long Quantity, decimal ValueJpy);

/// <summary>Reference data for one instrument.</summary>
/// <param name="Symbol">Instrument as <c>MARKET:CODE</c>.</param>
/// <param name="Market">Market code, e.g. <c>TSE</c> or <c>HKEX</c>.</param>
/// <param name="Currency">ISO 4217 trading currency.</param>
/// <param name="LastPrice">Last price in the trading currency.</param>
/// <param name="LastPriceJpy">Last price in yen.</param>
/// <param name="AvgDailyTurnoverJpy">20-day average traded value in yen.</param>
/// <param name="LotSize">Trading unit in shares.</param>
public sealed record Instrument(
    string Symbol,
    string Market,
    string Currency,
    decimal LastPrice,
    decimal LastPriceJpy,
    decimal AvgDailyTurnoverJpy,
    long LotSize);
