namespace TakeoverRules.Testing.Simulation;

/// <summary>Size, seed and calendar of a synthetic population made by <see cref="PopulationGenerator"/>.</summary>
/// <remarks>A plain mutable options class; <see cref="PopulationGenerator.Generate"/> validates it. Not thread-safe while being changed.</remarks>
public sealed class PopulationOptions
{
    /// <summary>Seed of every random choice; the same options give the same population. Default: 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Honest accounts, including the look-alikes. Default: 10,000.</summary>
    public int HonestAccounts { get; set; } = 10_000;

    /// <summary>Attacked accounts, including those in multi-account ramps. Default: 400.</summary>
    public int AttackedAccounts { get; set; } = 400;

    /// <summary>First day of the evaluated period (its date in JST is used). Default: Monday 2025-03-17.</summary>
    public DateTimeOffset FirstDay { get; set; } = new(2025, 3, 17, 0, 0, 0, TimeSpan.FromHours(9));

    /// <summary>Number of days in the evaluated period; every account's timeline starts on one of them. Default: 5.</summary>
    public int Days { get; set; } = 5;

    /// <summary>Weight of each attack variant (by <see cref="PopulationGenerator.AttackVariants"/> name); missing names weigh 0. Default: the generator's mix.</summary>
    public IDictionary<string, double> AttackMix { get; } = new Dictionary<string, double>(PopulationGenerator.DefaultAttackMix, StringComparer.Ordinal);

    /// <summary>Weight of each honest behaviour (by <see cref="PopulationGenerator.HonestBehaviours"/> name); missing names weigh 0. Default: the generator's mix.</summary>
    public IDictionary<string, double> HonestMix { get; } = new Dictionary<string, double>(PopulationGenerator.DefaultHonestMix, StringComparer.Ordinal);

    internal void Validate()
    {
        var errors = new List<string>();
        if (HonestAccounts is < 0 or > 1_000_000)
        {
            errors.Add($"HonestAccounts: must be 0–1,000,000 (was {HonestAccounts})");
        }

        if (AttackedAccounts is < 0 or > 100_000)
        {
            errors.Add($"AttackedAccounts: must be 0–100,000 (was {AttackedAccounts})");
        }

        if (Days is < 1 or > 60)
        {
            errors.Add($"Days: must be 1–60 (was {Days})");
        }

        foreach (var (name, weight) in AttackMix)
        {
            if (!PopulationGenerator.AttackVariants.Contains(name) || weight < 0 || double.IsNaN(weight))
            {
                errors.Add($"AttackMix: '{name}' must be a known variant with a weight ≥ 0 (was {weight})");
            }
        }

        foreach (var (name, weight) in HonestMix)
        {
            if (!PopulationGenerator.HonestBehaviours.Contains(name) || weight < 0 || double.IsNaN(weight))
            {
                errors.Add($"HonestMix: '{name}' must be a known behaviour with a weight ≥ 0 (was {weight})");
            }
        }

        if (AttackedAccounts > 0 && AttackMix.Values.Sum() <= 0)
        {
            errors.Add("AttackMix: needs a positive weight when there are attacked accounts");
        }

        if (HonestAccounts > 0 && HonestMix.Values.Sum() <= 0)
        {
            errors.Add("HonestMix: needs a positive weight when there are honest accounts");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid population options: " + string.Join("; ", errors));
        }
    }
}
