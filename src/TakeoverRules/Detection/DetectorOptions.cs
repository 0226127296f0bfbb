using System.Globalization;
using System.Text;

namespace TakeoverRules.Detection;

/// <summary>
/// Thresholds, windows and costs of the <see cref="TakeoverDetector"/>. Plain settable properties, so the object binds
/// from JSON or <c>appsettings</c> (section <c>TakeoverRules:Detection</c>). Risk and evidence are in points: 10 points
/// are one nat of evidence (a likelihood ratio of e ≈ 2.7) against the customer's own habits. Defaults and the reasoning
/// behind each are in <c>docs/detection.md</c>; values marked "tuned" were set on generated streams, not taken from a source.
/// </summary>
/// <remarks>Mutable while configuring; not thread-safe. The detector copies and validates the values when it is created.</remarks>
public sealed class DetectorOptions
{
    // ---- Decisions ----

    /// <summary>Risk at or above which an order is reviewed. Default 40 (tuned): about four nats of evidence.</summary>
    public int ReviewThreshold { get; set; } = 40;

    /// <summary>Risk at or above which an event other than an order (a login, a settings change, a withdrawal) is reviewed. Default 70 (tuned): novelty alone is the customer's travel or new phone far more often than an attacker.</summary>
    public int NonOrderReviewThreshold { get; set; } = 70;

    /// <summary>The least risk a hold needs, whatever the account's exposure. Default 60 (tuned).</summary>
    public int HoldThreshold { get; set; } = 60;

    /// <summary>Risk at or above which a hold becomes a freeze, when a change after a risky login locks the customer out (contact, notifications, MFA, withdrawal account). Default 80.</summary>
    public int FreezeThreshold { get; set; } = 80;

    /// <summary>Whether sell orders can be held. Default <see langword="false"/>: a sale keeps the money in the account, and holding retirees' sales costs more than it saves.</summary>
    public bool HoldSells { get; set; }

    /// <summary>Prior odds that a judged event is a takeover's, before any evidence. Default 0.0002 (tuned; the 2025 wave hit a few thousand accounts a year among tens of millions).</summary>
    public double TakeoverPriorOdds { get; set; } = 0.0002;

    /// <summary>What a wrongly held order costs the broker, in yen (support contact, a delayed trade, a customer's trust). Default ¥20,000 (tuned).</summary>
    public double HoldCostJpy { get; set; } = 20_000;

    /// <summary>Share of the account's exposure (holdings and buying power) a missed takeover loses. Default 0.5: the thin names bought fall and are hard to sell.</summary>
    public double MissedLossShare { get; set; } = 0.5;

    /// <summary>Session evidence (access and settings), in nats, a hold needs on top of unusual trading. Default 2.5 (tuned).</summary>
    public double MinSessionEvidence { get; set; } = 2.5;

    /// <summary>Action evidence (trading, funds, other accounts), in nats, a hold needs on top of session evidence. Default 2.5 (tuned).</summary>
    public double MinActionEvidence { get; set; } = 2.5;

    /// <summary>
    /// Total evidence, in nats, at which a hold needs only <see cref="StrongMinSessionEvidence"/> of session evidence instead of
    /// <see cref="MinSessionEvidence"/>: odds of a takeover of about 3,000 : 1 against this customer's habits. Default 8.0 (tuned).
    /// </summary>
    public double StrongEvidence { get; set; } = 8.0;

    /// <summary>Session evidence, in nats, a hold needs when the total reaches <see cref="StrongEvidence"/>. Default 2.0 (tuned).</summary>
    public double StrongMinSessionEvidence { get; set; } = 2.0;

    /// <summary>Action evidence, in nats, that holds without any session evidence, for a customer with at least <see cref="KnownCustomerBuys"/> buys (a stolen session shows no login). Default 8.5 (tuned).</summary>
    public double ActionAloneEvidence { get; set; } = 8.5;

    /// <summary>Buys the detector must have learned before trading unlike the customer holds on its own (<see cref="ActionAloneEvidence"/>); before that a customer's habits are a guess. Default 5 (tuned).</summary>
    public int KnownCustomerBuys { get; set; } = 5;

