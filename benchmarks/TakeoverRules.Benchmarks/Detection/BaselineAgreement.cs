using System.Globalization;
using TakeoverRules.Detection;

namespace TakeoverRules.Benchmarks.Detection;

/// <summary>
/// Keeps the engine comparison honest: before the benchmarks time anything, the RulesEngine and NRules versions of the
/// rule set are run side by side over the benchmark's own stream and must fire the same indicator rules, with the same
/// risk and decision, on every event.
/// </summary>
internal static class BaselineAgreement
{
    /// <summary>Throws on the first event where the two engines disagree; returns a one-line summary otherwise.</summary>
    public static string Require(IInstrumentSource instruments, IReadOnlyList<AccountEvent> events)
    {
        var rulesEngine = new RulesEngineBaseline(instruments);
        var nrules = new NRulesBaseline(instruments);
        var detector = new TakeoverDetector(new DetectorOptions(), instruments);
        int fired = 0, held = 0, orders = 0, sameAsDetector = 0;
        foreach (var e in events)
        {
            var expected = rulesEngine.Evaluate(e, out var expectedRules);
            var expectedNames = expectedRules?.ToHashSet(StringComparer.Ordinal) ?? [];
            var actual = nrules.Evaluate(e, out var actualRules);
            if (actual.Kind != expected.Kind || actual.Risk != expected.Risk || !expectedNames.SetEquals(actualRules ?? []))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"event {e.Id} ({e.Account}): RulesEngine decided {expected.Kind} at risk {expected.Risk} [{string.Join(", ", expectedNames)}], NRules {actual.Kind} at {actual.Risk} [{string.Join(", ", actualRules ?? [])}]"));
            }

            fired += expectedNames.Count;
            held += expected.Kind >= DecisionKind.Hold ? 1 : 0;
            var ours = detector.Evaluate(e);
            if (e is OrderEvent)
            {
                orders++;
                sameAsDetector += ours.Kind == expected.Kind ? 1 : 0;
            }
        }

        // A stream on which nothing fires or nothing is held would make the agreement above say nothing.
        if (fired == 0 || held == 0)
        {
            throw new InvalidOperationException($"the stream fired {fired} rules and held {held} events: too quiet to compare the engines");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"RulesEngine and NRules agree on all {events.Count:N0} events ({fired:N0} rule firings, {held:N0} hold/freeze); TakeoverDetector reaches the same decision on {sameAsDetector:N0} of {orders:N0} orders");
    }
}
