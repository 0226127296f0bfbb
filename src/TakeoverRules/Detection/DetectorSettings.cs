namespace TakeoverRules.Detection;

/// <summary>
/// The validated options as the rules use them: durations in ticks and the session arithmetic every family shares.
/// Immutable; one per detector.
/// </summary>
internal sealed class DetectorSettings
{
    public DetectorSettings(DetectorOptions options)
    {
        Options = options;
        Grace = TimeSpan.TicksPerMinute * options.LateEventGraceMinutes;
        DuplicateWindow = TimeSpan.TicksPerMinute * options.DuplicateWindowMinutes;
        Trust = TimeSpan.TicksPerHour * options.TrustAfterHours;
        Horizon = TimeSpan.TicksPerHour * options.SessionHorizonHours;
        FailWindow = TimeSpan.TicksPerMinute * options.FailedLoginWindowMinutes;
        Dormant = TimeSpan.TicksPerDay * options.DormantDays;
        SettingsWindow = TimeSpan.TicksPerHour * options.SettingsWindowHours;
        BurstGap = TimeSpan.TicksPerMinute * options.BurstGapMinutes;
        LadderWindow = TimeSpan.TicksPerMinute * options.LadderWindowMinutes;
        ConvergenceWindow = TimeSpan.TicksPerMinute * options.ConvergenceWindowMinutes;
        LocalOffset = TimeSpan.TicksPerMinute * options.LocalUtcOffsetMinutes;
        HalfLife = TimeSpan.TicksPerHour * options.SessionHalfLifeHours;
        StaleSession = TimeSpan.TicksPerMinute * options.StaleSessionMinutes;
        SessionLifetime = TimeSpan.TicksPerHour * options.SessionLifetimeHours;
    }

    public DetectorOptions Options { get; }

    public long Grace { get; }

    public long DuplicateWindow { get; }

    public long Trust { get; }

    public long Horizon { get; }

    public long FailWindow { get; }

    public long Dormant { get; }

    public long SettingsWindow { get; }

    public long BurstGap { get; }

    public long LadderWindow { get; }

    public long ConvergenceWindow { get; }

    public long LocalOffset { get; }

    public double HalfLife { get; }

    public long StaleSession { get; }

    public long SessionLifetime { get; }

    /// <summary>How strongly the account's risky login still colours an event at <paramref name="t"/>: 1 at the login, halving every half-life, 0 past the horizon.</summary>
    public double SessionFactor(AccountState st, long t)
    {
        if (st.Risk.Flags == AccessFlags.None)
        {
            return 0;
        }

        var age = Math.Max(0, t - st.Risk.Time);
        return age > Horizon ? 0 : Math.Pow(0.5, age / HalfLife);
    }

    public bool SettingActive(AccountState st, int slot, long t) =>
        st.SettingTime[slot] != 0 && t - st.SettingTime[slot] <= SettingsWindow && t >= st.SettingTime[slot] - Grace;

    /// <summary>Whether a security-relevant setting (not a password or PIN change) changed within the settings window.</summary>
    public bool AnySettingActive(AccountState st, long t)
    {
        for (var slot = 0; slot < SettingSlot.Count; slot++)
        {
            if (slot != SettingSlot.Credential && SettingActive(st, slot, t))
            {
                return true;
            }
        }

        return false;
    }

    public int LocalHour(long utcTicks) => (int)(((utcTicks + LocalOffset) / TimeSpan.TicksPerHour % 24 + 24) % 24);

    public static double Minutes(long ticks) => Math.Round(Math.Max(0, ticks) / (double)TimeSpan.TicksPerMinute, 1);

    public static ReadOnlySpan<char> MarketOf(string symbol)
    {
        var colon = symbol.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? symbol.AsSpan(0, colon) : [];
    }
}