    /// <summary>Action evidence besides the ramp, in nats, that holds a buy when other risky accounts are buying the same thin name (a coordinated wave stands in for session evidence). Default 4.0 (tuned).</summary>
    public double RampActionEvidence { get; set; } = 4.0;

    /// <summary>
    /// Action evidence besides a ramp, in nats, that holds the 2025 rotation (holdings sold, the money moved into a thin name)
    /// inside a session with a stolen-session trait, once the total reaches the hold threshold: an order placed long after the
    /// session's login with no new one (<see cref="IndicatorId.StaleSession"/>, a replayed session cookie), or the whole rotation
    /// pattern (<see cref="IndicatorId.RotationTypology"/>) after a login from a new device with at least
    /// <see cref="RotationPatternMinSessionEvidence"/> of session evidence. Default 5.5 (tuned).
    /// </summary>
    public double RotationPatternActionEvidence { get; set; } = 5.5;

    /// <summary>Session evidence, in nats, the rotation pattern after a login from a new device needs (<see cref="RotationPatternActionEvidence"/>). Default 0.8 (tuned).</summary>
    public double RotationPatternMinSessionEvidence { get; set; } = 0.8;

    /// <summary>Session evidence, in nats, at which a lock-out change after a risky login (contact details, notifications, MFA, withdrawal account) freezes the account at once. Default 7.0 (tuned).</summary>
    public double LockoutFreezeEvidence { get; set; } = 7.0;

    // ---- State ----

    /// <summary>Minutes an event may be older than the account's latest event and still be applied. Default 10.</summary>
    public int LateEventGraceMinutes { get; set; } = 10;

    /// <summary>Minutes an event may be dated after the host's now (<see cref="TimeProvider"/>) and still be applied. Default 1440 (a day, for clock skew between systems); a later one is refused as <see cref="DecisionStatus.TooEarly"/>.</summary>
    public int MaxFutureMinutes { get; set; } = 1440;

    /// <summary>
    /// What an order gets when it was not judged because its time is out of bounds (<see cref="DecisionStatus.TooLate"/>
    /// or <see cref="DecisionStatus.TooEarly"/>): <see cref="DecisionKind.Review"/> (default) or
    /// <see cref="DecisionKind.Allow"/>. The decision is reportable either way and carries the reason, so a late order is
    /// never a silent allow; Review because an order the detector could not judge is exactly what an attacker who
    /// controls event times would send, and a fraud team would rather look at it than never see it.
    /// </summary>
    public DecisionKind LateOrderDecision { get; set; } = DecisionKind.Review;

    /// <summary>
    /// How many of an account's newest event ids are remembered whatever their age, to ignore duplicate deliveries of
    /// an account that is seldom active. Default 16 (8–256). Ids dated within <see cref="DuplicateWindowMinutes"/> of the
    /// account's latest event are remembered too (see there).
    /// </summary>
    public int DuplicateWindow { get; set; } = 16;

    /// <summary>
    /// Minutes for which an account's event ids are remembered, measured back from the account's latest event time: a
    /// repeated id dated within them is a <see cref="DecisionStatus.Duplicate"/>, ignored and never judged twice,
    /// however many events came in between (up to <see cref="MaxDuplicateIds"/>). Default 60 (1–10080; at least
    /// <see cref="LateEventGraceMinutes"/>, so that every redelivery the late-event rule would still apply is recognised);
    /// older redeliveries are rejected as <see cref="DecisionStatus.TooLate"/> unless they are among the newest
    /// <see cref="DuplicateWindow"/> ids.
    /// </summary>
    public int DuplicateWindowMinutes { get; set; } = 60;

    /// <summary>
    /// The most event ids remembered per account, which bounds the duplicate memory of a busy account at 16 bytes per id
    /// (4 KB by default); when an account has more events within <see cref="DuplicateWindowMinutes"/>, the oldest ids are
    /// forgotten first. Default 256 (8–4096; at least <see cref="DuplicateWindow"/>).
    /// </summary>
    public int MaxDuplicateIds { get; set; } = 256;

