using TakeoverRules.Facts;

namespace TakeoverRules.Response;

/// <summary>
/// Builds a <see cref="ResponsePlan"/> from an <see cref="IncidentContext"/>. Contact details come only from the
/// sourced contact facts; where none is confirmed (most brokers' phone numbers), the step says how to find the
/// official one safely instead.
/// </summary>
/// <remarks>Immutable after construction; thread-safe.</remarks>
public sealed class ResponsePlanner
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    private readonly FactsRegistry _facts;
    private readonly Dictionary<string, Broker> _brokers;

    /// <summary>Creates a planner that takes contacts, brokers and compensation policies from <paramref name="facts"/>.</summary>
    /// <param name="facts">The facts in force, for example <see cref="FactsRegistry.Embedded"/>.</param>
    public ResponsePlanner(FactsRegistry facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _facts = facts;
        _brokers = facts.Brokers.ToDictionary(b => b.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The broker ids <see cref="IncidentContext.BrokerId"/> accepts, sorted.</summary>
    public IReadOnlyList<string> BrokerIds => [.. _brokers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Builds the plan for <paramref name="context"/>.</summary>
    /// <param name="context">What is known about the incident.</param>
    /// <returns>The ordered plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    /// <exception cref="IncidentContextException">A field of <paramref name="context"/> cannot be used (an unknown broker id, an undefined enum value).</exception>
    public ResponsePlan Create(IncidentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Enum.IsDefined(context.NoticedBy))
        {
            throw new IncidentContextException(nameof(IncidentContext.NoticedBy), context.NoticedBy.ToString(), "not a defined NoticedBy value");
        }

        Broker? broker = null;
        if (context.BrokerId is not null && !_brokers.TryGetValue(context.BrokerId, out broker))
        {
            throw new IncidentContextException(nameof(IncidentContext.BrokerId), context.BrokerId,
                "unknown broker; known ids: " + string.Join(", ", BrokerIds));
        }

        var policies = broker is null
            ? []
            : _facts.PoliciesFor(broker.Id, context.DiscoveredAt is { } at ? DateOnly.FromDateTime(at.ToOffset(Jst).DateTime) : null);
        var steps = ResponseSteps.For(context, broker, policies, Contacts)
            .Select((s, i) => (Step: s, Index: i))
            .OrderBy(s => s.Step.Urgency)
            .ThenBy(s => s.Index)
            .Select((s, i) => s.Step with { Order = i + 1 })
            .ToList();
        return new ResponsePlan { Context = context, Broker = broker, CompensationPolicies = policies, Steps = steps, Notes = Notes(context) };
    }

    private IReadOnlyList<ContactPoint> Contacts(ContactKind kind, string? brokerId = null) =>
        [.. _facts.Contacts.Where(c => c.Kind == kind && (kind != ContactKind.Broker || string.Equals(c.BrokerId, brokerId, StringComparison.OrdinalIgnoreCase)))];

    private static List<BilingualText> Notes(IncidentContext context)
    {
        var notes = new List<BilingualText>();
        if (context.DiscoveredAt is { } at)
        {
            var local = at.ToOffset(Jst);
            var weekdayHours = local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && local.Hour is >= 9 and < 17;
            if (!weekdayHours)
            {
                notes.Add(new(
                    $"発見は日本時間 {local:yyyy-MM-dd HH:mm}({JaDay(local.DayOfWeek)})で、平日の受付時間外です。警察相談専用電話 #9110 は平日9時〜17時の受付とされているため、まず証券会社の窓口(時間外の受付がないか公式サイトで確認)へ連絡し、#9110 には次の平日に連絡してください。緊急の場合は110番です。",
                    $"It was discovered at {local:yyyy-MM-dd HH:mm} JST ({local.DayOfWeek}), outside weekday hours. The police consultation line #9110 is listed as answering on weekdays 9:00-17:00, so contact the broker first (check its official site for an out-of-hours line) and call #9110 on the next weekday. In an emergency call 110."));
            }
        }

        if (context.WithdrawalSeen)
        {
            notes.Add(new(
                "2025年の被害では不正な出金は確認されていないと金融庁は発表していました(2025年4月18日時点)。出金が見えた場合は通常と異なる手口の可能性があるため、証券会社と警察に必ず伝えてください。",
                "The FSA said fraudulent withdrawals had not been confirmed in the 2025 wave (as of 2025-04-18). A withdrawal may mean a different scheme: tell the broker and the police explicitly."));
        }

        return notes;
    }

    private static string JaDay(DayOfWeek day) => "日月火水木金土"[(int)day].ToString();
}
