namespace TakeoverRules.Response;

/// <summary>A step marked done.</summary>
/// <param name="StepId">The step's id.</param>
/// <param name="At">When it was done, if known.</param>
public sealed record StepDone(string StepId, DateTimeOffset? At);

/// <summary>An evidence item kept or a value written down (such as the police receipt number).</summary>
/// <param name="ItemId">The evidence item's id.</param>
/// <param name="Value">The value written down, for items that record one; otherwise null.</param>
/// <param name="At">When it was recorded, if known.</param>
public sealed record RecordedItem(string ItemId, string? Value, DateTimeOffset? At);

/// <summary>One entry of the call log: who was called, when, who answered and what was said.</summary>
/// <param name="At">When the call took place.</param>
/// <param name="Organisation">Who was called (the broker, the police station, FINMAC…).</param>
/// <param name="Person">Who answered, as they gave their name or department.</param>
/// <param name="Summary">What was said and agreed, including any reference number.</param>
public sealed record CallRecord(DateTimeOffset At, string Organisation, string Person, string Summary);

/// <summary>
/// What a victim has done so far for one incident: the state a bot keeps between messages and stores as JSON
/// (<see cref="ResponseTracker.ToJson"/> / <see cref="ResponseTracker.FromJson"/>).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ResponseProgress
{
    /// <summary>The version of this JSON shape; 1.</summary>
    public int Version { get; init; } = ResponseTracker.CurrentVersion;

    /// <summary>The incident, from which the plan is rebuilt when a conversation resumes.</summary>
    public required IncidentContext Context { get; init; }

    /// <summary>The steps marked done, in the order they were marked.</summary>
    public IReadOnlyList<StepDone> Done { get; init; } = [];

    /// <summary>The evidence items kept and values written down.</summary>
    public IReadOnlyList<RecordedItem> Items { get; init; } = [];

    /// <summary>The call log, oldest first.</summary>
    public IReadOnlyList<CallRecord> Calls { get; init; } = [];
}
