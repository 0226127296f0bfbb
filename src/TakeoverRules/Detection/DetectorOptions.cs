using System.Globalization;
using System.Text;

namespace TakeoverRules.Detection;

/// <summary>
/// Thresholds and weights of the <see cref="TakeoverDetector"/>. Plain settable properties, so the object binds from
/// JSON or <c>appsettings</c> (section <c>TakeoverRules:Detection</c>). Defaults and the reasoning behind each are in
/// <c>docs/detection.md</c>; values marked "tuned" were set on the scenario generator, not taken from a source.
/// </summary>
/// <remarks>Mutable while configuring; not thread-safe. The detector copies and validates the values when it is created.</remarks>
public sealed class DetectorOptions
{
    // ---- Decisions ----

    /// <summary>Risk at or above which an event is reviewed. Default 30: one medium signal alone stays below it.</summary>
    public int ReviewThreshold { get; set; } = 30;

    /// <summary>Risk at or above which an order is held. Default 65 (tuned): a new device plus an all-in first buy of a thin stock stays a review; a new network on top holds. A hold also needs indicators from two families.</summary>
    public int HoldThreshold { get; set; } = 65;

    /// <summary>Risk at or above which the account is frozen. Default 85; a freeze also needs a settings change or a cross-account ramp.</summary>
    public int FreezeThreshold { get; set; } = 85;

    /// <summary>Whether sell orders can be held. Default <see langword="false"/>: a sale keeps the money in the account, and holding retirees' sales costs more than it saves.</summary>
    public bool HoldSells { get; set; }

    // ---- State ----

    /// <summary>Minutes an event may be older than the account's latest event and still be applied. Default 10.</summary>
    public int LateEventGraceMinutes { get; set; } = 10;

    /// <summary>How many recent event ids per account are remembered to ignore duplicate deliveries. Default 16 (8–256): redeliveries come within a batch; older ones are caught by the late-event rule.</summary>
    public int DuplicateWindow { get; set; } = 16;

    /// <summary>UTC offset, in minutes, of the customers' local time used for hour-of-day profiles. Default 540 (JST).</summary>
    public int LocalUtcOffsetMinutes { get; set; } = 540;

    // ---- Access ----

    /// <summary>Successful logins an account needs before unfamiliar device/network/country fire. Default 3 (Entra learns for ≥5 days or 10 logins; brokers have fewer logins).</summary>
    public int BaselineMinLogins { get; set; } = 3;

    /// <summary>Hours after first use before a new device, network or country becomes familiar, if no hold happened meanwhile. Default 24.</summary>
    public int TrustAfterHours { get; set; } = 24;

    /// <summary>Half-life, in hours, of a risky login's weight on later events. Default 12: attackers ordered at night and again the next morning.</summary>
    public double SessionHalfLifeHours { get; set; } = 12;

    /// <summary>Hours after which a risky login no longer counts at all. Default 72.</summary>
    public int SessionHorizonHours { get; set; } = 72;

    /// <summary>Points for a login from an unfamiliar device; half when the network, address block and country are familiar (a new phone at home). Default 20.</summary>
    public int UnfamiliarDevicePoints { get; set; } = 20;

    /// <summary>Points for a login from an unfamiliar ASN (a quarter of this for a new address block in a known ASN). Default 12.</summary>
    public int UnfamiliarNetworkPoints { get; set; } = 12;

    /// <summary>Points for a login from an unfamiliar country (or, before the baseline exists, from outside <see cref="HomeCountry"/>). Default 25.</summary>
    public int UnfamiliarCountryPoints { get; set; } = 25;

    /// <summary>ISO 3166-1 alpha-2 home country of the broker's customers. Default <c>JP</c>.</summary>
    public string HomeCountry { get; set; } = "JP";

    /// <summary>Points for a login from a hosting, VPN or proxy address. Default 20.</summary>
    public int HostingNetworkPoints { get; set; } = 20;