    /// <summary>
    /// Key (at least 16 bytes; in configuration, base64) with which snapshots are signed (HMAC-SHA-256) and without which
    /// they are refused, so that a host restores only state it wrote itself. Default none: snapshots carry a SHA-256
    /// checksum, which catches corruption but not a forged snapshot. Not part of <see cref="TakeoverDetector.ConfigurationHash"/>.
    /// </summary>
    public byte[]? SnapshotKey { get; set; }

    /// <summary>
    /// Longest text, in characters, an event may carry in an id, account, device, symbol or other text field; a longer
    /// one is refused with an <see cref="ArgumentException"/> naming the field, so untrusted ids cannot grow the
    /// detector's memory. Default 256 (16–65536).
    /// </summary>
    public int MaxIdLength { get; set; } = 256;

    /// <summary>
    /// The most accounts whose state the detector keeps in memory; 0 (default) keeps every account. When a new account
    /// would exceed it, the least recently active account (by the detector's own access order) is snapshotted to the
    /// host's <see cref="IAccountStateStore"/> and dropped, and restored from there when its next event arrives, so
    /// decisions are the same as without the bound. Needs a store (the
    /// <see cref="TakeoverDetector(DetectorOptions, IInstrumentSource, TimeProvider, IAccountStateStore)"/> constructor,
    /// or an <see cref="IAccountStateStore"/> registered in the services). Range 0–100,000,000. The per-symbol
    /// convergence windows are not per account and stay in memory. Not part of
    /// <see cref="TakeoverDetector.ConfigurationHash"/>: a snapshot moves between bounded and unbounded detectors.
    /// </summary>
    public int MaxAccountsInMemory { get; set; }

    /// <summary>The largest <see cref="MaxAccountsInMemory"/>.</summary>
    internal const int MaxAccountsInMemoryLimit = 100_000_000;

    /// <summary>UTC offset, in minutes, of the customers' local time used for hour-of-day profiles. Default 540 (JST).</summary>
    public int LocalUtcOffsetMinutes { get; set; } = 540;

    // ---- Access ----

    /// <summary>Successful logins an account needs before unfamiliar device/network/country fire. Default 3 (Entra learns for ≥5 days or 10 logins; brokers have fewer logins).</summary>
    public int BaselineMinLogins { get; set; } = 3;

    /// <summary>Hours after first use before a new device, network or country becomes familiar, if no hold happened meanwhile (a device only once an order from a session it opened went through). Default 24.</summary>
    public int TrustAfterHours { get; set; } = 24;

    /// <summary>Half-life, in hours, of a risky login's weight on later events. Default 12: attackers ordered at night and again the next morning.</summary>
    public double SessionHalfLifeHours { get; set; } = 12;

    /// <summary>Hours after which a risky login no longer counts at all. Default 72.</summary>
    public int SessionHorizonHours { get; set; } = 72;

    /// <summary>
    /// Minutes after the account's last login from which an order with no new login counts as late in its session. Default 20:
    /// most customers order within minutes of logging in; a session cookie replayed from elsewhere shows no login of its own.
    /// Judged against this customer's own share of such orders.
    /// </summary>
    public int StaleSessionMinutes { get; set; } = 20;

    /// <summary>
    /// Hours after the last login beyond which an order is not in a login session at all (an automatic order the broker
    /// places, an API schedule): it neither counts as late nor adds evidence. Default 12.
    /// </summary>
    public int SessionLifetimeHours { get; set; } = 12;

    /// <summary>ISO 3166-1 alpha-2 home country of the broker's customers. Default <c>JP</c>.</summary>
    public string HomeCountry { get; set; } = "JP";

    /// <summary>Failed attempts within <see cref="FailedLoginWindowMinutes"/> before a success counts. Default 3.</summary>
    public int FailedLoginThreshold { get; set; } = 3;

    /// <summary>Window for counting failed attempts, in minutes. Default 30.</summary>
    public int FailedLoginWindowMinutes { get; set; } = 30;

