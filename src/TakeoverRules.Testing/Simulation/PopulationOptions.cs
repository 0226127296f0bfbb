namespace TakeoverRules.Testing.Simulation;

/// <summary>Size, seed, calendar and mix of a synthetic brokerage population made by <see cref="PopulationGenerator"/>.</summary>
/// <remarks>A plain mutable options class; <see cref="PopulationGenerator.Generate"/> validates it. Not thread-safe while being changed.</remarks>
public sealed class PopulationOptions
{
    /// <summary>Seed of every random choice; the same options give the same population, event for event. Default: 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Accounts in the population, honest and attacked (accounts opened during the period included). Default: 10,000.</summary>
    public int Accounts { get; set; } = 10_000;

    /// <summary>Share of <see cref="Accounts"/> that are taken over during the evaluated period, 0–0.5. Default: 0.018 (1.8 %).</summary>
    public double AttackShare { get; set; } = 0.018;

    /// <summary>First day of the evaluated period (its date in JST is used; the period starts at 00:00 JST). Default: Monday 2025-02-03.</summary>
    public DateTimeOffset FirstDay { get; set; } = new(2025, 2, 3, 0, 0, 0, TimeSpan.FromHours(9));

    /// <summary>Days in the evaluated period (the timeline; every event of it is judged), 1–366. Default: 90.</summary>
    public int Days { get; set; } = 90;

    /// <summary>
    /// Days of warm history before <see cref="FirstDay"/>, 0–730: the same customers living their ordinary lives, emitted as
    /// history (<see cref="ScenarioEvent.IsHistory"/>, <see cref="Population.History"/>) so a host can learn from it before
    /// the judged period. No attack happens in it. 0 is a cold start: every account begins with a portfolio snapshot at the
    /// start of the period and no earlier events. Default: 0.
    /// </summary>
    public int WarmDays { get; set; }

    /// <summary>
    /// Whether deliveries are as noisy as a broker's feed: 0.2 % of events arrive after a later event (by at most 30 s of event
    /// time), 0.1 % are delivered twice (same id, 1 s–5 min later), 1 % carry their time in UTC instead of +09:00, 2 % of orders
    /// lack <c>buyingPowerJpy</c>, 2 % of logins lack country and ASN and 10 % lack <c>hosting</c>. Default: <see langword="true"/>.
    /// </summary>
    public bool DeliveryNoise { get; set; } = true;

    /// <summary>Weight of each attack variant (by <see cref="PopulationGenerator.AttackVariants"/> name); missing names weigh 0. Default: the generator's mix.</summary>
    public IDictionary<string, double> AttackMix { get; } = new Dictionary<string, double>(PopulationGenerator.DefaultAttackMix, StringComparer.Ordinal);

    /// <summary>
    /// Probability that an account shows each behaviour (by <see cref="PopulationGenerator.HonestBehaviours"/> name), 0–1,
    /// drawn independently per account, so an account may show several and some show none. Missing names are 0.
    /// Default: the generator's rates.
    /// </summary>
    public IDictionary<string, double> BehaviourRates { get; } = new Dictionary<string, double>(PopulationGenerator.DefaultBehaviourRates, StringComparer.Ordinal);

    internal void Validate()
    {
        var errors = new List<string>();
        if (Accounts is < 0 or > 1_000_000)
        {
            errors.Add($"Accounts: must be 0–1,000,000 (was {Accounts})");
        }

        if (AttackShare is < 0 or > 0.5 || double.IsNaN(AttackShare))
        {
            errors.Add($"AttackShare: must be 0–0.5 (was {AttackShare})");
        }

        if (Days is < 1 or > 366)
        {
            errors.Add($"Days: must be 1–366 (was {Days})");
        }

        if (WarmDays is < 0 or > 730)
        {
            errors.Add($"WarmDays: must be 0–730 (was {WarmDays})");
        }

        foreach (var (name, weight) in AttackMix)
        {
            if (!PopulationGenerator.AttackVariants.Contains(name) || weight < 0 || double.IsNaN(weight))
            {
                errors.Add($"AttackMix: '{name}' must be a known variant with a weight ≥ 0 (was {weight})");
            }
        }

        foreach (var (name, rate) in BehaviourRates)
        {
            if (!PopulationGenerator.HonestBehaviours.Contains(name) || rate is < 0 or > 1 || double.IsNaN(rate))
            {
                errors.Add($"BehaviourRates: '{name}' must be a known behaviour with a rate of 0–1 (was {rate})");
            }
        }

        if (AttackShare > 0 && Accounts > 0 && AttackMix.Values.Sum() <= 0)
        {
            errors.Add("AttackMix: needs a positive weight when there are attacked accounts");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid population options: " + string.Join("; ", errors));
        }
    }
}