    /// <summary>Failed attempts within <see cref="FailedLoginWindowMinutes"/> before a success counts. Default 3.</summary>
    public int FailedLoginThreshold { get; set; } = 3;

    /// <summary>Window for counting failed attempts, in minutes. Default 30.</summary>
    public int FailedLoginWindowMinutes { get; set; } = 30;

    /// <summary>Points for a success after failed attempts. Default 15.</summary>
    public int FailedThenSuccessPoints { get; set; } = 15;

    /// <summary>Days without activity after which a login is a dormant wake-up. Default 180.</summary>
    public int DormantDays { get; set; } = 180;

    /// <summary>Points for a dormant account waking up. Default 20.</summary>
    public int DormantPoints { get; set; } = 20;

    /// <summary>Cap on the points of one login's access indicators together. Default 50: access alone never reaches a hold.</summary>
    public int AccessPointsCap { get; set; } = 50;

    // ---- Settings ----

    /// <summary>Hours a settings change keeps counting for later events. Default 72.</summary>
    public int SettingsWindowHours { get; set; } = 72;

    /// <summary>Points for an e-mail, phone or address change. Default 15: customers with a new phone often change the number too.</summary>
    public int ContactChangedPoints { get; set; } = 15;

    /// <summary>Points for login notifications turned off. Default 25.</summary>
    public int NotificationsDisabledPoints { get; set; } = 25;

    /// <summary>Points for MFA turned off or changed. Default 25.</summary>
    public int MfaWeakenedPoints { get; set; } = 25;

    /// <summary>Points for a withdrawal-account change. Default 25.</summary>
    public int WithdrawalAccountChangedPoints { get; set; } = 25;

    /// <summary>Points for a password or trading-PIN change. Default 10: honest customers change passwords after phishing warnings.</summary>
    public int CredentialChangedPoints { get; set; } = 10;

    /// <summary>Points for enabling foreign or margin trading. Default 20.</summary>
    public int NewTradingPrivilegePoints { get; set; } = 20;

    // ---- Trading ----

    /// <summary>A run of orders ends after this many minutes without one; sells and buys are summed over the run. Default 180.</summary>
    public int BurstGapMinutes { get; set; } = 180;

    /// <summary>Share of holdings sold in one run that counts as a liquidation burst. Default 0.5.</summary>
    public double LiquidationShare { get; set; } = 0.5;

    /// <summary>Points for a liquidation burst. Default 20.</summary>
    public int LiquidationPoints { get; set; } = 20;

    /// <summary>Share of holdings sold in the run before a buy counts as sell-to-buy rotation. Default 0.3.</summary>
    public double RotationMinSoldShare { get; set; } = 0.3;

    /// <summary>Points for sell-to-buy rotation. Default 15.</summary>
    public int RotationPoints { get; set; } = 15;

    /// <summary>Share of buying power used by the run's buys that counts as exhausted. Default 0.9 ("to the limit").</summary>
    public double BuyingPowerShare { get; set; } = 0.9;

    /// <summary>Points for exhausted buying power. Default 15.</summary>
    public int BuyingPowerPoints { get; set; } = 15;

    /// <summary>Extra points when the order uses margin and the account has not used margin before. Default 10.</summary>
    public int MarginExtraPoints { get; set; } = 10;

    /// <summary>Orders an account needs before first-in-segment and size indicators fire. Default 3.</summary>
    public int BaselineMinOrders { get; set; } = 3;

    /// <summary>Points for a first trade in a market or segment. Default 10.</summary>
    public int FirstTradeInSegmentPoints { get; set; } = 10;

    /// <summary>20-day average daily turnover, in yen, below which an instrument is thin. Default ¥100,000,000 (a small cap on TSE Standard/Growth; mid caps trade more).</summary>
    public double ThinTurnoverJpy { get; set; } = 100_000_000;

    /// <summary>Order value as a share of the average daily turnover at which any instrument counts as thin for the order. Default 0.05.</summary>
    public double ThinOrderShare { get; set; } = 0.05;