    /// <summary>Days without activity after which a login is a dormant wake-up. Default 180.</summary>
    public int DormantDays { get; set; } = 180;

    // ---- Settings ----

    /// <summary>Hours a settings change keeps counting for later events. Default 72.</summary>
    public int SettingsWindowHours { get; set; } = 72;

    // ---- Trading ----

    /// <summary>A run of orders ends after this many minutes without one; sells and buys are summed over the run. Default 180.</summary>
    public int BurstGapMinutes { get; set; } = 180;

    /// <summary>Share of holdings sold (in a run, or over the last days) that counts as a liquidation. Default 0.5.</summary>
    public double LiquidationShare { get; set; } = 0.5;

    /// <summary>Share of holdings sold before a buy counts as sell-to-buy rotation. Default 0.3.</summary>
    public double RotationMinSoldShare { get; set; } = 0.3;

    /// <summary>Share of buying power used by the run's buys that counts as used up. Default 0.8 ("to the limit").</summary>
    public double BuyingPowerShare { get; set; } = 0.8;

    /// <summary>Buys (and orders) an account needs before first-in-market and size indicators fire and before unusual trading can hold alone. Default 3.</summary>
    public int BaselineMinOrders { get; set; } = 3;

    /// <summary>20-day average daily turnover, in yen, below which an instrument is thin. Default ¥100,000,000 (a small cap on TSE Standard/Growth; mid caps trade more).</summary>
    public double ThinTurnoverJpy { get; set; } = 100_000_000;

    /// <summary>Order value as a share of the average daily turnover at which any instrument counts as thin for the order. Default 0.05.</summary>
    public double ThinOrderShare { get; set; } = 0.05;

    /// <summary>Share price in yen at or below which an instrument counts as low-priced (weighed like a thin one). Default ¥200 (the 2025 targets traded at ¥40–144 and HK pennies).</summary>
    public double LowPriceJpy { get; set; } = 200;

    /// <summary>Successive buys of one symbol at rising prices that form a ladder. Default 3.</summary>
    public int LadderMinBuys { get; set; } = 3;

    /// <summary>Window of a rising-price ladder, in minutes. Default 60.</summary>
    public int LadderWindowMinutes { get; set; } = 60;

    /// <summary>Order value as a multiple of the account's largest earlier order that counts as far above history. Default 5.</summary>
    public double SizeRatio { get; set; } = 5;

    /// <summary>Share of the customer's activity at an hour (with its neighbours) below which the hour is unusual. Default 0.02.</summary>
    public double OffHoursShare { get; set; } = 0.02;

    /// <summary>Activity events an account needs before off-hours fires. Default 30.</summary>
    public int OffHoursMinEvents { get; set; } = 30;

    // ---- Cross-account ----

    /// <summary>Distinct risky accounts buying one thin symbol within the window that make a cross-account ramp. Default 3 (ten accounts in about two hours on 2025-03-17).</summary>
    public int ConvergenceMinAccounts { get; set; } = 3;

    /// <summary>Window of the cross-account ramp, in minutes. Default 120.</summary>
    public int ConvergenceWindowMinutes { get; set; } = 120;

    /// <summary>Recent risky buys remembered per symbol; bounds <see cref="ConvergenceMinAccounts"/>.</summary>
    internal const int SymbolWindowCapacity = 16;

