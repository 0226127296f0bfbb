using System.Globalization;
using TakeoverRules.Facts;

namespace TakeoverRules.Response;

/// <summary>
/// The ordered steps for one incident, built by <see cref="ResponsePlanner.Create(IncidentContext)"/>: most urgent
/// first, each with its contacts (sourced facts with as-of dates), purpose, evidence to keep and how to know it is done.
/// </summary>
/// <remarks>Immutable; thread-safe. Not legal advice: see <see cref="Disclaimer"/>.</remarks>
public sealed record ResponsePlan
{
    /// <summary>The incident the plan was built for.</summary>
    public required IncidentContext Context { get; init; }

    /// <summary>The broker, when <see cref="IncidentContext.BrokerId"/> named a known one; otherwise null.</summary>
    public Broker? Broker { get; init; }

    /// <summary>
    /// The broker's compensation policies known on the discovery date (or in the latest facts), newest first; empty when
    /// no broker was given or none is known. Pass the amounts to <see cref="Compensation.CompensationOutlook"/> for an estimate.
    /// </summary>
    public IReadOnlyList<CompensationPolicy> CompensationPolicies { get; init; } = [];

    /// <summary>The steps, in the order to do them.</summary>
    public required IReadOnlyList<ResponseStep> Steps { get; init; }

    /// <summary>Remarks that follow from the context (for example that a phone line is closed at the time of discovery).</summary>
    public required IReadOnlyList<BilingualText> Notes { get; init; }

    /// <summary>What the plan is and is not.</summary>
    public static BilingualText Disclaimer { get; } = new(
        "これは公開情報に基づく手順の目安で、法的助言ではありません。連絡先は出典の日付時点のものです。最終的には各機関の公式案内に従ってください。",
        "These steps are guidance based on public sources, not legal advice. Contact details are as of their source dates; follow each organisation's official instructions.");

    /// <summary>Writes the plan as a printable Markdown checklist, ticking what <paramref name="tracker"/> has recorded.</summary>
    /// <param name="culture">The culture of the text (<see cref="TextLanguage"/>: Japanese for <c>ja</c>, otherwise English); <see langword="null"/> means <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <param name="tracker">The victim's progress, or null for a blank checklist.</param>
    public string ToMarkdown(CultureInfo? culture = null, ResponseTracker? tracker = null) => ResponsePlanFormats.Markdown(this, culture, tracker);

    /// <summary>Writes the plan as a short plain text for a chat message: one line per step with the confirmed numbers.</summary>
    /// <param name="culture">The culture of the text (<see cref="TextLanguage"/>: Japanese for <c>ja</c>, otherwise English); <see langword="null"/> means <see cref="CultureInfo.CurrentUICulture"/>.</param>
    public string ToChatText(CultureInfo? culture = null) => ResponsePlanFormats.Chat(this, culture);

    /// <summary>Writes the plan, both languages and every contact's source, as JSON.</summary>
    public string ToJson() => ResponsePlanFormats.Json(this);

    /// <summary>Returns the step with <paramref name="id"/>, or null when the plan has none.</summary>
    /// <param name="id">A step id such as <c>report-police</c>.</param>
    public ResponseStep? Find(string id) => Steps.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));
}
