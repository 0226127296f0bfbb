using System.Globalization;

namespace TakeoverRules.Detection.Format;

/// <summary>
/// Writes <see cref="Decision"/>s as the decision lines of TakeoverRules event format v1 (see
/// <c>docs/event-format.md</c>): <c>{eventId, account, time, decision, risk, indicators: [{id, severity, evidence,
/// message}]}</c>, one line per decision, and for an order that was not judged (too late or too early) also
/// <c>status</c> (<c>tooLate</c>, <c>tooEarly</c>) and <c>reason</c>. The stream of record holds one line for every
/// order but duplicates and for any other evaluated event on which an indicator fired; <see cref="WriteIfReportable"/>
/// applies that rule. Output is
/// buffered; call <see cref="Flush"/> or <see cref="Dispose"/>. Not thread-safe.
/// </summary>
public sealed class DecisionWriter : IDisposable
{
    private static readonly string[] Kinds = ["allow", "review", "hold", "freeze"];
    private static readonly string[] Severities = ["low", "medium", "high", "critical"];

    private readonly JsonLinesOutput _output;
    private readonly bool _japanese;

    /// <summary>
    /// Creates a writer over <paramref name="utf8Stream"/> whose indicator messages are in English, whatever the
    /// host's culture, so the stream of record reads the same on every machine.
    /// </summary>
    /// <param name="utf8Stream">Where the UTF-8 JSON Lines go.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="utf8Stream"/> open (default <see langword="false"/>).</param>
    public DecisionWriter(Stream utf8Stream, bool leaveOpen = false)
    {
        _output = new JsonLinesOutput(utf8Stream, leaveOpen);
    }

    /// <summary>Creates a writer over <paramref name="utf8Stream"/> whose indicator messages are in the culture's language (<see cref="TextLanguage"/>).</summary>
    /// <param name="utf8Stream">Where the UTF-8 JSON Lines go.</param>
    /// <param name="culture">The culture of the messages, read once here; <see langword="null"/> means <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="utf8Stream"/> open (default <see langword="false"/>).</param>
    public DecisionWriter(Stream utf8Stream, CultureInfo? culture, bool leaveOpen = false)
        : this(utf8Stream, leaveOpen)
    {
        _japanese = TextLanguage.IsJapanese(culture);
    }

    /// <summary>Writes one decision as one line, whatever its kind or status.</summary>
    /// <param name="decision">The decision.</param>
    /// <exception cref="ArgumentException">The decision is <see langword="default"/> (has no event id).</exception>
    public void Write(in Decision decision)
    {
        if (decision.EventId is null || decision.Account is null)
        {
            throw new ArgumentException("A default Decision has no event to describe.", nameof(decision));
        }

        var w = _output.BeginLine();
        w.WriteStartObject();
        w.WriteString("eventId"u8, decision.EventId);
        w.WriteString("account"u8, decision.Account);
        w.WriteString("time"u8, decision.Time);
        w.WriteString("decision"u8, Kinds[(int)decision.Kind]);
        w.WriteNumber("risk"u8, decision.Risk);
        w.WriteStartArray("indicators"u8);
        foreach (var hit in decision.Indicators)
        {
            w.WriteStartObject();
            w.WriteString("id"u8, IndicatorCatalog.Get(hit.Id).Code);
            w.WriteString("severity"u8, Severities[(int)hit.Severity]);
            w.WriteStartArray("evidence"u8);
            foreach (var id in hit.Evidence)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            w.WriteString("message"u8, _japanese ? IndicatorCatalog.Render(hit, en: false) : hit.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (decision.Status is DecisionStatus.TooLate or DecisionStatus.TooEarly)
        {
            // After the required fields, so a consumer of the v1 line reads it unchanged; only a line that was not judged has them.
            w.WriteString("status"u8, decision.Status == DecisionStatus.TooLate ? "tooLate"u8 : "tooEarly"u8);
            w.WriteString("reason"u8, decision.RejectionReason);
        }

        w.WriteEndObject();
        _output.EndLine();
    }

    /// <summary>
    /// Writes the decision if it belongs in the decisions stream (<see cref="Decision.IsReportable"/>: an order that is
    /// not a duplicate, or another evaluated event on which an indicator fired).
    /// </summary>
    /// <param name="decision">The decision.</param>
    /// <returns>Whether a line was written.</returns>
    public bool WriteIfReportable(in Decision decision)
    {
        if (!decision.IsReportable)
        {
            return false;
        }

        Write(decision);
        return true;
    }

    /// <summary>Writes buffered lines to the stream and flushes it.</summary>
    public void Flush() => _output.Flush();

    /// <summary>Flushes and releases the writer and, unless left open, the stream.</summary>
    public void Dispose() => _output.Dispose();
}
