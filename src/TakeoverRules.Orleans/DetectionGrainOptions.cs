namespace TakeoverRules.Orleans;

/// <summary>
/// How the detection grains keep their state. A plain mutable options class, validated once by
/// <see cref="TakeoverRulesSiloBuilderExtensions.AddTakeoverRules"/>; not thread-safe while being changed.
/// </summary>
public sealed class DetectionGrainOptions
{
    /// <summary>The name of the default grain storage provider, <c>TakeoverRules</c>.</summary>
    public const string DefaultStorageName = "TakeoverRules";

    /// <summary>
    /// Name of the grain storage provider (<c>AddMemoryGrainStorage</c>, <c>AddAdoNetGrainStorage</c>, …) that holds
    /// the account and symbol state. Default <see cref="DefaultStorageName"/>.
    /// </summary>
    public string StorageName { get; set; } = DefaultStorageName;

    /// <summary>
    /// Write-behind bound: the most evaluated events per account whose effect on the account's state may not be in
    /// storage yet when their decision returns. 0 writes the state before every decision returns; the default, 8,
    /// starts the write after every 8th evaluated event without holding up that decision, and the account's next call
    /// waits for the write to finish before its event is applied (the state is also written when the grain deactivates). When a silo dies, each of its accounts
    /// loses at most this many events, and the host replays them (see <c>docs/hosting.md</c>). Must stay below the
    /// detector's <c>DuplicateWindow</c> (default 16) so that the replayed events already applied are recognised as
    /// duplicates. Range 0–255. Symbol windows are written on every change (risky buys are rare).
    /// </summary>
    public int MaxUnpersistedEvents { get; set; } = 8;

    /// <summary>
    /// What an account grain does with stored state taken under another detector configuration (a different
    /// <c>ConfigurationHash</c>). Default <see cref="ForeignConfigurationPolicy.Refuse"/>.
    /// </summary>
    public ForeignConfigurationPolicy ForeignConfiguration { get; set; } = ForeignConfigurationPolicy.Refuse;

    internal List<string> Validate(int duplicateWindow)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(StorageName))
        {
            errors.Add("Orleans: StorageName must name a grain storage provider");
        }

        if (MaxUnpersistedEvents is < 0 or > 255)
        {
            errors.Add($"Orleans: MaxUnpersistedEvents must be within 0–255 (is {MaxUnpersistedEvents})");
        }
        else if (MaxUnpersistedEvents >= duplicateWindow)
        {
            errors.Add($"Orleans: MaxUnpersistedEvents ({MaxUnpersistedEvents}) must be below Detection.DuplicateWindow ({duplicateWindow}), or a replayed event could be applied twice");
        }

        if (!Enum.IsDefined(ForeignConfiguration))
        {
            errors.Add($"Orleans: ForeignConfiguration {(int)ForeignConfiguration} is not a policy");
        }

        return errors;
    }
}

/// <summary>What a grain does with stored state taken under another detector configuration.</summary>
public enum ForeignConfigurationPolicy
{
    /// <summary>
    /// Refuse it: activating the grain fails with a <see cref="Detection.DetectorSnapshotException"/> that names both
    /// configurations, and every call to the account fails until the host replays its events or changes the policy.
    /// </summary>
    Refuse,

    /// <summary>
    /// Discard it and learn the account afresh from the host's <see cref="IAccountHistory"/> (which must be registered);
    /// a symbol window starts empty.
    /// </summary>
    Relearn,
}