    /// <summary>Share price in yen at or below which a thin instrument is also low-priced. Default ¥200 (the 2025 targets traded at ¥40–144 and HK pennies).</summary>
    public double LowPriceJpy { get; set; } = 200;

    /// <summary>Points for buying a thin instrument. Default 20.</summary>
    public int ThinPoints { get; set; } = 20;

    /// <summary>Extra points when the thin instrument is also low-priced. Default 5.</summary>
    public int LowPricedExtraPoints { get; set; } = 5;

    /// <summary>Factor applied to thin-instrument points for customers who already trade thin instruments. Default 0.25.</summary>
    public double FamiliarSegmentFactor { get; set; } = 0.25;

    /// <summary>Successive buys of one symbol at rising prices that form a ladder. Default 3.</summary>
    public int LadderMinBuys { get; set; } = 3;

    /// <summary>Window of a rising-price ladder, in minutes. Default 60.</summary>
    public int LadderWindowMinutes { get; set; } = 60;

    /// <summary>Points for a rising-price ladder. Default 15.</summary>
    public int LadderPoints { get; set; } = 15;

    /// <summary>Order value as a multiple of the account's largest earlier order that counts as far above history. Default 5.</summary>
    public double SizeRatio { get; set; } = 5;

    /// <summary>Points for an order far above history. Default 15.</summary>
    public int SizePoints { get; set; } = 15;

    /// <summary>Share of the customer's activity at an hour (with its neighbours) below which the hour is unusual. Default 0.02.</summary>
    public double OffHoursShare { get; set; } = 0.02;

    /// <summary>Activity events an account needs before off-hours fires. Default 30.</summary>
    public int OffHoursMinEvents { get; set; } = 30;

    /// <summary>Points for off-hours activity. Default 10.</summary>
    public int OffHoursPoints { get; set; } = 10;

    // ---- Funds ----

    /// <summary>Points for a withdrawal to a new destination after risky signals (a third of this for a known destination). Default 35.</summary>
    public int WithdrawalAfterRiskPoints { get; set; } = 35;

    // ---- Typologies ----

    /// <summary>Points for the 2025 rotation typology. Default 25.</summary>
    public int RotationTypologyPoints { get; set; } = 25;

    /// <summary>Distinct risky accounts buying one thin symbol within the window that make a cross-account ramp. Default 3 (ten accounts in about two hours on 2025-03-17).</summary>
    public int ConvergenceMinAccounts { get; set; } = 3;

    /// <summary>Window of the cross-account ramp, in minutes. Default 120.</summary>
    public int ConvergenceWindowMinutes { get; set; } = 120;

    /// <summary>Points for a buy of a symbol that several risky accounts converge on. Default 30.</summary>
    public int CrossAccountRampPoints { get; set; } = 30;

    internal DetectorOptions Clone() => (DetectorOptions)MemberwiseClone();

    internal void Validate(List<string> errors)
    {
        void Range(string name, double value, double min, double max)
        {
            if (double.IsNaN(value) || value < min || value > max)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Detection.{name}: must be between {min} and {max} (was {value})"));
            }
        }