    /// <summary>
    /// Every numeric option with its valid range: the one list that validation and the configuration hash both read.
    /// A test checks that it names every public property but <see cref="HoldSells"/>, <see cref="HomeCountry"/>,
    /// <see cref="SnapshotKey"/> and <see cref="MaxAccountsInMemory"/> (a memory budget, validated on its own and not
    /// hashed, since it changes no decision).
    /// </summary>
    internal static readonly IReadOnlyList<(string Name, Func<DetectorOptions, double> Value, double Min, double Max)> Numeric =
    [
        (nameof(ReviewThreshold), o => o.ReviewThreshold, 1, 100),
        (nameof(NonOrderReviewThreshold), o => o.NonOrderReviewThreshold, 1, 100),
        (nameof(HoldThreshold), o => o.HoldThreshold, 1, 100),
        (nameof(FreezeThreshold), o => o.FreezeThreshold, 1, 100),
        (nameof(TakeoverPriorOdds), o => o.TakeoverPriorOdds, 1e-12, 1),
        (nameof(HoldCostJpy), o => o.HoldCostJpy, 1, 1e12),
        (nameof(MissedLossShare), o => o.MissedLossShare, 0.001, 1),
        (nameof(MinSessionEvidence), o => o.MinSessionEvidence, 0, 20),
        (nameof(MinActionEvidence), o => o.MinActionEvidence, 0, 20),
        (nameof(StrongEvidence), o => o.StrongEvidence, 0, 50),
        (nameof(StrongMinSessionEvidence), o => o.StrongMinSessionEvidence, 0, 20),
        (nameof(ActionAloneEvidence), o => o.ActionAloneEvidence, 0, 50),
        (nameof(KnownCustomerBuys), o => o.KnownCustomerBuys, 0, 1000),
        (nameof(RampActionEvidence), o => o.RampActionEvidence, 0, 50),
        (nameof(RotationPatternActionEvidence), o => o.RotationPatternActionEvidence, 0, 50),
        (nameof(RotationPatternMinSessionEvidence), o => o.RotationPatternMinSessionEvidence, 0, 20),
        (nameof(LockoutFreezeEvidence), o => o.LockoutFreezeEvidence, 0, 50),
        (nameof(LateEventGraceMinutes), o => o.LateEventGraceMinutes, 0, 7 * 24 * 60),
        (nameof(MaxFutureMinutes), o => o.MaxFutureMinutes, 1, 366 * 24 * 60),
        (nameof(LateOrderDecision), o => (double)o.LateOrderDecision, (double)DecisionKind.Allow, (double)DecisionKind.Review),
        (nameof(DuplicateWindow), o => o.DuplicateWindow, 8, 256),
        (nameof(DuplicateWindowMinutes), o => o.DuplicateWindowMinutes, 1, 7 * 24 * 60),
        (nameof(MaxDuplicateIds), o => o.MaxDuplicateIds, 8, 4096),
        (nameof(MaxIdLength), o => o.MaxIdLength, 16, 65536),
        (nameof(LocalUtcOffsetMinutes), o => o.LocalUtcOffsetMinutes, -14 * 60, 14 * 60),
        (nameof(BaselineMinLogins), o => o.BaselineMinLogins, 0, 1000),
        (nameof(TrustAfterHours), o => o.TrustAfterHours, 0, 24 * 365),
        (nameof(SessionHalfLifeHours), o => o.SessionHalfLifeHours, 0.1, 24 * 30),
        (nameof(SessionHorizonHours), o => o.SessionHorizonHours, 1, 24 * 90),
        (nameof(StaleSessionMinutes), o => o.StaleSessionMinutes, 1, 7 * 24 * 60),
        (nameof(SessionLifetimeHours), o => o.SessionLifetimeHours, 1, 7 * 24),
        (nameof(FailedLoginThreshold), o => o.FailedLoginThreshold, 1, 100),
        (nameof(FailedLoginWindowMinutes), o => o.FailedLoginWindowMinutes, 1, 24 * 60),
        (nameof(DormantDays), o => o.DormantDays, 1, 3650),
        (nameof(SettingsWindowHours), o => o.SettingsWindowHours, 1, 24 * 90),
        (nameof(BurstGapMinutes), o => o.BurstGapMinutes, 1, 7 * 24 * 60),
        (nameof(LiquidationShare), o => o.LiquidationShare, 0.01, 1),
        (nameof(RotationMinSoldShare), o => o.RotationMinSoldShare, 0.01, 1),
        (nameof(BuyingPowerShare), o => o.BuyingPowerShare, 0.01, 10),
        (nameof(BaselineMinOrders), o => o.BaselineMinOrders, 0, 1000),
        (nameof(ThinTurnoverJpy), o => o.ThinTurnoverJpy, 0, 1e15),
        (nameof(ThinOrderShare), o => o.ThinOrderShare, 0.0001, 100),
        (nameof(LowPriceJpy), o => o.LowPriceJpy, 0, 1e9),
        (nameof(LadderMinBuys), o => o.LadderMinBuys, 2, 100),
        (nameof(LadderWindowMinutes), o => o.LadderWindowMinutes, 1, 24 * 60),
        (nameof(SizeRatio), o => o.SizeRatio, 1, 1e6),
        (nameof(OffHoursShare), o => o.OffHoursShare, 0, 1),
        (nameof(OffHoursMinEvents), o => o.OffHoursMinEvents, 1, 1_000_000),
        (nameof(ConvergenceMinAccounts), o => o.ConvergenceMinAccounts, 2, SymbolWindowCapacity),
        (nameof(ConvergenceWindowMinutes), o => o.ConvergenceWindowMinutes, 1, 7 * 24 * 60),
    ];

