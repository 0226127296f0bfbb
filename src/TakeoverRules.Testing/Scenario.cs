using TakeoverRules.Detection;

namespace TakeoverRules.Testing;

/// <summary>
/// A built scenario: every account's events in time order, each labelled as history or timeline and as the owner's or the
/// attacker's, plus the instrument reference data the events trade. Build one with <see cref="Create"/>.
/// </summary>
/// <remarks>Immutable and thread-safe; evaluating it twice gives the same result.</remarks>
public sealed class Scenario
{
    /// <summary>The default start of a scenario's timeline: Wednesday 2025-03-19 10:00 JST, in trading hours.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2025, 3, 19, 10, 0, 0, TimeSpan.FromHours(9));

    internal Scenario(DateTimeOffset start, IReadOnlyList<ScenarioEvent> events, IReadOnlyList<Instrument> instruments, IReadOnlyList<ScenarioAccount> accounts)
    {
        Start = start;
        Events = events;
        Instruments = instruments;
        Accounts = accounts;
    }

    /// <summary>Starts a scenario whose virtual clock begins at <paramref name="start"/> (default <see cref="DefaultStart"/>).</summary>
    /// <param name="start">Time of the first timeline event; generated histories end before it.</param>
    /// <param name="seed">Seed of every random choice the builder makes (histories, price steps), so a scenario is reproducible.</param>
    /// <returns>A builder.</returns>
    public static ScenarioBuilder Create(DateTimeOffset? start = null, int seed = 1) => new(start ?? DefaultStart, seed);

    /// <summary>When the timeline starts.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Every event in time order (ties keep the order they were written in).</summary>
    public IReadOnlyList<ScenarioEvent> Events { get; }

    /// <summary>Reference data of every instrument the events trade.</summary>
    public IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>The accounts, in the order they were introduced.</summary>
    public IReadOnlyList<ScenarioAccount> Accounts { get; }
}

/// <summary>One event of a <see cref="Scenario"/> with its ground truth.</summary>
/// <param name="Event">The event as the detector receives it.</param>
/// <param name="IsHistory">Whether the event belongs to the generated history before the timeline (baseline learning).</param>
/// <param name="IsFraudulent">Whether the attacker, not the owner, caused the event (see <see cref="ScenarioBuilder.ByAttacker"/>).</param>
public sealed record ScenarioEvent(AccountEvent Event, bool IsHistory, bool IsFraudulent);

/// <summary>An account of a <see cref="Scenario"/>.</summary>
/// <param name="Id">Account id.</param>
/// <param name="Profile">The customer's usual behaviour the history was generated from.</param>
/// <param name="IsAttacked">Whether any of its events were caused by an attacker.</param>
/// <param name="Tag">A free label, e.g. the attack variant or honest look-alike it stands for; empty when not set.</param>
public sealed record ScenarioAccount(string Id, CustomerProfile Profile, bool IsAttacked, string Tag);