        Range(nameof(ReviewThreshold), ReviewThreshold, 1, 100);
        Range(nameof(HoldThreshold), HoldThreshold, 1, 100);
        Range(nameof(FreezeThreshold), FreezeThreshold, 1, 100);
        if (ReviewThreshold > HoldThreshold || HoldThreshold > FreezeThreshold)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"Detection.HoldThreshold: thresholds must satisfy ReviewThreshold <= HoldThreshold <= FreezeThreshold (were {ReviewThreshold}, {HoldThreshold}, {FreezeThreshold})"));
        }

        Range(nameof(LateEventGraceMinutes), LateEventGraceMinutes, 0, 7 * 24 * 60);
        Range(nameof(DuplicateWindow), DuplicateWindow, 8, 256);
        Range(nameof(LocalUtcOffsetMinutes), LocalUtcOffsetMinutes, -14 * 60, 14 * 60);
        Range(nameof(BaselineMinLogins), BaselineMinLogins, 0, 1000);
        Range(nameof(TrustAfterHours), TrustAfterHours, 0, 24 * 365);
        Range(nameof(SessionHalfLifeHours), SessionHalfLifeHours, 0.1, 24 * 30);
        Range(nameof(SessionHorizonHours), SessionHorizonHours, 1, 24 * 90);
        Range(nameof(FailedLoginThreshold), FailedLoginThreshold, 1, 100);
        Range(nameof(FailedLoginWindowMinutes), FailedLoginWindowMinutes, 1, 24 * 60);
        Range(nameof(DormantDays), DormantDays, 1, 3650);
        Range(nameof(AccessPointsCap), AccessPointsCap, 0, 100);
        Range(nameof(SettingsWindowHours), SettingsWindowHours, 1, 24 * 90);
        Range(nameof(BurstGapMinutes), BurstGapMinutes, 1, 7 * 24 * 60);
        Range(nameof(LiquidationShare), LiquidationShare, 0.01, 1);
        Range(nameof(RotationMinSoldShare), RotationMinSoldShare, 0.01, 1);
        Range(nameof(BuyingPowerShare), BuyingPowerShare, 0.01, 10);
        Range(nameof(BaselineMinOrders), BaselineMinOrders, 0, 1000);
        Range(nameof(ThinTurnoverJpy), ThinTurnoverJpy, 0, 1e15);
        Range(nameof(ThinOrderShare), ThinOrderShare, 0.0001, 100);
        Range(nameof(LowPriceJpy), LowPriceJpy, 0, 1e9);
        Range(nameof(FamiliarSegmentFactor), FamiliarSegmentFactor, 0, 1);
        Range(nameof(LadderMinBuys), LadderMinBuys, 2, 100);
        Range(nameof(LadderWindowMinutes), LadderWindowMinutes, 1, 24 * 60);
        Range(nameof(SizeRatio), SizeRatio, 1, 1e6);
        Range(nameof(OffHoursShare), OffHoursShare, 0, 1);
        Range(nameof(OffHoursMinEvents), OffHoursMinEvents, 1, 1_000_000);
        Range(nameof(ConvergenceMinAccounts), ConvergenceMinAccounts, 2, SymbolWindowCapacity);
        Range(nameof(ConvergenceWindowMinutes), ConvergenceWindowMinutes, 1, 7 * 24 * 60);
        foreach (var (name, points) in Points())
        {
            Range(name, points, 0, 100);
        }

        if (HomeCountry is not { Length: 2 } || !char.IsAsciiLetterUpper(HomeCountry[0]) || !char.IsAsciiLetterUpper(HomeCountry[1]))
        {
            errors.Add($"Detection.HomeCountry: must be an ISO 3166-1 alpha-2 code in capitals (was {HomeCountry ?? "null"})");
        }
    }

    /// <summary>Recent risky buys remembered per symbol; bounds <see cref="ConvergenceMinAccounts"/>.</summary>
    internal const int SymbolWindowCapacity = 16;

    private IEnumerable<(string Name, int Value)> Points() =>
    [
        (nameof(UnfamiliarDevicePoints), UnfamiliarDevicePoints), (nameof(UnfamiliarNetworkPoints), UnfamiliarNetworkPoints),
        (nameof(UnfamiliarCountryPoints), UnfamiliarCountryPoints), (nameof(HostingNetworkPoints), HostingNetworkPoints),
        (nameof(FailedThenSuccessPoints), FailedThenSuccessPoints), (nameof(DormantPoints), DormantPoints),
        (nameof(ContactChangedPoints), ContactChangedPoints), (nameof(NotificationsDisabledPoints), NotificationsDisabledPoints),
        (nameof(MfaWeakenedPoints), MfaWeakenedPoints), (nameof(WithdrawalAccountChangedPoints), WithdrawalAccountChangedPoints),
        (nameof(CredentialChangedPoints), CredentialChangedPoints), (nameof(NewTradingPrivilegePoints), NewTradingPrivilegePoints),
        (nameof(LiquidationPoints), LiquidationPoints), (nameof(RotationPoints), RotationPoints),
        (nameof(BuyingPowerPoints), BuyingPowerPoints), (nameof(MarginExtraPoints), MarginExtraPoints),
        (nameof(FirstTradeInSegmentPoints), FirstTradeInSegmentPoints), (nameof(ThinPoints), ThinPoints),
        (nameof(LowPricedExtraPoints), LowPricedExtraPoints), (nameof(LadderPoints), LadderPoints),
        (nameof(SizePoints), SizePoints), (nameof(OffHoursPoints), OffHoursPoints),
        (nameof(WithdrawalAfterRiskPoints), WithdrawalAfterRiskPoints), (nameof(RotationTypologyPoints), RotationTypologyPoints),
        (nameof(CrossAccountRampPoints), CrossAccountRampPoints),
    ];

    /// <summary>
    /// A canonical text of every value; its hash is stamped into snapshots so that state built under one configuration
    /// is not silently restored under another.
    /// </summary>
    internal string Canonical()
    {
        var text = new StringBuilder();
        void Add(string name, double value) => text.Append(name).Append('=').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append(';');
        Add(nameof(ReviewThreshold), ReviewThreshold);
        Add(nameof(HoldThreshold), HoldThreshold);
        Add(nameof(FreezeThreshold), FreezeThreshold);
        Add(nameof(HoldSells), HoldSells ? 1 : 0);
        Add(nameof(LateEventGraceMinutes), LateEventGraceMinutes);
        Add(nameof(DuplicateWindow), DuplicateWindow);
        Add(nameof(LocalUtcOffsetMinutes), LocalUtcOffsetMinutes);
        Add(nameof(BaselineMinLogins), BaselineMinLogins);
        Add(nameof(TrustAfterHours), TrustAfterHours);
        Add(nameof(SessionHalfLifeHours), SessionHalfLifeHours);
        Add(nameof(SessionHorizonHours), SessionHorizonHours);
        Add(nameof(FailedLoginThreshold), FailedLoginThreshold);
        Add(nameof(FailedLoginWindowMinutes), FailedLoginWindowMinutes);
        Add(nameof(DormantDays), DormantDays);
        Add(nameof(AccessPointsCap), AccessPointsCap);
        Add(nameof(SettingsWindowHours), SettingsWindowHours);
        Add(nameof(BurstGapMinutes), BurstGapMinutes);
        Add(nameof(LiquidationShare), LiquidationShare);
        Add(nameof(RotationMinSoldShare), RotationMinSoldShare);
        Add(nameof(BuyingPowerShare), BuyingPowerShare);
        Add(nameof(BaselineMinOrders), BaselineMinOrders);
        Add(nameof(ThinTurnoverJpy), ThinTurnoverJpy);
        Add(nameof(ThinOrderShare), ThinOrderShare);
        Add(nameof(LowPriceJpy), LowPriceJpy);
        Add(nameof(FamiliarSegmentFactor), FamiliarSegmentFactor);
        Add(nameof(LadderMinBuys), LadderMinBuys);
        Add(nameof(LadderWindowMinutes), LadderWindowMinutes);
        Add(nameof(SizeRatio), SizeRatio);
        Add(nameof(OffHoursShare), OffHoursShare);
        Add(nameof(OffHoursMinEvents), OffHoursMinEvents);
        Add(nameof(ConvergenceMinAccounts), ConvergenceMinAccounts);
        Add(nameof(ConvergenceWindowMinutes), ConvergenceWindowMinutes);
        foreach (var (name, points) in Points())
        {
            Add(name, points);
        }

        text.Append(nameof(HomeCountry)).Append('=').Append(HomeCountry);
        return text.ToString();
    }
}
