namespace TakeoverRules.Detection;

/// <summary>What every rule family sees while one event is judged: the account, the event time, the settings and where the findings go.</summary>
internal readonly ref struct DetectionContext(AccountState state, long time, DetectorSettings settings, CandidateBuffer found)
{
    public AccountState State { get; } = state;

    /// <summary>The event time in UTC ticks.</summary>
    public long Time { get; } = time;

    public DetectorSettings Settings { get; } = settings;

    public DetectorOptions Options => Settings.Options;

    public CandidateBuffer Found { get; } = found;
}