    /// <summary>The shortest <see cref="SnapshotKey"/>: 128 bits.</summary>
    internal const int MinSnapshotKeyBytes = 16;

    internal DetectorOptions Clone()
    {
        var copy = (DetectorOptions)MemberwiseClone();
        copy.SnapshotKey = SnapshotKey?.ToArray();
        return copy;
    }

    /// <summary>Adds a <c>Detection.Property: reason (was value)</c> line to <paramref name="errors"/> for every invalid value.</summary>
    internal void Validate(List<string> errors)
    {
        foreach (var (name, value, min, max) in Numeric)
        {
            var v = value(this);
            if (double.IsNaN(v) || v < min || v > max)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Detection.{name}: must be between {min} and {max} (was {v})"));
            }
        }

        if (ReviewThreshold > FreezeThreshold || HoldThreshold > FreezeThreshold)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"Detection.FreezeThreshold: must be at least ReviewThreshold and HoldThreshold (were {ReviewThreshold}, {HoldThreshold}, {FreezeThreshold})"));
        }

        if (DuplicateWindowMinutes < LateEventGraceMinutes)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"Detection.DuplicateWindowMinutes: must be at least LateEventGraceMinutes, or a redelivery the grace still applies would be judged twice (were {DuplicateWindowMinutes}, {LateEventGraceMinutes})"));
        }

        if (MaxDuplicateIds < DuplicateWindow)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"Detection.MaxDuplicateIds: must be at least DuplicateWindow, the ids that are always kept (were {MaxDuplicateIds}, {DuplicateWindow})"));
        }

        if (MaxAccountsInMemory is < 0 or > MaxAccountsInMemoryLimit)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"Detection.MaxAccountsInMemory: must be 0 (every account in memory) or between 1 and {MaxAccountsInMemoryLimit} (was {MaxAccountsInMemory})"));
        }

        if (SnapshotKey is { Length: < MinSnapshotKeyBytes })
        {
            // The key itself is never written into a message.
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Detection.SnapshotKey: must be at least {MinSnapshotKeyBytes} bytes (was {SnapshotKey.Length} bytes)"));
        }

        if (HomeCountry is not { Length: 2 } || !char.IsAsciiLetterUpper(HomeCountry[0]) || !char.IsAsciiLetterUpper(HomeCountry[1]))
        {
            errors.Add($"Detection.HomeCountry: must be an ISO 3166-1 alpha-2 code in capitals (was {HomeCountry ?? "null"})");
        }
    }

    /// <summary>
    /// A canonical text of every value; its hash is stamped into snapshots so that state built under one configuration
    /// is not silently restored under another.
    /// </summary>
    internal string Canonical()
    {
        var text = new StringBuilder();
        foreach (var (name, value, _, _) in Numeric)
        {
            text.Append(name).Append('=').Append(value(this).ToString("R", CultureInfo.InvariantCulture)).Append(';');
        }

        text.Append(nameof(HoldSells)).Append('=').Append(HoldSells ? '1' : '0').Append(';');
        text.Append(nameof(HomeCountry)).Append('=').Append(HomeCountry);
        return text.ToString();
    }
}
