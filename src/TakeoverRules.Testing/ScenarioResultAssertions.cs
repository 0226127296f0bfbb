using System.Runtime.CompilerServices;
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;
using TakeoverRules.Detection;

namespace TakeoverRules.Testing;

/// <summary>Entry points of the kit's FluentAssertions extensions.</summary>
public static class TakeoverAssertionExtensions
{
    /// <summary>Starts assertions on what the detector decided in a scenario.</summary>
    /// <param name="result">The evaluated scenario.</param>
    /// <returns>The assertions.</returns>
    public static ScenarioResultAssertions Should(this ScenarioResult result) => new(result);
}

/// <summary>
/// Assertions that read like the requirement: <c>result.Should().HoldOrder("buy-1")</c>, <c>.NotHoldAnyOrder()</c>,
/// <c>.Flag(IndicatorId.LiquidationBurst).WithEvidence("sell-1", "sell-2")</c>, <c>.FreezeAccountBefore("buy-1")</c>,
/// <c>.HaveRiskAtLeast("buy-1", 55)</c>. A failure message ends with the scenario's timeline (<see cref="TimelineText"/>):
/// every event with its decision, risk and indicators.
/// </summary>
public sealed class ScenarioResultAssertions : ReferenceTypeAssertions<ScenarioResult, ScenarioResultAssertions>
{
    internal ScenarioResultAssertions(ScenarioResult subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "result";

    /// <summary>Asserts that the order was stopped before execution: its decision is <see cref="DecisionKind.Hold"/> or <see cref="DecisionKind.Freeze"/>.</summary>
    /// <param name="orderId">The order (event) id, e.g. <c>buy-1</c>.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<ScenarioResultAssertions> HoldOrder(string orderId, string because = "", params object[] becauseArgs)
    {
        var e = Order(orderId, because, becauseArgs);
        if (e is not null)
        {
            Fail(e.IsStopped, because, becauseArgs, $"Expected {{context:result}} to hold order \"{orderId}\"{{reason}}, but it was {Verdict(e)}.");
        }

        return new(this);
    }

    /// <summary>Asserts that the order was not stopped: its decision is <see cref="DecisionKind.Allow"/> or <see cref="DecisionKind.Review"/>.</summary>
    /// <param name="orderId">The order (event) id.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<ScenarioResultAssertions> AllowOrder(string orderId, string because = "", params object[] becauseArgs)
    {
        var e = Order(orderId, because, becauseArgs);
        if (e is not null)
        {
            Fail(e.Decision is { Status: DecisionStatus.Evaluated } && !e.IsStopped, because, becauseArgs,
                $"Expected {{context:result}} to allow order \"{orderId}\"{{reason}}, but it was {Verdict(e)}.");
        }

        return new(this);
    }

    /// <summary>Asserts that the event's decision is exactly <paramref name="kind"/>.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="kind">The expected decision.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<ScenarioResultAssertions> Decide(string eventId, DecisionKind kind, string because = "", params object[] becauseArgs)
    {
        var e = Find(eventId, because, becauseArgs);
        if (e is not null)
        {
            Fail(e.Decision is { Status: DecisionStatus.Evaluated } d && d.Kind == kind, because, becauseArgs,
                $"Expected {{context:result}} to decide {kind} on \"{eventId}\"{{reason}}, but it was {Verdict(e)}.");
        }

        return new(this);
    }

    /// <summary>
    /// Asserts that no order of the timeline was held or frozen. The generated history is the detector's learning period
    /// and is not asserted on (its non-allow decisions still show in the failure message and in <see cref="TimelineText"/>).
    /// </summary>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<ScenarioResultAssertions> NotHoldAnyOrder(string because = "", params object[] becauseArgs)
    {
        var stopped = Subject.Events.Where(e => !e.IsHistory && e.Event is OrderEvent && e.IsStopped).Select(e => e.Event.Id).ToList();
        Fail(stopped.Count == 0, because, becauseArgs,
            $"Expected {{context:result}} not to hold any order{{reason}}, but it stopped {Quote(stopped)}.");
        return new(this);
    }

    /// <summary>Asserts that no timeline event of any account was decided <see cref="DecisionKind.Freeze"/> (history is not asserted on).</summary>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<ScenarioResultAssertions> NotFreezeAnyAccount(string because = "", params object[] becauseArgs)
    {
        var frozen = Subject.Events.Where(e => !e.IsHistory && e.Decision is { Kind: DecisionKind.Freeze, Status: DecisionStatus.Evaluated }).Select(e => e.Event.Id).ToList();
        Fail(frozen.Count == 0, because, becauseArgs,
            $"Expected {{context:result}} not to freeze any account{{reason}}, but it froze on {Quote(frozen)}.");
        return new(this);
    }

    /// <summary>Asserts that the order's account was frozen on an event up to and including the order, so it could not execute.</summary>
    /// <param name="orderId">The order (event) id.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<ScenarioResultAssertions> FreezeAccountBefore(string orderId, string because = "", params object[] becauseArgs)
    {
        var e = Order(orderId, because, becauseArgs);
        if (e is not null)
        {
            var index = Subject.IndexOf(orderId);
            var freeze = Subject.Events.Take(index + 1)
                .FirstOrDefault(x => x.Event.Account == e.Event.Account && x.Decision is { Kind: DecisionKind.Freeze, Status: DecisionStatus.Evaluated });
            Fail(freeze is not null, because, becauseArgs,
                $"Expected {{context:result}} to freeze account \"{e.Event.Account}\" before order \"{orderId}\"{{reason}}, but no event up to it was frozen (the order was {Verdict(e)}).");
        }

        return new(this);
    }

    /// <summary>Asserts that the event's risk is at least <paramref name="risk"/>.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="risk">The minimum risk, 0–100.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<ScenarioResultAssertions> HaveRiskAtLeast(string eventId, int risk, string because = "", params object[] becauseArgs)
    {
        var e = Find(eventId, because, becauseArgs);
        if (e is not null)
        {
            Fail(e.Decision is { } d && d.Risk >= risk, because, becauseArgs,
                $"Expected {{context:result}} to give \"{eventId}\" a risk of at least {risk}{{reason}}, but it was {Verdict(e)}.");
        }

        return new(this);
    }

    /// <summary>Asserts that the event's risk is at most <paramref name="risk"/>.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="risk">The maximum risk, 0–100.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<ScenarioResultAssertions> HaveRiskAtMost(string eventId, int risk, string because = "", params object[] becauseArgs)
    {
        var e = Find(eventId, because, becauseArgs);
        if (e is not null)
        {
            Fail(e.Decision is { } d && d.Risk <= risk, because, becauseArgs,
                $"Expected {{context:result}} to give \"{eventId}\" a risk of at most {risk}{{reason}}, but it was {Verdict(e)}.");
        }

        return new(this);
    }

    /// <summary>Asserts that every account's first fraudulent buy order was held or frozen (the prevention criterion).</summary>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<ScenarioResultAssertions> HoldFirstFraudulentBuy(string because = "", params object[] becauseArgs)
    {
        var firstBuys = Subject.Events.Where(e => e.IsFraudulent && e.IsBuy).GroupBy(e => e.Event.Account).Select(g => g.First()).ToList();
        var missed = firstBuys.Where(e => !e.IsStopped).Select(e => e.Event.Id).ToList();
        Fail(firstBuys.Count > 0 && missed.Count == 0, because, becauseArgs, firstBuys.Count == 0
            ? "Expected {context:result} to hold the first fraudulent buy{reason}, but the scenario has no fraudulent buy."
            : $"Expected {{context:result}} to hold every account's first fraudulent buy{{reason}}, but it let {Quote(missed)} through.");
        return new(this);
    }

    /// <summary>Asserts that the indicator fired on some event; chain <see cref="IndicatorAssertions.On"/> or <see cref="IndicatorAssertions.WithEvidence"/> to narrow it.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>Assertions on the hits of that indicator.</returns>
    [CustomAssertion]
    public IndicatorAssertions Flag(IndicatorId indicator, string because = "", params object[] becauseArgs)
    {
        var hits = Hits(indicator);
        Fail(hits.Count > 0, because, becauseArgs, $"Expected {{context:result}} to flag {indicator}{{reason}}, but no decision cites it.");
        return new IndicatorAssertions(this, indicator, hits);
    }

    /// <summary>Asserts that the indicator fired on no event.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<ScenarioResultAssertions> NotFlag(IndicatorId indicator, string because = "", params object[] becauseArgs)
    {
        var hits = Hits(indicator);
        Fail(hits.Count == 0, because, becauseArgs,
            $"Expected {{context:result}} not to flag {indicator}{{reason}}, but it did on {Quote(hits.Select(h => h.EventId).Distinct().ToList())}.");
        return new(this);
    }

    /// <summary>
    /// Asserts that the rendered timeline (<see cref="TimelineText"/>) equals the golden file <c>Golden/NAME.txt</c> next to
    /// the calling test's source file. Run the tests with <c>UPDATE_GOLDEN=1</c> to write or rewrite it (see <see cref="GoldenFile"/>).
    /// </summary>
    /// <param name="name">File name without extension (may include sub-folders).</param>
    /// <param name="includeHistory">Whether to render every history event.</param>
    /// <param name="callerFilePath">Supplied by the compiler: the calling test's source file.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<ScenarioResultAssertions> MatchGoldenText(string name, bool includeHistory = false, [CallerFilePath] string callerFilePath = "") =>
        MatchGolden(name, ".txt", TimelineText.Render(Subject, includeHistory), callerFilePath);

    /// <summary>
    /// Asserts that the rendered decisions (<see cref="TimelineJson"/>) equal the golden file <c>Golden/NAME.json</c> next to
    /// the calling test's source file. Run the tests with <c>UPDATE_GOLDEN=1</c> to write or rewrite it.
    /// </summary>
    /// <param name="name">File name without extension (may include sub-folders).</param>
    /// <param name="includeHistory">Whether to render every history event.</param>
    /// <param name="callerFilePath">Supplied by the compiler: the calling test's source file.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<ScenarioResultAssertions> MatchGoldenJson(string name, bool includeHistory = false, [CallerFilePath] string callerFilePath = "") =>
        MatchGolden(name, ".json", TimelineJson.Render(Subject, includeHistory), callerFilePath);

    private AndConstraint<ScenarioResultAssertions> MatchGolden(string name, string extension, string actual, string callerFilePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var folder = Path.Combine(Path.GetDirectoryName(callerFilePath) ?? "", "Golden");
        var problem = GoldenFile.Compare(Path.Combine(folder, name + extension), actual);
        Execute.Assertion.ForCondition(problem is null).FailWith(Escape(problem ?? ""));
        return new(this);
    }

    internal List<(string EventId, IndicatorHit Hit)> Hits(IndicatorId indicator) =>
        Subject.Events.Where(e => e.Decision is not null)
            .SelectMany(e => e.Decision!.Value.Indicators.Where(h => h.Id == indicator).Select(h => (e.Event.Id, h)))
            .ToList();

    internal void Fail(bool condition, string because, object[] becauseArgs, string message) =>
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(condition)
            .FailWith(message + "\n\nTimeline:\n" + Escape(TimelineText.Render(Subject)));

    private EvaluatedEvent? Order(string orderId, string because, object[] becauseArgs)
    {
        var e = Find(orderId, because, becauseArgs);
        if (e is not null && e.Event is not OrderEvent)
        {
            Fail(false, because, becauseArgs, $"Expected \"{orderId}\" to be an order{{reason}}, but it is a {e.Event.Type} event.");
            return null;
        }

        return e;
    }

    private EvaluatedEvent? Find(string eventId, string because, object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        Execute.Assertion.BecauseOf(because, becauseArgs).ForCondition(Subject is not null).FailWith("Expected {context:result} to be evaluated{reason}, but it is <null>.");
        if (Subject is null)
        {
            return null;
        }

        if (Subject.TryGet(eventId, out var e))
        {
            return e;
        }

        Fail(false, because, becauseArgs, $"Expected {{context:result}} to contain event \"{eventId}\"{{reason}}, but it has no such event.");
        return null;
    }

    private static string Verdict(EvaluatedEvent e) => e.Decision switch
    {
        null => "never delivered (its order was stopped)",
        { Status: not DecisionStatus.Evaluated } d => $"{d.Status} ({d.RejectionReason})",
        { } d => $"{d.Kind} with risk {d.Risk}",
    };

    private static string Quote(List<string> ids) =>
        ids.Count == 0 ? "nothing" : string.Join(", ", ids.Take(20).Select(i => "\"" + i + "\"")) + (ids.Count > 20 ? $" and {ids.Count - 20} more" : "");

    // FailWith treats braces as placeholders; the timeline is literal text.
    internal static string Escape(string text) => text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}

/// <summary>Assertions on the hits of one indicator in a scenario result, from <see cref="ScenarioResultAssertions.Flag"/>.</summary>
public sealed class IndicatorAssertions
{
    private readonly ScenarioResultAssertions _parent;
    private readonly IndicatorId _indicator;
    private readonly List<(string EventId, IndicatorHit Hit)> _hits;

