using TakeoverRules.Facts;

namespace TakeoverRules.Response;

/// <summary>Something to keep as evidence, or to write down, for a <see cref="ResponseStep"/>.</summary>
/// <param name="Id">Stable identifier, for example <c>police-receipt-number</c>.</param>
/// <param name="Description">What to keep and how.</param>
/// <param name="Required">Whether the step is incomplete without it (a progress tracker reports it as missing).</param>
/// <param name="RecordsValue">Whether the item is a value to write down (a receipt number) rather than a file to keep.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record EvidenceItem(string Id, BilingualText Description, bool Required, bool RecordsValue);

/// <summary>One step of a <see cref="ResponsePlan"/>.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ResponseStep
{
    /// <summary>Stable identifier (for example <c>report-police</c>); the same across versions and languages.</summary>
    public required string Id { get; init; }

    /// <summary>Position in the plan, from 1.</summary>
    public required int Order { get; init; }

    /// <summary>How soon to do it.</summary>
    public required Urgency Urgency { get; init; }

    /// <summary>A short title, a few words long.</summary>
    public required BilingualText Title { get; init; }

    /// <summary>What to do, in full.</summary>
    public required BilingualText Action { get; init; }

    /// <summary>Why the step matters.</summary>
    public required BilingualText Purpose { get; init; }

    /// <summary>Where to turn, as sourced contact facts (with their as-of dates); empty when no confirmed contact exists.</summary>
    public required IReadOnlyList<ContactPoint> Contacts { get; init; }

    /// <summary>How to find the official contact safely when no confirmed number is given; null when <see cref="Contacts"/> suffices.</summary>
    public BilingualText? FindContactSafely { get; init; }

    /// <summary>What to keep or write down.</summary>
    public required IReadOnlyList<EvidenceItem> Evidence { get; init; }

    /// <summary>How to know the step is done.</summary>
    public required BilingualText DoneWhen { get; init; }

    /// <summary>Ids of the facts the step rests on (see the facts registry).</summary>
    public required IReadOnlyList<string> FactIds { get; init; }
}
