namespace TakeoverRules.Detection;

/// <summary>
/// The detector's evidence model: how likely each trait is in a takeover, how common it is in the population before the
/// detector knows a customer, and how a customer's own counts move that towards their habit. Evidence is a log-likelihood
/// ratio in nats, ln(P(trait | takeover) / P(trait | this customer)); <see cref="Points"/> shows it as risk points (10 per nat).
/// </summary>
/// <remarks>
/// The takeover likelihoods describe the 2025 playbook (new device, often a hosting or foreign address, settings changed,
/// holdings sold, thin or low-priced names bought with most of the buying power; see docs/detection.md). The population
/// rates are deliberately generous, so a customer the detector has barely met is judged mildly; each customer's own counts
/// replace them as they accumulate (Beta-Binomial shrinkage with <see cref="ProfileStrength"/> pseudo-events).
/// </remarks>
internal static class EvidenceModel
{
    /// <summary>Pseudo-events of the population rate in every customer rate.</summary>
    public const double ProfileStrength = 8;

    /// <summary>Logins (or buys) after which novelty counts in full; fewer weigh it by n / (n + this).</summary>
    public const double ConfidenceEvents = 10;

    /// <summary>No single trait contributes more than this (nats), so one noisy feature never decides alone.</summary>
    public const double MaxTerm = 3.5;

    // P(trait | takeover) and the population rate P(trait | a customer the detector does not know yet), per login.
    public const double AttackNewDevice = 0.9, PopulationNewDevice = 0.06;
    public const double AttackNewAsn = 0.7, PopulationNewAsn = 0.08;
    public const double AttackNewBlock = 0.9, PopulationNewBlock = 0.3;
    public const double AttackAbroad = 0.4, PopulationAbroad = 0.02;
    public const double AttackHosting = 0.5, PopulationHosting = 0.03;

    // Per judged order after a login: placed long after it, with no new login (a replayed session cookie).
    public const double AttackStaleSession = 0.5, PopulationStaleSession = 0.05;

    // Per judged buy.
    public const double AttackThin = 0.9, PopulationThin = 0.08;
    public const double AttackHighUse = 0.8, PopulationHighUse = 0.15;
    public const double AttackRotation = 0.7, PopulationRotation = 0.06;
    public const double AttackMargin = 0.3, PopulationMargin = 0.04;

    /// <summary>Fixed evidence (nats) of traits that are not rates of the customer's own.</summary>
    public const double FailedThenSuccess = 1.0, Dormant = 1.0, PhishingResistantFactor = 0.3,
        ContactChanged = 1.8, NotificationsDisabled = 2.3, MfaWeakened = 2.5, WithdrawalAccountChanged = 2.3,
        CredentialChanged = 0.4, NewTradingPrivilege = 1.4, WithdrawalNewDestination = 2.5, WithdrawalKnownDestination = 0.8,
        LiquidationExtra = 0.6, ToTheLimitExtra = 0.5, SplitPerExtraName = 0.8, SplitMax = 2.4, Ladder = 0.7,
        SizeAboveHistory = 0.8, OffHours = 0.4, CrossAccountRamp = 2.0, FirstMarket = 1.0;

    /// <summary>The customer's shrunk rate of a trait seen <paramref name="count"/> times in <paramref name="total"/> events.</summary>
    public static double Rate(float count, float total, double population) =>
        (count + ProfileStrength * population) / (total + ProfileStrength);

    /// <summary>Evidence that a trait present now points to a takeover, against this customer's rate; clipped to [0, <see cref="MaxTerm"/>].</summary>
    public static double Llr(double attack, double customerRate) =>
        Math.Clamp(Math.Log(attack / Math.Max(customerRate, 1e-6)), 0, MaxTerm);

    /// <summary>How much the detector knows from <paramref name="events"/> events: n / (n + <see cref="ConfidenceEvents"/>).</summary>
    public static double Confidence(float events) => events / (events + ConfidenceEvents);

    /// <summary>Evidence (nats) above which a trait counts as unlike this customer: e^1 ≈ 2.7 times likelier in a takeover than in their habit.</summary>
    public const double UnlikeCustomer = 1.0;

    /// <summary>Evidence shown as risk points.</summary>
    public static int Points(double nats) => (int)Math.Round(nats * 10);
}