    internal IndicatorAssertions(ScenarioResultAssertions parent, IndicatorId indicator, List<(string EventId, IndicatorHit Hit)> hits)
    {
        _parent = parent;
        _indicator = indicator;
        _hits = hits;
    }

    /// <summary>Continues with assertions on the whole result.</summary>
    public ScenarioResultAssertions And => _parent;

    /// <summary>The matching hits (the last one when several events cite the indicator).</summary>
    public IndicatorHit Which => _hits.Count > 0 ? _hits[^1].Hit : throw new InvalidOperationException($"{_indicator} did not fire.");

    /// <summary>Asserts that the indicator fired on the decision for this event.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>These assertions, narrowed to that event.</returns>
    [CustomAssertion]
    public IndicatorAssertions On(string eventId, string because = "", params object[] becauseArgs)
    {
        var on = _hits.Where(h => h.EventId == eventId).ToList();
        _parent.Fail(on.Count > 0, because, becauseArgs,
            $"Expected {{context:result}} to flag {_indicator} on \"{eventId}\"{{reason}}, but it flagged it on {Ids(_hits)}.");
        return new IndicatorAssertions(_parent, _indicator, on);
    }

    /// <summary>Asserts that some hit of the indicator cites all these events as evidence.</summary>
    /// <param name="eventIds">The event ids expected in the evidence.</param>
    /// <returns>These assertions, narrowed to the hits that cite them.</returns>
    [CustomAssertion]
    public IndicatorAssertions WithEvidence(params string[] eventIds)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        var citing = _hits.Where(h => eventIds.All(h.Hit.Evidence.Contains)).ToList();
        var cited = _hits.Count == 0 ? "it did not fire" : "it cited " + string.Join(" / ", _hits.Select(h => "[" + string.Join(", ", h.Hit.Evidence) + "] on \"" + h.EventId + "\""));
        _parent.Fail(citing.Count > 0, "", [],
            $"Expected {{context:result}} to flag {_indicator} with evidence [{string.Join(", ", eventIds)}], but {cited}.");
        return new IndicatorAssertions(_parent, _indicator, citing);
    }

    /// <summary>Asserts that some hit of the indicator has at least this severity.</summary>
    /// <param name="severity">The minimum severity.</param>
    /// <returns>These assertions, narrowed to those hits.</returns>
    [CustomAssertion]
    public IndicatorAssertions WithSeverityAtLeast(IndicatorSeverity severity)
    {
        var severe = _hits.Where(h => h.Hit.Severity >= severity).ToList();
        _parent.Fail(severe.Count > 0, "", [],
            $"Expected {{context:result}} to flag {_indicator} with severity at least {severity}, but the hits were {string.Join(", ", _hits.Select(h => h.Hit.Severity).Distinct())}.");
        return new IndicatorAssertions(_parent, _indicator, severe);
    }

    private static string Ids(List<(string EventId, IndicatorHit Hit)> hits) =>
        hits.Count == 0 ? "nothing" : string.Join(", ", hits.Select(h => "\"" + h.EventId + "\"").Distinct());
}
