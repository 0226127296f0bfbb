namespace TakeoverRules.Detection;

/// <summary>
/// Stable identifiers of the takeover indicators. The numeric values and names are part of the contract
/// (they appear in decisions, logs and snapshots) and never change; new indicators get new values.
/// See <see cref="IndicatorCatalog"/> for the category, severity and wire code of each.
/// </summary>
public enum IndicatorId
{
    /// <summary>Successful login from a device this account has not used.</summary>
    UnfamiliarDevice = 1,

    /// <summary>Successful login from a network (ASN or address block) this account has not used.</summary>
    UnfamiliarNetwork = 2,

    /// <summary>Successful login from a country this account has not logged in from.</summary>
    UnfamiliarCountry = 3,

    /// <summary>Successful login from a hosting, VPN or proxy address.</summary>
    HostingNetwork = 4,

    /// <summary>Successful login after a run of failed attempts.</summary>
    FailedThenSuccessfulLogin = 5,

    /// <summary>Login to an account that had no activity for a long time.</summary>
    DormantAccountWakeUp = 6,

    /// <summary>An order that resumes a quiet login session with no new login: a session replayed from elsewhere shows no login of its own.</summary>
    StaleSession = 7,

    /// <summary>E-mail, phone or postal address changed.</summary>
    ContactDetailsChanged = 10,

    /// <summary>Login notifications turned off.</summary>
    NotificationsDisabled = 11,

    /// <summary>Multi-factor authentication turned off or changed.</summary>
    MfaWeakened = 12,

    /// <summary>The bank account that withdrawals go to was changed.</summary>
    WithdrawalAccountChanged = 13,

    /// <summary>Login password or trading PIN changed.</summary>
    CredentialChanged = 14,

    /// <summary>Foreign-stock or margin trading enabled.</summary>
    NewTradingPrivilege = 15,

    /// <summary>A large share of the holdings sold in one burst.</summary>
    LiquidationBurst = 20,

    /// <summary>A buy that spends the proceeds of a liquidation burst.</summary>
    SellToBuyRotation = 21,

    /// <summary>Buys that use up (almost) all buying power, margin included.</summary>
    BuyingPowerExhausted = 22,

    /// <summary>The account's first trade in a market or segment (e.g. HKEX, margin, thin low-priced stocks).</summary>
    FirstTradeInSegment = 23,

    /// <summary>A buy of a thinly traded or low-priced instrument, or an order large against its daily turnover.</summary>
    ThinInstrument = 24,

    /// <summary>Successive buys of one symbol at rising prices (買い上がり).</summary>
    RisingPriceLadder = 25,

    /// <summary>An order far larger than any earlier order of the account.</summary>
    OrderSizeAboveHistory = 26,

    /// <summary>Activity at an hour this customer is rarely active.</summary>
    OffHours = 27,

    /// <summary>A withdrawal request after risky signals.</summary>
    WithdrawalAfterRisk = 28,

    /// <summary>Several different thin names bought in one run of orders, each modest, the money spread so no single order stands out.</summary>
    SeveralThinNames = 29,

    /// <summary>The 2025 rotation typology: risky login, liquidation, then buying a thin or unfamiliar instrument.</summary>
    RotationTypology = 40,

    /// <summary>Several risky accounts buying the same thin symbol within a window (a ramp across accounts).</summary>
    CrossAccountRamp = 41,
}

/// <summary>How strongly an indicator points to a takeover on its own.</summary>
public enum IndicatorSeverity
{
    /// <summary>Common among honest customers; meaningful only in combination.</summary>
    Low,

    /// <summary>Unusual; worth a look when combined with anything else.</summary>
    Medium,

    /// <summary>Strong evidence.</summary>
    High,

    /// <summary>The signature of a takeover.</summary>
    Critical,
}

/// <summary>The family an indicator belongs to; a hold needs evidence from more than one family.</summary>
public enum IndicatorCategory
{
    /// <summary>How the session was opened (device, network, country, failures, dormancy).</summary>
    Access,

    /// <summary>Changes to security settings and privileges.</summary>
    Settings,

    /// <summary>What the account trades and how.</summary>
    Trading,

    /// <summary>Money leaving the account.</summary>
    Funds,

    /// <summary>Composite patterns of several indicators.</summary>
    Typology,

    /// <summary>Evidence from other accounts.</summary>
    CrossAccount,
}
