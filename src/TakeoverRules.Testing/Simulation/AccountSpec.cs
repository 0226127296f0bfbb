namespace TakeoverRules.Testing.Simulation;

/// <summary>What the generation decided for one account before writing its events.</summary>
internal sealed class AccountSpec
{
    public required string Id { get; init; }

    public required int Seed { get; init; }

    public required HashSet<string> Behaviours { get; init; }

    /// <summary>Shared home (PC fingerprint and home network) of a household's two accounts; 0 for none.</summary>
    public int Household { get; set; }

    public string? Variant { get; set; }

    public string? Style { get; set; }

    public WaveSpec? Wave { get; set; }

    /// <summary>When the attack starts (the wave slot for wave members).</summary>
    public DateTimeOffset AttackTime { get; set; }
}
